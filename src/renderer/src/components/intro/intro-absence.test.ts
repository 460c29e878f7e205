import { describe, expect, test } from 'vitest'
import type { Decision, Holiday, Measure } from '../../../../shared/domain'
import { absenceFacts, absenceRows, absenceTotals, inPeriod, periodOrNull } from './intro-absence'

const m = (id: string, fromDate: string, toDate: string, hoursPerWeek: number): Measure => ({
  id,
  personId: 'p',
  groupCode: 'NORSK',
  measureCode: 'SPRAKPRAKSIS',
  fromDate,
  toDate,
  hoursPerWeek,
})
const leave = (startDate: string, endDate: string, type: Decision['type'] = 'INTRO_PERMISJON') =>
  ({ id: `d${startDate}`, personId: 'p', scheme: 'intro', type, result: 'innvilga', startDate, endDate }) as unknown as Decision
const holiday = (fromDate: string, toDate: string, kind: Holiday['kind'] = 'ferie'): Holiday => ({ id: `h${fromDate}`, personId: 'p', fromDate, toDate, kind })

describe('D8.3 absence dialog: the period it shows facts for', () => {
  test.each([
    ['2025-03-03', '2025-03-07', { fromDate: '2025-03-03', toDate: '2025-03-07' }],
    ['2025-03-03', '2025-03-03', { fromDate: '2025-03-03', toDate: '2025-03-03' }],
    ['2025-03-07', '2025-03-03', null],
    ['', '2025-03-03', null],
    ['2025-03-03', '', null],
  ])('from %s to %s gives %o', (from, to, want) => {
    expect(periodOrNull(from, to)).toEqual(want)
  })
})

describe('D8.3 absence dialog facts (R1.3 working days, R5.4 average, other absence)', () => {
  const bundle = {
    measures: [m('a', '2025-03-03', '2025-03-30', 20), m('b', '2025-03-17', '2025-03-30', 10), m('c', '2025-05-01', '2025-05-31', 30)],
    replacements: [],
    decisions: [leave('2025-03-24', '2025-03-30'), leave('2025-06-01', '2025-06-30')],
    holidays: [holiday('2025-03-10', '2025-03-14', 'hoegtid'), holiday('2025-07-01', '2025-07-20')],
  }

  test('working days are Monday–Friday without public holidays: Easter week 2025 has 3 (R1.3)', () => {
    expect(absenceFacts(bundle, { fromDate: '2025-04-14', toDate: '2025-04-20' }).workingDays).toBe(3)
  })

  test('only the measures overlapping the period are listed, by start', () => {
    const f = absenceFacts(bundle, { fromDate: '2025-03-03', toDate: '2025-03-16' })
    expect(f.measures.map((x) => x.id)).toEqual(['a'])
    expect(absenceFacts(bundle, { fromDate: '2025-03-10', toDate: '2025-05-01' }).measures.map((x) => x.id)).toEqual(['a', 'b', 'c'])
  })

  test('R5.4/R11.8 average leaves granted leave out: 20 h, then 30 h, the leave week not counted', () => {
    // 03.03–23.03: two weeks at 20 and one at 30; 24.03–30.03 is leave and is left out.
    const f = absenceFacts(bundle, { fromDate: '2025-03-03', toDate: '2025-03-30' })
    expect(f.averageHoursPerWeek).toBeCloseTo((20 + 20 + 30) / 3, 6)
  })

  test('R11.8 a period wholly under leave has no average', () => {
    expect(absenceFacts(bundle, { fromDate: '2025-06-02', toDate: '2025-06-06' }).averageHoursPerWeek).toBeNull()
  })

  test('R5.5 other absence: the leave and the holiday overlapping the period, by start; others left out', () => {
    const f = absenceFacts(bundle, { fromDate: '2025-03-01', toDate: '2025-03-31' })
    expect(f.other).toEqual([
      { kind: 'holiday', holidayKind: 'hoegtid', fromDate: '2025-03-10', toDate: '2025-03-14' },
      { kind: 'leave', fromDate: '2025-03-24', toDate: '2025-03-30' },
    ])
    expect(absenceFacts(bundle, { fromDate: '2025-04-01', toDate: '2025-04-30' }).other).toEqual([])
  })
})

describe('R5.5 absence rows from what was typed', () => {
  const types = ['EIGENMELDING', 'VELFERD', 'UGYLDIG']
  test.each([
    ['nothing typed gives no rows (the rules then say rows are required)', {}, [], []],
    ['days with a decimal comma', { VELFERD: { days: '1,5', hours: '' } }, [{ typeCode: 'VELFERD', days: 1.5, hours: null }], []],
    [
      'only typed types, in the code list order',
      { UGYLDIG: { days: '', hours: '3' }, EIGENMELDING: { days: '2', hours: '' } },
      [
        { typeCode: 'EIGENMELDING', days: 2, hours: null },
        { typeCode: 'UGYLDIG', days: null, hours: 3 },
      ],
      [],
    ],
    ['both filled is passed on for the rules to refuse beside the field', { VELFERD: { days: '1', hours: '2' } }, [{ typeCode: 'VELFERD', days: 1, hours: 2 }], []],
    [
      'a text that is not a number is named by type and column',
      { EIGENMELDING: { days: 'to', hours: '' }, VELFERD: { days: '', hours: '1..5' } },
      [
        { typeCode: 'EIGENMELDING', days: null, hours: null },
        { typeCode: 'VELFERD', days: null, hours: null },
      ],
      ['EIGENMELDING.days', 'VELFERD.hours'],
    ],
  ])('%s', (_name, typed, rows, invalid) => {
    expect(absenceRows(types, typed)).toEqual({ rows, invalid })
  })

  test('totals sum days and hours separately', () => {
    expect(
      absenceTotals({
        rows: [
          { typeCode: 'A', days: 1.5, hours: null },
          { typeCode: 'B', days: 2, hours: null },
          { typeCode: 'C', days: null, hours: 3.25 },
        ],
      }),
    ).toEqual({ days: 3.5, hours: 3.25 })
  })
})

describe('D8.3 lists follow the period filter', () => {
  const rows = [holiday('2025-07-01', '2025-07-20'), holiday('2025-03-10', '2025-03-14'), holiday('2025-12-24', '2026-01-02')]
  test.each([
    [{ fromDate: '2025-01-01', toDate: '2025-06-30' }, ['2025-03-10']],
    [{ fromDate: '2026-01-01', toDate: '2026-06-30' }, ['2025-12-24']],
    [null, ['2025-03-10', '2025-07-01', '2025-12-24']],
  ])('period %o lists rows overlapping it, by start', (p, want) => {
    expect(inPeriod(rows, p).map((r) => r.fromDate)).toEqual(want)
  })
})
