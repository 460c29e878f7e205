import { civilToDayNumber, dayNumberToCivil, fromDayNumber, toDayNumber, type IsoDate } from './days'

/** Stable keys of Norway's public holidays (R1.2); texts live with the UI. */
export type HolidayKey =
  | 'nyttarsdag'
  | 'skjaertorsdag'
  | 'langfredag'
  | 'forste_paskedag'
  | 'andre_paskedag'
  | 'forste_mai'
  | 'grunnlovsdag'
  | 'kristi_himmelfartsdag'
  | 'forste_pinsedag'
  | 'andre_pinsedag'
  | 'forste_juledag'
  | 'andre_juledag'

export interface PublicHoliday {
  date: IsoDate
  key: HolidayKey
}

/** Easter Sunday (Gregorian, anonymous/Meeus algorithm) as a day number. */
function easterDayNumber(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return civilToDayNumber(year, month, day)
}

export function easterSunday(year: number): IsoDate {
  return fromDayNumber(easterDayNumber(year))
}

/** Offsets from Easter Sunday of the movable holidays. */
const EASTER_OFFSETS: [HolidayKey, number][] = [
  ['skjaertorsdag', -3],
  ['langfredag', -2],
  ['forste_paskedag', 0],
  ['andre_paskedag', 1],
  ['kristi_himmelfartsdag', 39],
  ['forste_pinsedag', 49],
  ['andre_pinsedag', 50],
]

const FIXED: [HolidayKey, number, number][] = [
  ['nyttarsdag', 1, 1],
  ['forste_mai', 5, 1],
  ['grunnlovsdag', 5, 17],
  ['forste_juledag', 12, 25],
  ['andre_juledag', 12, 26],
]

interface YearHolidays {
  list: { n: number; key: HolidayKey }[]
  days: Set<number>
  /** distinct holiday day numbers, ascending */
  unique: number[]
}
const cache = new Map<number, YearHolidays>()

function holidaysOfYear(year: number): YearHolidays {
  let hit = cache.get(year)
  if (hit) return hit
  const easter = easterDayNumber(year)
  const list = [...FIXED.map(([key, m, d]) => ({ n: civilToDayNumber(year, m, d), key })), ...EASTER_OFFSETS.map(([key, off]) => ({ n: easter + off, key }))].sort(
    (x, y) => x.n - y.n,
  )
  const days = new Set(list.map((h) => h.n))
  hit = { list, days, unique: [...days].sort((x, y) => x - y) }
  cache.set(year, hit)
  return hit
}

/**
 * R1.2: Norway's public holidays in date order. Whit Monday and 17 May can fall on the same
 * date (e.g. 2100); both entries are kept.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  return holidaysOfYear(year).list.map((h) => ({ date: fromDayNumber(h.n), key: h.key }))
}

// Hot-loop lookup: one set over a contiguous span of loaded years, so a day inside the span
// needs no date conversion at all.
const spanDays = new Set<number>()
let spanFirstYear = 0
let spanLastYear = -1
let spanLo = 0
let spanHi = -1

function extendSpan(year: number): void {
  const contiguous = spanLastYear >= spanFirstYear && year >= spanFirstYear - 50 && year <= spanLastYear + 50
  if (!contiguous) {
    spanDays.clear()
    spanFirstYear = spanLastYear = year
  }
  spanFirstYear = Math.min(spanFirstYear, year)
  spanLastYear = Math.max(spanLastYear, year)
  for (let y = spanFirstYear; y <= spanLastYear; y++) for (const n of holidaysOfYear(y).days) spanDays.add(n)
  spanLo = civilToDayNumber(spanFirstYear, 1, 1)
  spanHi = civilToDayNumber(spanLastYear, 12, 31)
}

/** R1.2 for a day number — the hot-loop form. */
export function isPublicHolidayDayNumber(n: number): boolean {
  if (n < spanLo || n > spanHi) extendSpan(dayNumberToCivil(n)[0])
  return spanDays.has(n)
}

/** Distinct holiday day numbers of `year`, ascending (cached; do not mutate). */
export function holidayDayNumbers(year: number): readonly number[] {
  return holidaysOfYear(year).unique
}

export function isPublicHoliday(date: IsoDate): boolean {
  return isPublicHolidayDayNumber(toDayNumber(date))
}
