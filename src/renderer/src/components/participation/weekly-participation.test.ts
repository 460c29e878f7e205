import { describe, expect, test } from 'vitest'
import type { Decision, WeeklyParticipation } from '../../../../shared/domain'
import { firstTrainingStart, firstWeekToRegister, formatHours, nextWeek, parseHours, summarise, weekDates, weekOfDate } from './weekly-participation'

const row = (isoWeek: number, norskHours: number, samfunnHours = 0, absenceHours = 0): WeeklyParticipation => ({
  id: `w${isoWeek}`,
  personId: 'p',
  isoYear: 2026,
  isoWeek,
  norskHours,
  samfunnHours,
  absenceHours,
})

describe('D6 the week after a saved week is preselected (R1.1 ISO weeks)', () => {
  test.each([
    [2026, 7, 2026, 8],
    [2026, 52, 2026, 53],
    [2026, 53, 2027, 1],
    [2025, 52, 2026, 1],
    [2020, 53, 2021, 1],
  ])('after %i-W%i comes %i-W%i', (isoYear, isoWeek, y, w) => {
    expect(nextWeek({ isoYear, isoWeek })).toEqual({ isoYear: y, isoWeek: w })
  })

  test.each([
    ['2026-12-01', 2026, 49],
    ['2027-01-01', 2026, 53],
    ['2024-12-31', 2025, 1],
  ])('%s lies in %i-W%i', (date, isoYear, isoWeek) => expect(weekOfDate(date)).toEqual({ isoYear, isoWeek }))

  test.each([
    [2026, 7, { monday: '2026-02-09', sunday: '2026-02-15' }],
    [2025, 53, null],
    [2026, 0, null],
    [Number.NaN, 3, null],
  ])('%i-W%i runs %o', (isoYear, isoWeek, dates) => expect(weekDates({ isoYear, isoWeek })).toEqual(dates))
})

describe('D6 summary on top of Deltaking norsk', () => {
  test('no weeks: zero totals and no average', () => {
    expect(summarise([])).toEqual({ norsk: 0, samfunn: 0, absence: 0, weeks: 0, averageNorsk: null })
  })

  test('totals of each kind, and Norwegian hours per registered week (absence-only weeks count as weeks)', () => {
    expect(summarise([row(5, 6, 1.5), row(6, 9, 0, 2), row(7, 0, 0, 12)])).toEqual({ norsk: 15, samfunn: 1.5, absence: 14, weeks: 3, averageNorsk: 5 })
  })
})

describe('typed hours', () => {
  test.each([
    ['', 0],
    ['  ', 0],
    ['7', 7],
    ['7,5', 7.5],
    ['7.25', 7.25],
    [' 12 ', 12],
    ['-1', 'invalid'],
    ['7,5,1', 'invalid'],
    ['sju', 'invalid'],
    ['1e2', 'invalid'],
  ] as const)('%j reads as %j', (text, hours) => expect(parseHours(text)).toBe(hours))

  test.each([
    [7.5, 'nb', '7,5'],
    [7.25, 'nn', '7,25'],
    [12, 'nb', '12'],
    [1 / 3, 'nb', '0,33'],
  ])('%d in %s is shown as %s', (n, locale, text) => expect(formatHours(n, locale)).toBe(text))
})

const decision = (over: Partial<Decision>): Decision => ({
  id: 'd',
  personId: 'p',
  scheme: 'norsk',
  type: 'NORSK_RETT_OG_PLIKT',
  result: 'innvilga',
  decisionDate: '2026-09-01',
  startDate: '2026-09-07',
  ...over,
})

describe('D6 Deltaking norsk appears after the first granted decision on training', () => {
  test.each([
    ['no decisions', [], null],
    ['a granted right-and-duty decision', [decision({})], '2026-09-07'],
    ['a refused one only', [decision({ result: 'avslag' })], null],
    ['a granted exemption only', [decision({ type: 'NORSK_FRITAK_NORSK', startDate: null })], null],
    ['a granted leave only', [decision({ type: 'NORSK_PERMISJON' })], null],
    ['an intro programme only', [decision({ scheme: 'intro', type: 'INTRO_PROGRAM' })], null],
    ['two granted: the earlier start', [decision({ startDate: '2026-10-05' }), decision({ id: 'e', type: 'NORSK_BEHOVSPROVD', startDate: '2026-08-03' })], '2026-08-03'],
  ] as const)('%s → %s', (_, decisions, start) => expect(firstTrainingStart(decisions)).toBe(start))
})

describe('D6 the week the dialog opens on (R8 window: today 2026-12-01, week 49)', () => {
  test.each([
    [
      'after the newest registered week',
      [
        { isoYear: 2026, isoWeek: 44 },
        { isoYear: 2026, isoWeek: 46 },
      ],
      '2026-01-05',
      { isoYear: 2026, isoWeek: 47 },
    ],
    ['the current week when the newest is the current one', [{ isoYear: 2026, isoWeek: 49 }], '2026-01-05', { isoYear: 2026, isoWeek: 49 }],
    ['the first week of training when it is inside the window', [], '2026-11-02', { isoYear: 2026, isoWeek: 45 }],
    ['the first week the window still allows when training began long ago', [], '2025-01-06', { isoYear: 2026, isoWeek: 40 }],
    ['the current week without any start', [], null, { isoYear: 2026, isoWeek: 49 }],
  ] as const)('%s', (_, rows, start, week) => expect(firstWeekToRegister(rows, start, '2026-12-01')).toEqual(week))
})
