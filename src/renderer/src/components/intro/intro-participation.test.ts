import { describe, expect, test } from 'vitest'
import type { Absence, Decision, Measure, Replacement } from '../../../../shared/domain'
import { absenceIn, defaultChoice, measureLines, periodOf, programmeStart, registeredSpan, yearsOffered } from './intro-participation'

const m = (id: string, fromDate: string, toDate: string, hoursPerWeek = 10): Measure => ({
  id,
  personId: 'p',
  groupCode: 'NORSK',
  measureCode: 'SPRAKPRAKSIS',
  fromDate,
  toDate,
  hoursPerWeek,
})
const r = (id: string, fromDate: string, toDate: string, replacesMeasureIds: string[]): Replacement => ({
  id,
  personId: 'p',
  fromDate,
  toDate,
  replacesMeasureIds,
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  hoursPerWeek: 20,
})

describe('D8.3 period filter', () => {
  test.each([
    [{ year: 2024, part: 'year' }, '2024-01-01', '2024-12-31'],
    [{ year: 2024, part: 'h1' }, '2024-01-01', '2024-06-30'],
    [{ year: 2024, part: 'h2' }, '2024-07-01', '2024-12-31'],
    [{ year: 2024, part: 'q1' }, '2024-01-01', '2024-03-31'],
    [{ year: 2023, part: 'q1' }, '2023-01-01', '2023-03-31'],
    [{ year: 2024, part: 'q4' }, '2024-10-01', '2024-12-31'],
  ] as const)('%o spans %s to %s', (choice, fromDate, toDate) => {
    expect(periodOf(choice, null)).toEqual({ fromDate, toDate })
  })

  test('"all years" spans every measure and replacement registered, whatever the part', () => {
    const all = registeredSpan([m('a', '2023-03-01', '2023-12-31'), r('b', '2024-06-01', '2025-02-01', ['a'])], '2023-01-01', '2024-05-01')
    expect(periodOf({ year: 'all', part: 'q2' }, all)).toEqual({ fromDate: '2023-03-01', toDate: '2025-02-01' })
  })

  test('"all years" before any measure runs from the programme start to today, and is empty without a programme', () => {
    expect(registeredSpan([], '2024-02-01', '2024-05-01')).toEqual({ fromDate: '2024-02-01', toDate: '2024-05-01' })
    expect(registeredSpan([], null, '2024-05-01')).toBeNull()
  })

  test('years offered run from the first registered year to the later of the last one and today, newest first', () => {
    expect(yearsOffered({ fromDate: '2022-09-01', toDate: '2025-08-31' }, '2024-05-01')).toEqual([2025, 2024, 2023, 2022])
    expect(yearsOffered({ fromDate: '2022-09-01', toDate: '2023-08-31' }, '2024-05-01')).toEqual([2024, 2023, 2022])
  })

  test.each([
    ['2024-05-01', { fromDate: '2024-01-01', toDate: '2025-01-01' }, { year: 2024, part: 'h1' }],
    ['2024-07-01', { fromDate: '2024-01-01', toDate: '2025-01-01' }, { year: 2024, part: 'h2' }],
    ['2026-07-01', { fromDate: '2023-01-01', toDate: '2024-01-01' }, { year: 'all', part: 'year' }],
    ['2026-07-01', null, { year: 'all', part: 'year' }],
  ] as const)('on %s with %o the screen opens on %o', (today, all, expected) => {
    expect(defaultChoice(all, today)).toEqual(expected)
  })
})

describe('D8.3 measures list', () => {
  test('lists measures overlapping the period, each with the replacements that list it linked under it', () => {
    const measures = [m('late', '2024-08-01', '2024-12-31'), m('early', '2024-01-01', '2024-06-30'), m('before', '2023-01-01', '2023-12-31')]
    const replacements = [r('x', '2024-07-01', '2024-07-31', ['late', 'early']), r('y', '2024-02-01', '2024-02-07', ['early'])]
    const { lines, orphans } = measureLines(measures, replacements, { fromDate: '2024-01-01', toDate: '2024-06-30' })
    expect(lines.map((l) => [l.measure.id, l.replacedBy.map((x) => x.id)])).toEqual([['early', ['y']]])
    expect(orphans).toEqual([])
  })

  test('a replacement whose measures are deleted is still listed on its own', () => {
    const { lines, orphans } = measureLines([], [r('x', '2024-07-01', '2024-07-31', ['gone'])], null)
    expect(lines).toEqual([])
    expect(orphans.map((o) => o.id)).toEqual(['x'])
  })
})

describe('D8.3 summary', () => {
  const absence = (fromDate: string, rows: Absence['rows']): Absence => ({ id: fromDate, personId: 'p', fromDate, toDate: fromDate, rows })
  test('absence in the period sums days and hours of registrations starting inside it', () => {
    const list = [
      absence('2024-03-01', [
        { typeCode: 'EIGENMELDING', days: 2 },
        { typeCode: 'VELFERD', hours: 3.5 },
      ]),
      absence('2024-08-01', [{ typeCode: 'EIGENMELDING', days: 5 }]),
    ]
    expect(absenceIn(list, { fromDate: '2024-01-01', toDate: '2024-06-30' })).toEqual({ days: 2, hours: 3.5 })
    expect(absenceIn(list, null)).toEqual({ days: 7, hours: 3.5 })
  })

  test('R11.6 the programme starts at the earliest granted INTRO_PROGRAM; refused ones and other types do not count', () => {
    const d = (type: Decision['type'], result: Decision['result'], startDate: string) => ({ type, result, startDate }) as Decision
    expect(programmeStart([d('INTRO_PROGRAM', 'avslag', '2023-01-01'), d('INTRO_PERMISJON', 'innvilga', '2023-02-01'), d('INTRO_PROGRAM', 'innvilga', '2024-01-01')])).toBe(
      '2024-01-01',
    )
    expect(programmeStart([d('INTRO_PROGRAM', 'avslag', '2023-01-01')])).toBeNull()
  })
})
