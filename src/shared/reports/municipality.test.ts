import { describe, expect, test } from 'vitest'
import type { PersonRegistrations } from '../domain'
import type { SchemeStatus } from '../domain/scheme'
import { evaluatePerson, type Evaluation } from '../rules'
import type { Deadline, DeadlineKey } from '../rules/deadline'
import { absence, claim, ending, leave, measure, programme, snapshot } from '../rules/test-fixtures'
import { parseCsv, toCsv } from './csv'
import { absenceReport, belowNormReport, deadlinesDueReport, endingsReport, municipalityReports, overdueStartsReport, statusReport, type ReportPerson } from './municipality'

const TODAY = '2025-06-16'
const YEAR = { fromDate: '2025-01-01', toDate: TODAY }

type Statuses = Partial<Record<'intro' | 'norsk' | 'asylnorsk', SchemeStatus>>
const dl = (key: DeadlineKey, date: string): Deadline => ({ key, date, metOn: null, daysLeft: 0, overdue: false, explanation: [] })

/** A person with a chosen evaluation (the reports read only statuses and deadline dates). */
function person(id: string, statuses: Statuses = {}, deadlines: Deadline[] = [], regs: Partial<PersonRegistrations> = {}): ReportPerson {
  const s = snapshot({}, regs)
  const scheme = (k: 'intro' | 'norsk' | 'asylnorsk') => ({
    status: statuses[k] ?? 'ingen',
    deadlines: k === 'asylnorsk' ? [] : deadlines.filter((d) => d.key.startsWith(k)),
    explanation: [],
  })
  const none = { regime: null, explanation: [] }
  const evaluation: Evaluation = {
    rulesVersion: 'test',
    regime: { introNorsk: none, asylnorsk: none },
    categories: [],
    schemes: { intro: scheme('intro'), norsk: scheme('norsk'), asylnorsk: scheme('asylnorsk') },
  }
  return { snapshot: { ...s, person: { ...s.person, id } }, evaluation }
}

describe('D11 participants per scheme and status', () => {
  test.each([
    ['no person gives no row', [], []],
    ['ingen is no participation and gets no row', [person('a')], []],
    [
      'each scheme counts its own status; ids are kept for the click-through',
      [person('b', { intro: 'deltar', norsk: 'deltar' }), person('a', { intro: 'deltar' }), person('c', { intro: 'permisjon', asylnorsk: 'deltar' })],
      [
        { scheme: 'intro', status: 'deltar', count: 2, personIds: ['a', 'b'] },
        { scheme: 'intro', status: 'permisjon', count: 1, personIds: ['c'] },
        { scheme: 'norsk', status: 'deltar', count: 1, personIds: ['b'] },
        { scheme: 'asylnorsk', status: 'deltar', count: 1, personIds: ['c'] },
      ],
    ],
  ])('%s', (_n, persons, rows) => {
    expect(statusReport(persons)).toEqual(rows)
  })
})

describe('D11 / R5.1 deadlines due within 30, 60 and 90 days (days left derived from the date and today)', () => {
  test.each([
    ['due today is in 0-30', 'introStart', '2025-06-16', 'vedtak_fatta', '0-30'],
    ['30 days left is still 0-30', 'introStart', '2025-07-16', 'kategori_berekna', '0-30'],
    ['31 days left is 31-60', 'introCompletion', '2025-07-17', 'deltar', '31-60'],
    ['90 days left is 61-90', 'norskStart', '2025-09-14', 'kategori_berekna', '61-90'],
    ['91 days left is not due yet', 'introCompletion', '2025-09-15', 'deltar', null],
    ['a passed deadline is not due (it is overdue)', 'introStart', '2025-06-15', 'kategori_berekna', null],
    ['a start deadline is met once the person takes part', 'introStart', '2025-06-20', 'deltar', null],
    ['an ended scheme has no open deadline', 'introCompletion', '2025-06-20', 'avslutta', null],
  ] as const)('%s', (_n, key, date, status, band) => {
    const scheme = key.startsWith('intro') ? 'intro' : 'norsk'
    const rows = deadlinesDueReport([person('x', { [scheme]: status }, [dl(key, date)])], TODAY)
    expect(rows).toEqual(band ? [{ key, band, count: 1, personIds: ['x'] }] : [])
  })

  test('a stale stored daysLeft/overdue is not read: the date and today decide (issue 8 point 6)', () => {
    const stale = { ...dl('introStart', '2025-06-20'), daysLeft: 400, overdue: true }
    expect(deadlinesDueReport([person('x', { intro: 'vedtak_fatta' }, [stale])], TODAY)).toEqual([{ key: 'introStart', band: '0-30', count: 1, personIds: ['x'] }])
  })
})

describe('R5.1 / R6.2 overdue starts', () => {
  test.each([
    ['passed without a start: overdue, days counted from the deadline', 'introStart', '2025-06-06', 'vedtak_fatta', 10],
    ['the deadline day itself is not overdue', 'introStart', '2025-06-16', 'kategori_berekna', null],
    ['a start made after the deadline is no longer overdue', 'introStart', '2025-01-01', 'deltar', null],
    ['norsk start counts too', 'norskStart', '2025-05-17', 'kategori_berekna', 30],
    ['a completion deadline is not a start', 'introCompletion', '2025-01-01', 'deltar', null],
  ] as const)('%s', (_n, key, date, status, days) => {
    const scheme = key.startsWith('intro') ? 'intro' : 'norsk'
    const rows = overdueStartsReport([person('x', { [scheme]: status }, [dl(key, date)])], TODAY)
    expect(rows).toEqual(days === null ? [] : [{ personId: 'x', key, date, daysOverdue: days }])
  })

  test('most overdue first', () => {
    const rows = overdueStartsReport(
      [person('a', { intro: 'kategori_berekna' }, [dl('introStart', '2025-06-01')]), person('b', { norsk: 'kategori_berekna' }, [dl('norskStart', '2025-01-01')])],
      TODAY,
    )
    expect(rows.map((r) => r.personId)).toEqual(['b', 'a'])
  })
})

describe('R5.4 participants whose period average is below the norm', () => {
  test.each([
    ['37.5 hours a week meets the norm', [programme('2025-01-06')], [measure('2025-01-06', '2025-12-31', 37.5)], [], null],
    [
      '20 hours a week is below: average over the programme days in the period',
      [programme('2025-01-06')],
      [measure('2025-01-06', '2025-12-31', 20)],
      [],
      [20, '2025-01-06', TODAY],
    ],
    ['no granted programme: not a participant', [], [measure('2025-01-06', '2025-12-31', 20)], [], null],
    ['a programme starting after the period has no days in it', [programme('2025-07-01')], [measure('2025-07-01', '2025-12-31', 10)], [], null],
    [
      'the average stops at the ending',
      [programme('2024-01-01')],
      [measure('2024-01-01', '2025-01-31', 37.5), measure('2025-02-01', '2025-12-31', 5)],
      [ending('2025-01-31', 'ARBEID')],
      null,
    ],
    [
      'leave is left out of both sums (R11.8): hours only outside the leave count',
      [programme('2025-01-06'), leave('2025-01-06', '2025-03-31')],
      [measure('2025-04-01', '2025-12-31', 37.5)],
      [],
      null,
    ],
  ] as const)('%s', (_n, decisions, measures, endings, expected) => {
    const p = person('x', {}, [], { decisions: [...decisions], measures: [...measures], endings: [...endings] })
    const rows = belowNormReport([p], YEAR, TODAY)
    expect(rows.map((r) => [r.hoursPerWeek, r.fromDate, r.toDate])).toEqual(expected ? [expected] : [])
  })

  test('sjølvstudium lowers the norm to 30', () => {
    const p = person('x', {}, [], { decisions: [programme('2025-01-06')], measures: [measure('2025-01-06', '2025-12-31', 32)] })
    p.snapshot.plan = { selfStudy: true }
    expect(belowNormReport([p], YEAR, TODAY)).toEqual([])
    p.snapshot.plan = { selfStudy: false }
    expect(belowNormReport([p], YEAR, TODAY)[0]).toMatchObject({ hoursPerWeek: 32, norm: 37.5 })
  })
})

describe('R5.5 absence totals and R5.6 endings by reason in the period', () => {
  test('absence overlapping the period is summed per type, days and hours apart', () => {
    const a = person('a', {}, [], {
      absences: [
        absence('2024-12-30', '2025-01-03', [{ typeCode: 'SJUK', days: 2 }]),
        absence('2025-03-03', '2025-03-07', [
          { typeCode: 'SJUK', hours: 7.5 },
          { typeCode: 'UGYLDIG', days: 1 },
        ]),
        absence('2024-06-03', '2024-06-07', [{ typeCode: 'SJUK', days: 5 }]),
      ],
    })
    const b = person('b', {}, [], { absences: [absence('2025-05-05', '2025-05-09', [{ typeCode: 'SJUK', days: 1.5, hours: null }])] })
    expect(absenceReport([a, b], YEAR)).toEqual([
      { typeCode: 'SJUK', days: 3.5, hours: 7.5, registrations: 3, personIds: ['a', 'b'] },
      { typeCode: 'UGYLDIG', days: 1, hours: 0, registrations: 1, personIds: ['a'] },
    ])
  })

  test.each([
    ['inside the period', '2025-03-31', [{ reasonCode: 'ARBEID', count: 1, personIds: ['x'] }]],
    ['on its first day', '2025-01-01', [{ reasonCode: 'ARBEID', count: 1, personIds: ['x'] }]],
    ['before the period', '2024-12-31', []],
  ])('an ending %s', (_n, endDate, rows) => {
    expect(endingsReport([person('x', {}, [], { endings: [ending(endDate, 'ARBEID')] })], YEAR)).toEqual(rows)
  })
})

describe('municipalityReports over evaluatePerson', () => {
  test('a real evaluation: a granted programme with too few hours is a participant below the norm; a claim opens a start deadline', () => {
    const today = '2020-04-15'
    const s1 = snapshot({}, { decisions: [programme('2020-01-06')], measures: [measure('2020-01-06', '2020-12-31', 15)] })
    const s2 = snapshot({ ground: 'FAM_FLYKTNING', byAgreement: false, settled: '2018-03-01' }, { claims: [claim('intro', '2020-03-01')] })
    const persons = [s1, s2].map((s, i) => ({ snapshot: { ...s, person: { ...s.person, id: `p${i}` } }, evaluation: evaluatePerson(s, today) }))
    const r = municipalityReports(persons, today)
    expect(r.period).toEqual({ fromDate: '2020-01-01', toDate: today })
    expect(r.persons).toBe(2)
    expect(r.statuses.find((x) => x.scheme === 'intro' && x.status === 'deltar')?.personIds).toEqual(['p0'])
    expect(r.belowNorm.map((x) => [x.personId, x.hoursPerWeek])).toEqual([['p0', 15]])
    // claim 2020-03-01 + 3 months = 2020-06-01, 47 days after today
    expect(r.deadlinesDue).toContainEqual({ key: 'introStart', band: '31-60', count: 1, personIds: ['p1'] })
    // both never started norsk (settled 2018); p0's intro start is met by taking part
    expect(r.overdueStarts.map((o) => [o.personId, o.key])).toEqual([
      ['p0', 'norskStart'],
      ['p1', 'norskStart'],
    ])
  })
})

describe('CSV for Norwegian Excel (RFC 4180 with ;)', () => {
  test.each([
    ['plain fields', [['a', 1, 2.5]], '\uFEFFa;1;2,5\r\n'],
    ['a ; or a quote is quoted, quotes doubled', [['x;y', 'sa "hei"']], '\uFEFF"x;y";"sa ""hei"""\r\n'],
    ['line breaks stay inside the quoted field', [['a\nb', null]], '\uFEFF"a\nb";\r\n'],
  ])('%s', (_n, rows, text) => {
    expect(toCsv(rows)).toBe(text)
    expect(parseCsv(text)).toEqual(rows.map((r) => r.map((c) => (c === null ? '' : String(c).replace('.', ',')))))
  })
})
