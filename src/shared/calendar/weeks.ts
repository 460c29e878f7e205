import { civilToDayNumber, dayNumberToCivil, dayOfWeekOfDayNumber, fromDayNumber, toDayNumber, type IsoDate } from './days'

/** An ISO-8601 week (R1.1): named by its week-year, which can differ from the date's year. */
export interface IsoWeek {
  year: number
  week: number
}

/** R1.1: ISO week of a date — the week holding its Thursday decides the week-year. */
export function isoWeekOfDayNumber(n: number): IsoWeek {
  const thursday = n - dayOfWeekOfDayNumber(n) + 4
  const [year] = dayNumberToCivil(thursday)
  const week = Math.floor((thursday - civilToDayNumber(year, 1, 1)) / 7) + 1
  return { year, week }
}

/** R1.1: e.g. 2021-01-03 → 2020-W53, 2024-12-31 → 2025-W01. */
export function isoWeek(date: IsoDate): IsoWeek {
  return isoWeekOfDayNumber(toDayNumber(date))
}

/** 53 when 1 Jan is a Thursday, or a Wednesday in a leap year; otherwise 52. */
export function weeksInIsoYear(year: number): number {
  // 28 Dec always lies in the last ISO week of its year
  return isoWeekOfDayNumber(civilToDayNumber(year, 12, 28)).week
}

/** Day number of the Monday of ISO week 1 of `year` (the week holding 4 Jan). */
function week1Monday(year: number): number {
  const jan4 = civilToDayNumber(year, 1, 4)
  return jan4 - dayOfWeekOfDayNumber(jan4) + 1
}

/** Monday and Sunday of an ISO week; RangeError when `week` is outside 1..weeksInIsoYear. */
export function isoWeekRange(year: number, week: number): { monday: IsoDate; sunday: IsoDate } {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > weeksInIsoYear(year)) {
    throw new RangeError(`no ISO week ${week} in ${year}`)
  }
  const monday = week1Monday(year) + 7 * (week - 1)
  return { monday: fromDayNumber(monday), sunday: fromDayNumber(monday + 6) }
}
