import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, daysBetween } from '../calendar'
import type { Measure, Replacement } from '../domain/registrations'
import { leaveAndStopPeriods, programmeAverage, type PeriodOff } from './average'

const m = (id: string, fromDate: string, toDate: string, hoursPerWeek: number): Measure => ({
  id,
  personId: 'p1',
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate,
  toDate,
  hoursPerWeek,
})
const r = (id: string, fromDate: string, toDate: string, hoursPerWeek: number, replaces: string[]): Replacement => ({
  id,
  personId: 'p1',
  groupCode: 'ANDRE',
  measureCode: 'ANNA',
  fromDate,
  toDate,
  hoursPerWeek,
  replacesMeasureIds: replaces,
})
const off = (kind: PeriodOff['kind'], fromDate: string, toDate: string): PeriodOff => ({ kind, fromDate, toDate })
const weeks = (res: ReturnType<typeof programmeAverage>) => res.byWeek.map((w) => [`${w.isoYear}-W${w.isoWeek}`, w.hoursPerWeek])

// 2025-03-03 is the Monday of ISO week 10
const TWO_WEEKS = { fromDate: '2025-03-03', toDate: '2025-03-16' }

describe('R5.4 programme average', () => {
  test.each([
    ['one full-time measure over the period meets the norm', [m('a', '2025-03-01', '2025-03-31', 37.5)], [], [], 37.5, [37.5, 37.5]],
    ['a measure in force half the period halves the average', [m('a', '2025-03-03', '2025-03-09', 20)], [], [], 10, [20, 0]],
    ['measures running side by side add up', [m('a', '2025-03-03', '2025-03-16', 30), m('b', '2025-03-03', '2025-03-16', 7.5)], [], [], 37.5, [37.5, 37.5]],
    [
      'a replacement takes the place of the measure it lists inside its range',
      [m('a', '2025-03-03', '2025-03-16', 30), m('b', '2025-03-03', '2025-03-16', 7.5)],
      [r('x', '2025-03-10', '2025-03-16', 10, ['a'])],
      [],
      27.5,
      [37.5, 17.5],
    ],
    ['a replacement does not touch measures it does not list', [m('a', '2025-03-03', '2025-03-16', 30)], [r('x', '2025-03-10', '2025-03-16', 10, ['other'])], [], 35, [30, 40]],
  ])('R5.4 %s', (_name, measures, replacements, periods, avg, byWeek) => {
    const res = programmeAverage(measures, replacements, periods, TWO_WEEKS)
    expect(res.hoursPerWeek).toBeCloseTo(avg, 9)
    expect(res.byWeek.map((w) => w.hoursPerWeek)).toEqual(byWeek)
    expect(res.belowNorm).toBe(avg < 37.5)
  })

  test('R5.4 below the norm names the weeks below it', () => {
    const res = programmeAverage([m('a', '2025-03-03', '2025-03-09', 37.5), m('b', '2025-03-10', '2025-03-16', 20)], [], [], TWO_WEEKS)
    expect(res.belowNorm).toBe(true)
    expect(res.weeksBelowNorm).toEqual([{ isoYear: 2025, isoWeek: 11, hoursPerWeek: 20 }])
  })

  test.each([
    ['the plain norm is 37.5', false, 37.5, true],
    ['self-study lowers the norm to 30', true, 30, false],
  ])('R5.4 %s', (_name, selfStudy, norm, below) => {
    const res = programmeAverage([m('a', '2025-03-03', '2025-03-16', 32)], [], [], TWO_WEEKS, { selfStudy })
    expect(res.norm).toBe(norm)
    expect(res.belowNorm).toBe(below)
  })
})

describe('R11.8 readings of the programme average', () => {
  const wk10 = m('a', '2025-03-03', '2025-03-09', 37.5)
  const wk11 = m('b', '2025-03-10', '2025-03-16', 10)
  test.each([
    ['granted leave is left out of both sums', [off('leave', '2025-03-10', '2025-03-16')], 37.5, [37.5, null]],
    ['a temporary stop is left out of both sums', [off('stop', '2025-03-10', '2025-03-16')], 37.5, [37.5, null]],
    ['absence is not left out', [off('absence', '2025-03-10', '2025-03-16')], 23.75, [37.5, 10]],
    ['holidays are not left out', [off('holiday', '2025-03-10', '2025-03-16')], 23.75, [37.5, 10]],
    ['parental-leave absence is not left out', [off('parentalLeaveAbsence', '2025-03-10', '2025-03-16')], 23.75, [37.5, 10]],
    ['overlapping leaves leave out their shared days once', [off('leave', '2025-03-10', '2025-03-13'), off('leave', '2025-03-12', '2025-03-16')], 37.5, [37.5, null]],
    ['leave on part of a week uses the remaining calendar days', [off('leave', '2025-03-10', '2025-03-12')], (37.5 * 7 + 10 * 4) / 11, [37.5, 10]],
  ])('R11.8 %s', (_name, periods, avg, byWeek) => {
    const res = programmeAverage([wk10, wk11], [], periods, TWO_WEEKS)
    expect(res.hoursPerWeek).toBeCloseTo(avg, 9)
    expect(res.byWeek.map((w) => w.hoursPerWeek)).toEqual(byWeek)
  })

  test('R11.8 every day under leave gives null and no norm warning', () => {
    const res = programmeAverage([wk10], [], [off('leave', '2025-03-01', '2025-03-31')], TWO_WEEKS)
    expect(res).toMatchObject({ hoursPerWeek: null, belowNorm: false, weeksBelowNorm: [], weeksAbove60: [] })
  })

  test('R11.8 a replacement is in force over its whole range, also where the replaced measure is not', () => {
    const res = programmeAverage([m('a', '2025-03-03', '2025-03-09', 30)], [r('x', '2025-03-03', '2025-03-16', 5, ['a'])], [], TWO_WEEKS)
    expect(res.byWeek.map((w) => w.hoursPerWeek)).toEqual([5, 5])
  })

  test('R11.8 partial weeks at the ends use only their days inside the period (calendar days)', () => {
    // 2025-01-01 is a Wednesday in 2025-W01
    const res = programmeAverage([m('a', '2025-01-01', '2025-01-02', 37.5)], [], [], { fromDate: '2025-01-01', toDate: '2025-01-06' })
    expect(weeks(res)).toEqual([
      ['2025-W1', 15],
      ['2025-W2', 0],
    ])
    expect(res.hoursPerWeek).toBeCloseTo((37.5 * 2) / 6, 9)
  })

  test('R11.8 above 60 in ISO week 53 is named by its week-year', () => {
    const period = { fromDate: '2020-12-28', toDate: '2021-01-10' }
    const res = programmeAverage([m('a', '2020-12-28', '2021-01-03', 37.5), m('b', '2020-12-28', '2021-01-10', 30)], [], [], period)
    expect(weeks(res)).toEqual([
      ['2020-W53', 67.5],
      ['2021-W1', 30],
    ])
    expect(res.weeksAbove60).toEqual([{ isoYear: 2020, isoWeek: 53, hoursPerWeek: 67.5 }])
  })

  test.each([
    ['exactly 60 is not above 60', 30, []],
    ['60.25 is above 60', 30.25, [11]],
  ])('R11.8 %s', (_name, second, above) => {
    const res = programmeAverage([m('a', '2025-03-10', '2025-03-16', 30), m('b', '2025-03-10', '2025-03-16', second)], [], [], TWO_WEEKS)
    expect(res.weeksAbove60.map((w) => w.isoWeek)).toEqual(above)
  })

  test('R11.8 a measure ending at a month end counts its calendar days only', () => {
    const res = programmeAverage([m('a', '2025-02-01', '2025-02-28', 37.5)], [], [], { fromDate: '2025-02-01', toDate: '2025-03-31' })
    expect(res.hoursPerWeek).toBeCloseTo((37.5 * 28) / 59, 9)
  })

  test('R11.8 only granted leave and stop decisions are periods off', () => {
    const base = { personId: 'p1', scheme: 'intro' as const, decisionDate: '2025-01-01' }
    const periods = leaveAndStopPeriods([
      { ...base, id: '1', type: 'INTRO_PERMISJON', result: 'innvilga', startDate: '2025-03-01', endDate: '2025-03-05' },
      { ...base, id: '2', type: 'INTRO_PERMISJON', result: 'avslag', startDate: '2025-04-01', endDate: '2025-04-05' },
      { ...base, id: '3', type: 'INTRO_MIDLERTIDIG_STANS', result: 'innvilga', startDate: '2025-05-01', endDate: '2025-05-05' },
      { ...base, id: '4', type: 'INTRO_PROGRAM', result: 'innvilga', startDate: '2025-01-01' },
    ])
    expect(periods).toEqual([off('leave', '2025-03-01', '2025-03-05'), off('stop', '2025-05-01', '2025-05-05')])
  })
})

/** Day-by-day reading of R5.4, used as the oracle for the change-point implementation. */
function naiveAverage(measures: Measure[], replacements: Replacement[], periods: PeriodOff[], from: string, to: string): number | null {
  let hours = 0
  let days = 0
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (periods.some((p) => (p.kind === 'leave' || p.kind === 'stop') && p.fromDate <= d && d <= p.toDate)) continue
    days++
    for (const x of measures) {
      const replaced = replacements.some((y) => y.replacesMeasureIds.includes(x.id) && y.fromDate <= d && d <= y.toDate)
      if (!replaced && x.fromDate <= d && d <= x.toDate) hours += x.hoursPerWeek
    }
    for (const y of replacements) if (y.fromDate <= d && d <= y.toDate) hours += y.hoursPerWeek
  }
  return days === 0 ? null : hours / days
}

describe('R5.4 properties', () => {
  const START = '2024-12-01'
  const range = fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 40 }))
  const toRange = ([a, len]: [number, number]) => [addDays(START, a), addDays(START, a + len)] as const
  const hours = fc.integer({ min: 0, max: 150 }).map((q) => q / 4)
  const measures = fc.array(fc.tuple(range, hours), { maxLength: 6 }).map((xs) => xs.map(([rg, h], i) => m(`m${i}`, ...toRange(rg), h)))
  const input = measures.chain((ms) =>
    fc.record({
      ms: fc.constant(ms),
      rs: fc.array(fc.tuple(range, hours, fc.subarray(ms.map((x) => x.id))), { maxLength: 3 }).map((xs) => xs.map(([rg, h, ids], i) => r(`r${i}`, ...toRange(rg), h, ids))),
      off: fc
        .array(fc.tuple(range, fc.constantFrom<PeriodOff['kind']>('leave', 'stop', 'absence', 'holiday')), { maxLength: 3 })
        .map((xs) => xs.map(([rg, k]) => off(k, ...toRange(rg)))),
      period: range.map(toRange),
    }),
  )

  test('R5.4 the average never exceeds the sum of the measures\u2019 (and replacements\u2019) hours per week', () => {
    fc.assert(
      fc.property(input, ({ ms, rs, off: periods, period }) => {
        const res = programmeAverage(ms, rs, periods, { fromDate: period[0], toDate: period[1] })
        const cap = [...ms, ...rs].reduce((s, x) => s + x.hoursPerWeek, 0)
        return res.hoursPerWeek === null || (res.hoursPerWeek >= 0 && res.hoursPerWeek <= cap + 1e-9)
      }),
    )
  })

  test('R5.4 without replacements the average never exceeds the sum of the measures\u2019 hours', () => {
    fc.assert(
      fc.property(input, ({ ms, off: periods, period }) => {
        const res = programmeAverage(ms, [], periods, { fromDate: period[0], toDate: period[1] })
        return res.hoursPerWeek === null || res.hoursPerWeek <= ms.reduce((s, x) => s + x.hoursPerWeek, 0) + 1e-9
      }),
    )
  })

  test('R5.4 change-point sweep equals the day-by-day definition, and byWeek covers every day once', () => {
    fc.assert(
      fc.property(input, ({ ms, rs, off: periods, period }) => {
        const res = programmeAverage(ms, rs, periods, { fromDate: period[0], toDate: period[1] })
        const expected = naiveAverage(ms, rs, periods, period[0], period[1])
        const weeksSpanned = Math.ceil((daysBetween(period[0], period[1]) + 1 + 6) / 7)
        expect(res.byWeek.length).toBeLessThanOrEqual(weeksSpanned + 1)
        if (expected === null) return res.hoursPerWeek === null
        return res.hoursPerWeek !== null && Math.abs(res.hoursPerWeek - expected) < 1e-9
      }),
    )
  })
})
