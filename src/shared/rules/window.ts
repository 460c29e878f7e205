import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'
import type { Reason } from '../api/result'
import { addMonths, civilToDayNumber, daysInMonth, toDayNumber, type IsoDate } from '../calendar/days'
import type { Role } from '../domain/user'
import { paramValue } from './parameters'
import { liftsBackRegistrationWindow } from './permissions'

/**
 * R8 (back-registration window) and A5 (how far a device's `recordedAt` is trusted).
 * Timestamps are ISO-8601 strings with an explicit offset (`Z` or `±HH:MM`), parsed strictly
 * here (dayjs would accept `2025-02-30` or a missing offset), never as local time. The Oslo
 * calendar date comes from dayjs' `timezone` plugin, i.e. the IANA tz database in Intl
 * (full ICU in Node ≥ 13, Chromium and Electron), so Norway's rules are not hand-written here
 * and the result does not depend on the machine's own time zone.
 */

dayjs.extend(utc)
dayjs.extend(timezone)
const OSLO = 'Europe/Oslo'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A5: tolerance on both bounds of a device's recorded time. */
export const RECORDED_AT_TOLERANCE_MS = 5 * MINUTE
/** A5: a device whose clock differs from the register's by more than the tolerance says so. */
export function clockDiffers(registerMinusDeviceMs: number): boolean {
  return Math.abs(registerMinusDeviceMs) > RECORDED_AT_TOLERANCE_MS
}
/** A5: recorded times before this instant are refused (`RECORDED_AT_IMPLAUSIBLE`). */
export const RECORDED_AT_EARLIEST = '2000-01-01T00:00:00Z'
/**
 * A5 **Decision**: "far in the future" = more than 1 day after the reference time (server
 * time, or the end of `today` when no server time is known). Between +5 minutes and +1 day
 * the server silently judges at its own time instead.
 */
export const RECORDED_AT_MAX_AHEAD_MS = DAY

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/

/** Milliseconds since 1970-01-01T00:00Z of an ISO timestamp with offset; null if malformed. */
export function parseTimestamp(ts: string): number | null {
  const m = TIMESTAMP.exec(ts)
  if (!m) return null
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0))
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
  let offset = 0
  if (m[8] !== 'Z') {
    const sign = m[8][0] === '-' ? -1 : 1
    const digits = m[8].slice(1).replace(':', '')
    offset = sign * (Number(digits.slice(0, 2)) * HOUR + Number(digits.slice(2)) * MINUTE)
  }
  return civilToDayNumber(y, mo, d) * DAY + h * HOUR + mi * MINUTE + s * 1000 + ms - offset
}

/** Europe/Oslo's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer time). */
export function osloOffsetMs(utcMs: number): number {
  return dayjs(utcMs).tz(OSLO).utcOffset() * MINUTE
}

/**
 * Oslo dates by UTC minute. Why: dayjs' time-zone conversion costs ~1 ms, and every save and
 * every pushed mutation asks several times (`bench/push.ts` found it among a save's largest
 * costs). Oslo's offsets are whole minutes, so one UTC minute lies within one Oslo date.
 */
const osloDates = new Map<number, IsoDate>()

/** R11.11: the calendar date in Norway of an instant (ms since epoch). */
export function osloDateOfMs(utcMs: number): IsoDate {
  const minute = Math.floor(utcMs / MINUTE)
  let date = osloDates.get(minute)
  if (date === undefined) {
    if (osloDates.size >= 4096) osloDates.clear()
    date = dayjs(minute * MINUTE)
      .tz(OSLO)
      .format('YYYY-MM-DD')
    osloDates.set(minute, date)
  }
  return date
}

/** R11.11: the calendar date in Norway of a timestamp; null if malformed. */
export function osloDate(timestamp: string): IsoDate | null {
  const ms = parseTimestamp(timestamp)
  return ms === null ? null : osloDateOfMs(ms)
}

/** Time inputs of a check (a subset of `checkCommand`'s context). */
export interface TimeContext {
  /** When the caseworker saved it, as the device claims (ISO timestamp with offset). */
  recordedAt: string
  /** The judge's calendar date (device or server), `YYYY-MM-DD`. */
  today: IsoDate
  /** Server time now, when the server judges. */
  serverTime?: string
  /** Server-issued time of the device's last successful sync before this mutation. */
  lastSyncAt?: string | null
}

/** Which time a registration is judged at (A5). */
export interface JudgedTime {
  /** Oslo calendar date of the time used; null when the recorded time was refused. */
  date: IsoDate | null
  /** `recorded`: the device's time was trusted; `server`: it was outside the bounds. */
  basis: 'recorded' | 'server'
  errors: Reason[]
}

/**
 * A5: the recorded time counts when it is within [lastSyncAt − 5 min, serverTime + 5 min];
 * otherwise the server's own time. Without `serverTime` (the device judging its own save)
 * the recorded time is taken as is. Malformed, pre-2000 and far-future times are refused
 * with their own codes, never adjusted.
 */
export function judgedTime(ctx: TimeContext): JudgedTime {
  const field = 'recordedAt'
  const rec = parseTimestamp(ctx.recordedAt)
  if (rec === null) return { date: null, basis: 'recorded', errors: [{ code: 'RECORDED_AT_INVALID', field }] }
  const server = ctx.serverTime === undefined ? null : parseTimestamp(ctx.serverTime)
  const reference = server ?? (toDayNumber(ctx.today) + 1) * DAY
  if (rec < (parseTimestamp(RECORDED_AT_EARLIEST) as number) || rec > reference + RECORDED_AT_MAX_AHEAD_MS) {
    return { date: null, basis: 'recorded', errors: [{ code: 'RECORDED_AT_IMPLAUSIBLE', field, values: { recordedAt: ctx.recordedAt } }] }
  }
  if (server === null) return { date: osloDateOfMs(rec), basis: 'recorded', errors: [] }
  const lastSync = ctx.lastSyncAt ? parseTimestamp(ctx.lastSyncAt) : null
  const tooLate = rec > server + RECORDED_AT_TOLERANCE_MS
  const tooEarly = lastSync !== null && rec < lastSync - RECORDED_AT_TOLERANCE_MS
  if (tooLate || tooEarly) return { date: osloDateOfMs(server), basis: 'server', errors: [] }
  return { date: osloDateOfMs(rec), basis: 'recorded', errors: [] }
}

/** R8.1: the earliest event date allowed for a registration judged on `judgedDate`. */
export function backRegistrationLimit(judgedDate: IsoDate): IsoDate {
  return addMonths(judgedDate, -paramValue('backRegistrationMonths', judgedDate))
}

/** How one event date of a command is checked. */
export interface EventDateCheck {
  date: IsoDate
  /** The input field holding the date. */
  field: string
  /** R8.3: planned start/end dates of decisions and measures may lie in the future. */
  mayBeFuture: boolean
}

/**
 * R8.1 + R8.3 for one event date.
 * - R8.1: `date ≥ judgedDate − 2 months` unless the roles lift the window (R11.11);
 *   exactly on the limit is allowed (31 Mar → 31 Jan; 30 Apr → 28 Feb by R1.4).
 * - R8.3: a date after `today` is refused unless `mayBeFuture` (weekly rows pass
 *   `mayBeFuture: true`, R11.10 — their own rule bounds the week).
 */
export function eventDateReasons(check: EventDateCheck, judgedDate: IsoDate, today: IsoDate, roles: readonly Role[]): Reason[] {
  const out: Reason[] = []
  const limit = backRegistrationLimit(judgedDate)
  if (check.date < limit && !liftsBackRegistrationWindow(roles)) {
    out.push({ code: 'BACK_REGISTRATION_WINDOW', field: check.field, values: { date: check.date, limit } })
  }
  if (!check.mayBeFuture && check.date > today) {
    out.push({ code: 'EVENT_DATE_IN_FUTURE', field: check.field, values: { date: check.date, today } })
  }
  return out
}
