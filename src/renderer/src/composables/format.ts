import dayjs from 'dayjs'
import { shallowRef } from 'vue'

/**
 * Display helpers shared by the screens: dates as dd.mm.åååå (style of the NIR guide),
 * and "which row of a history is current". Dates go through dayjs, as everywhere in the
 * product; the rules keep their own pure day arithmetic.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/

/** `YYYY-MM-DD` → `dd.mm.åååå`; anything else is shown as is, empty as an en dash. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–'
  // Only the calendar day is read: a date must not shift with the machine's time zone.
  return ISO_DAY.test(iso) ? dayjs(iso.slice(0, 10)).format('DD.MM.YYYY') : iso
}

/** An ISO timestamp in the machine's local time, `dd.mm.åååå HH:MM`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–'
  const d = dayjs(iso)
  return d.isValid() ? d.format('DD.MM.YYYY HH:mm') : iso
}

// Reactive, so every computed that asked for today is computed again when main says the date
// turned at midnight (a laptop left open overnight).
const deviceToday = shallowRef<string | null>(null)

/** Main's Europe/Oslo date (`SessionState.today`); set by the session store. */
export function setDeviceToday(today: string | null): void {
  deviceToday.value = today
}

/**
 * Today as `YYYY-MM-DD`: the Oslo date main gave with the session, so the screens and the
 * rules agree on "today"; the window's local date only before any session state arrived.
 */
export function todayIso(): string {
  return deviceToday.value ?? dayjs().format('YYYY-MM-DD')
}

interface Dated {
  validFrom: string
  validTo: string | null
}

/** Newest first by `validFrom`. */
export function newestFirst<T extends Dated>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.validFrom.localeCompare(a.validFrom))
}

/**
 * The row in force today: started on or before today and not ended before it. When none is
 * in force (all ended, or all in the future), the newest row is shown as "current" so the
 * screen is never blank while history exists; `isInForce` tells the two apart.
 */
export function currentOf<T extends Dated>(rows: readonly T[], today = todayIso()): T | null {
  const sorted = newestFirst(rows)
  return sorted.find((r) => isInForce(r, today)) ?? sorted[0] ?? null
}

export function isInForce(r: Dated, today = todayIso()): boolean {
  return r.validFrom <= today && (r.validTo === null || r.validTo >= today)
}

export function fullName(p: { firstName: string; middleName: string | null; lastName: string }): string {
  return [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ')
}
