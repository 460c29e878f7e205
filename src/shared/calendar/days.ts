/**
 * Calendar dates as `YYYY-MM-DD` strings and day numbers (days since 1970-01-01).
 * Rules code runs these in hot loops, so everything is integer arithmetic — no Date
 * objects, no time zones (rules.md R0).
 */

/** `YYYY-MM-DD`, every date in shared code. */
export type IsoDate = string

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]
}

/** True for an existing date written exactly `YYYY-MM-DD` (years 0000–9999). */
export function isValidIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !DATE_SHAPE.test(s)) return false
  const y = Number(s.slice(0, 4))
  const m = Number(s.slice(5, 7))
  const d = Number(s.slice(8, 10))
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** Day number of a civil date (Hinnant's days_from_civil; proleptic Gregorian). */
export function civilToDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const mp = m > 2 ? m - 3 : m + 9
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Civil date `[year, month, day]` of a day number (inverse of civilToDayNumber). */
export function dayNumberToCivil(n: number): [number, number, number] {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d]
}

/** Splits a date into numbers; throws RangeError when it is not an existing `YYYY-MM-DD`. */
export function parseIsoDate(date: IsoDate): [number, number, number] {
  if (!isValidIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${String(date)}`)
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

export function civilToIso(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
}

/** Days since 1970-01-01 (negative before). Throws RangeError on a malformed date. */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parseIsoDate(date)
  return civilToDayNumber(y, m, d)
}

export function fromDayNumber(n: number): IsoDate {
  const [y, m, d] = dayNumberToCivil(n)
  return civilToIso(y, m, d)
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n)
}

/** `b − a` in days (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** Days in the inclusive period `from..to`; 0 when `to` is before `from`. */
export function calendarDaysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.max(0, daysBetween(from, to) + 1)
}

/** −1, 0 or 1; `YYYY-MM-DD` strings order lexically. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let min = first
  for (const d of rest) if (d < min) min = d
  return min
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let max = first
  for (const d of rest) if (d > max) max = d
  return max
}

/** ISO day of week of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function dayOfWeekOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekOfDayNumber(toDayNumber(date))
}

/**
 * R1.4: same day of month `n` months later (n may be negative), clamped to the target
 * month's last day — 2021-01-31 + 1 month = 2021-02-28, 2024-01-31 + 1 = 2024-02-29.
 * Not reversible: addMonths(addMonths(d, 1), -1) may be earlier than d.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parseIsoDate(date)
  const total = y * 12 + (m - 1) + n
  const ty = Math.floor(total / 12)
  const tm = total - ty * 12 + 1
  return civilToIso(ty, tm, Math.min(d, daysInMonth(ty, tm)))
}

/** R1.4: `n` years later, 29 Feb clamps to 28 Feb in a common year. */
export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, 12 * n)
}
