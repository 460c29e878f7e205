import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import {
  addDays,
  addMonths,
  addYears,
  calendarDaysInclusive,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatNorwegianDate,
  fromDayNumber,
  isValidIsoDate,
  maxDate,
  minDate,
  parseNorwegianDate,
  toDayNumber,
} from './index'

/** Any existing date 1900-01-01 … 2100-12-31, as a string. */
const arbDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber)

describe('R0 date strings and day numbers', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2021-04-31', false],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-1-01', false],
    [' 2021-01-01', false],
    ['2021-12-31', true],
  ])('isValidIsoDate(%s) = %s', (s, ok) => {
    expect(isValidIsoDate(s)).toBe(ok)
  })

  test.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2026-05-17', 20590],
  ])('toDayNumber(%s) = %i and back', (d, n) => {
    expect(toDayNumber(d)).toBe(n)
    expect(fromDayNumber(n)).toBe(d)
  })

  test('day numbers agree with Date.UTC for every date 1900–2100', () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        expect(toDayNumber(d) * 86_400_000).toBe(Date.parse(`${d}T00:00:00Z`))
      }),
    )
  })

  test('toDayNumber refuses a date that does not exist', () => {
    expect(() => toDayNumber('2021-02-31')).toThrow(RangeError)
  })

  test.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2025-01-01', -1, '2024-12-31'],
  ])('addDays(%s, %i) = %s', (d, n, r) => expect(addDays(d, n)).toBe(r))

  test('daysBetween, calendarDaysInclusive, compare, min, max', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366)
    expect(calendarDaysInclusive('2026-03-30', '2026-04-10')).toBe(12)
    expect(calendarDaysInclusive('2026-04-10', '2026-04-09')).toBe(0)
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1)
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0)
    expect(minDate('2026-03-01', '2025-12-31', '2026-01-01')).toBe('2025-12-31')
    expect(maxDate('2026-03-01', '2025-12-31', '2026-01-01')).toBe('2026-03-01')
  })

  test.each([
    ['1970-01-01', 4],
    ['2026-05-17', 7],
    ['2026-05-18', 1],
    ['2024-02-29', 4],
  ])('dayOfWeek(%s) = %i (1 = Monday)', (d, w) => expect(dayOfWeek(d)).toBe(w))
})

describe('R1.4 adding months and years clamps to month end', () => {
  test.each([
    ['2021-01-31', 1, '2021-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-11-30', 2, '2025-01-30'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-05-17', 0, '2024-05-17'],
  ])('addMonths(%s, %i) = %s', (d, n, r) => expect(addMonths(d, n)).toBe(r))

  test.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2019-09-01', 2, '2021-09-01'],
  ])('addYears(%s, %i) = %s', (d, n, r) => expect(addYears(d, n)).toBe(r))

  test('addMonths keeps the day when it exists, else gives the month’s last day', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const r = addMonths(d, n)
        expect(isValidIsoDate(r)).toBe(true)
        const [y, m, day] = r.split('-').map(Number)
        const want = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n
        expect(y * 12 + m - 1).toBe(want)
        const srcDay = Number(d.slice(8, 10))
        expect(day).toBe(Math.min(srcDay, daysInMonth(y, m)))
      }),
    )
  })

  test('addMonths is monotone: a later date never lands earlier', () => {
    fc.assert(
      fc.property(arbDate, arbDate, fc.integer({ min: -60, max: 60 }), (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(addMonths(lo, n) <= addMonths(hi, n)).toBe(true)
      }),
    )
  })
})

describe('Norwegian date format dd.mm.åååå', () => {
  test('formats and parses', () => {
    expect(formatNorwegianDate('2026-05-07')).toBe('07.05.2026')
    expect(parseNorwegianDate('07.05.2026')).toBe('2026-05-07')
    expect(parseNorwegianDate('29.02.2024')).toBe('2024-02-29')
  })
  test.each(['31.02.2021', '29.02.2023', '00.01.2020', '7.5.2026', '07.05.26', '07-05-2026', ''])('parseNorwegianDate(%j) = null', (s) => expect(parseNorwegianDate(s)).toBeNull())
  test('round trip for every date', () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        expect(parseNorwegianDate(formatNorwegianDate(d))).toBe(d)
      }),
    )
  })
})
