import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import Holidays from 'date-holidays'
import { addDays, addWorkingDays, easterSunday, fromDayNumber, isPublicHoliday, isWorkingDay, publicHolidays, toDayNumber, workingDaysBetween } from './index'

const arbDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber)

describe('R1.2 public holidays', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (y, d) => expect(easterSunday(y)).toBe(d))

  test.each([
    [
      2024,
      ['2024-01-01', '2024-03-28', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-17', '2024-05-19', '2024-05-20', '2024-12-25', '2024-12-26'],
    ],
    [
      2025,
      ['2025-01-01', '2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-01', '2025-05-17', '2025-05-29', '2025-06-08', '2025-06-09', '2025-12-25', '2025-12-26'],
    ],
    [
      2026,
      ['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-17', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26'],
    ],
  ])('Easter-dependent holidays of %i', (y, dates) => {
    expect(publicHolidays(y).map((h) => h.date)).toEqual(dates)
  })

  test('keys name each holiday', () => {
    const byKey = Object.fromEntries(publicHolidays(2026).map((h) => [h.key, h.date]))
    expect(byKey).toMatchObject({
      nyttarsdag: '2026-01-01',
      skjaertorsdag: '2026-04-02',
      langfredag: '2026-04-03',
      kristi_himmelfartsdag: '2026-05-14',
      grunnlovsdag: '2026-05-17',
      andre_pinsedag: '2026-05-25',
    })
  })

  test('Christmas Eve and New Year’s Eve are not public holidays', () => {
    expect(isPublicHoliday('2026-12-24')).toBe(false)
    expect(isPublicHoliday('2026-12-31')).toBe(false)
  })

  test('agrees with date-holidays (NO, type public) for every year 1900–2100', () => {
    const reference = new Holidays('NO')
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), (y) => {
        const want = [
          ...new Set(
            reference
              .getHolidays(y)
              .filter((h) => h.type === 'public')
              .map((h) => h.date.slice(0, 10)),
          ),
        ].sort()
        const got = [...new Set(publicHolidays(y).map((h) => h.date))].sort()
        expect(got).toEqual(want)
      }),
      { numRuns: 201 },
    )
  })
})

describe('R1.3 working days', () => {
  test.each([
    ['2025-05-17', false, '17 May on a Saturday'],
    ['2027-05-17', false, '17 May on a Monday'],
    ['2024-05-17', false, '17 May on a Friday'],
    ['2024-05-16', true, 'Thursday before 17 May'],
    ['2026-05-16', false, 'Saturday'],
    ['2026-04-02', false, 'Maundy Thursday'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-12-24', true, 'Christmas Eve is a working day'],
  ])('isWorkingDay(%s) = %s (%s)', (d, ok) => expect(isWorkingDay(d)).toBe(ok))

  test.each([
    ['2026-05-01', '2026-05-31', 18, 'May 2026'],
    ['2026-03-30', '2026-04-10', 7, 'Easter 2026'],
    ['2026-01-01', '2026-12-31', 253, 'the year 2026'],
    ['2026-05-17', '2026-05-17', 0, 'a Sunday holiday'],
    ['2026-05-18', '2026-05-18', 1, 'a single Monday'],
    ['2026-05-18', '2026-05-17', 0, 'to before from'],
    ['2025-12-29', '2026-01-09', 9, 'across the year end'],
  ])('workingDaysBetween(%s, %s) = %i (%s)', (a, b, n) => expect(workingDaysBetween(a, b)).toBe(n))

  test('workingDaysBetween counts the same as checking each day', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 800 }), (d, len) => {
        let want = 0
        for (let i = 0; i <= len; i++) if (isWorkingDay(addDays(d, i))) want++
        expect(workingDaysBetween(d, addDays(d, len))).toBe(want)
      }),
      { numRuns: 200 },
    )
  })
})

describe('R1.5 / R11.1 walking working days', () => {
  test.each([
    ['2026-05-15', 0, '2026-05-15', 'R11.1 n = 0 returns the date itself'],
    ['2026-05-16', 0, '2026-05-16', 'R11.1 n = 0 on a Saturday returns the Saturday'],
    ['2026-05-15', 1, '2026-05-18', 'Friday + 1 is Monday'],
    ['2026-05-13', 1, '2026-05-15', 'skips Ascension Day'],
    ['2026-04-01', 1, '2026-04-07', 'skips Easter'],
    ['2024-05-15', 2, '2024-05-21', 'skips 17 May and Whit Monday 2024'],
    ['2026-12-23', 3, '2026-12-29', 'skips Christmas'],
    ['2026-05-18', -1, '2026-05-15', 'negative walks backwards'],
  ])('addWorkingDays(%s, %i) = %s (%s)', (d, n, r) => expect(addWorkingDays(d, n)).toBe(r))

  test('the n-th working day after d is a working day, with exactly n working days after d up to it', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 600 }), (d, n) => {
        const r = addWorkingDays(d, n)
        expect(isWorkingDay(r)).toBe(true)
        expect(workingDaysBetween(addDays(d, 1), r)).toBe(n)
      }),
    )
  })
})
