import { dayNumberToCivil, dayOfWeekOfDayNumber, fromDayNumber, toDayNumber, type IsoDate } from './days'
import { holidayDayNumbers, isPublicHolidayDayNumber } from './holidays'

/** R1.3 for a day number: Monday–Friday and not a public holiday. */
export function isWorkingDayNumber(n: number): boolean {
  return dayOfWeekOfDayNumber(n) <= 5 && !isPublicHolidayDayNumber(n)
}

/** R1.3: Monday–Friday that is not a public holiday (R1.2). */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date))
}

/** Working days in the inclusive day-number range; 0 when `to < from`. */
export function workingDaysBetweenDayNumbers(from: number, to: number): number {
  if (to < from) return 0
  // whole weeks hold 5 weekdays each; only the remainder and holidays need a day-by-day look
  const total = to - from + 1
  const weeks = Math.floor(total / 7)
  let count = weeks * 5
  let dow = dayOfWeekOfDayNumber(from)
  for (let i = 0; i < total - weeks * 7; i++) {
    if (dow <= 5) count++
    dow = dow === 7 ? 1 : dow + 1
  }
  const lastYear = dayNumberToCivil(to)[0]
  for (let y = dayNumberToCivil(from)[0]; y <= lastYear; y++) {
    for (const h of holidayDayNumbers(y)) {
      if (h >= from && h <= to && dayOfWeekOfDayNumber(h) <= 5) count--
    }
  }
  return count
}

/** Number of working days (R1.3) in the inclusive period `from..to`; 0 when `to` is before `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  return workingDaysBetweenDayNumbers(toDayNumber(from), toDayNumber(to))
}

/**
 * R1.5: the n-th working day after `date` (the start itself never counts, even when it is a
 * working day). R11.1: n = 0 returns `date` unchanged, working day or not. A negative n walks
 * backwards to the |n|-th working day before `date`.
 */
export function addWorkingDaysToDayNumber(start: number, n: number): number {
  const step = n < 0 ? -1 : 1
  let left = Math.abs(n)
  let d = start
  while (left > 0) {
    d += step
    if (isWorkingDayNumber(d)) left--
  }
  return d
}

/** R1.5 / R11.1 on dates; see addWorkingDaysToDayNumber. */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(addWorkingDaysToDayNumber(toDayNumber(date), n))
}
