import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { addDays, dayOfWeek, fromDayNumber, isoWeek, isoWeekRange, toDayNumber, weeksInIsoYear } from './index'

const arbDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber)

describe('R1.1 ISO weeks', () => {
  test.each([
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2024-12-31', 2025, 1],
    ['2024-12-29', 2024, 52],
    ['2026-12-31', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2020-12-31', 2020, 53],
    ['2026-05-17', 2026, 20],
    ['2026-01-01', 2026, 1],
    ['2022-01-01', 2021, 52],
  ])('isoWeek(%s) = %i-W%i', (d, year, week) => expect(isoWeek(d)).toEqual({ year, week }))

  test.each([
    [2020, 53],
    [2026, 53],
    [2015, 53],
    [2021, 52],
    [2024, 52],
    [2025, 52],
    [2032, 53],
  ])('weeksInIsoYear(%i) = %i', (y, n) => expect(weeksInIsoYear(y)).toBe(n))

  test.each([
    [2020, 53, '2020-12-28', '2021-01-03'],
    [2026, 53, '2026-12-28', '2027-01-03'],
    [2025, 1, '2024-12-30', '2025-01-05'],
    [2026, 1, '2025-12-29', '2026-01-04'],
  ])('isoWeekRange(%i, %i) = %s..%s', (y, w, mon, sun) => expect(isoWeekRange(y, w)).toEqual({ monday: mon, sunday: sun }))

  test.each([
    [2021, 53],
    [2026, 0],
    [2026, 54],
    [2026, 1.5],
  ])('isoWeekRange(%i, %d) throws RangeError', (y, w) => expect(() => isoWeekRange(y, w)).toThrow(RangeError))

  test('every date lies in the range of its own ISO week, Monday to Sunday', () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const { year, week } = isoWeek(d)
        const { monday, sunday } = isoWeekRange(year, week)
        expect(dayOfWeek(monday)).toBe(1)
        expect(addDays(monday, 6)).toBe(sunday)
        expect(monday <= d && d <= sunday).toBe(true)
      }),
    )
  })
})
