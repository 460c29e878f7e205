import { describe, expect, test } from 'vitest'
import type { Int2021Fact, Int2021Registration } from '../domain/registrations'
import type { PersonSnapshot } from '../domain/snapshot'
import type { Step } from './explanation'
import { evaluatePerson, RULES_VERSION } from './evaluate'
import { decision, snapshot, type BaseFacts } from './test-fixtures'

/**
 * Issue 9 point 4: `evaluatePerson` reads the 2021 inputs from the snapshot itself — the
 * R12.3.2 registrations (current = latest by date, then `recordedAt`, none after `today`),
 * R12.3.1 months from the decisions' own columns and R12.2.6 test results — with no extra
 * argument, so every caller (device, register, reports) sees them.
 */
const TODAY = '2021-06-01'
/** Granted 2021-02-01 (UTL28: Norwegian starts at the grant, before 2023-08-01 the anchor is the start). */
const P2021: BaseFacts = { permitFrom: '2021-02-01', settled: '2021-03-01' }
let n = 0
const reg = (date: string, fact: Int2021Fact, recordedAt = `${date}T09:00:00.000Z`): Int2021Registration => ({ id: `i${++n}`, personId: 'p-1', date, recordedAt, fact })
const bg = (date: string, background: 'INGEN_GRUNNSKULE' | 'GRUNNSKULE' | 'VGS_ELLER_HOGARE', recordedAt?: string) =>
  reg(date, { kind: 'educationBackground', background }, recordedAt)
const person = (rows: Int2021Registration[], regs: Partial<PersonSnapshot['registrations']> = {}, extra: Partial<PersonSnapshot> = {}): PersonSnapshot => ({
  ...snapshot(P2021, { int2021Registrations: rows, ...regs }),
  ...extra,
})
const norwegian = (s: PersonSnapshot, today = TODAY) => evaluatePerson(s, today).schemes.norsk.deadlines.find((d) => d.key === 'norskNorwegian2021')
const keys = (steps: readonly Step[] | undefined) => (steps ?? []).map((x) => x.key)

describe('R12.2.5 the Norwegian deadline by the registered education background', () => {
  test.each<[string, Int2021Registration[], string, string]>([
    ['no background registered: 36 months, provisional', [], '2024-01-31', 'int21NorskDeadlineProvisional'],
    ['VGS_ELLER_HOGARE: 18 months, no longer provisional', [bg('2021-05-01', 'VGS_ELLER_HOGARE')], '2022-07-31', 'int21NorskDeadlineBase'],
    ['GRUNNSKULE: 36 months, no longer provisional', [bg('2021-05-01', 'GRUNNSKULE')], '2024-01-31', 'int21NorskDeadlineBase'],
    ['history: the later registration counts', [bg('2021-04-01', 'VGS_ELLER_HOGARE'), bg('2021-05-01', 'GRUNNSKULE')], '2024-01-31', 'int21NorskDeadlineBase'],
    [
      'same date: the later saved (recordedAt) counts',
      [bg('2021-05-01', 'GRUNNSKULE', '2021-05-01T12:00:00.000Z'), bg('2021-05-01', 'VGS_ELLER_HOGARE', '2021-05-01T08:00:00.000Z')],
      '2024-01-31',
      'int21NorskDeadlineBase',
    ],
    ['a registration dated after today does not count yet', [bg('2021-05-01', 'GRUNNSKULE'), bg('2021-06-02', 'VGS_ELLER_HOGARE')], '2024-01-31', 'int21NorskDeadlineBase'],
  ])('R12.2.5 %s', (_name, rows, date, stepKey) => {
    const d = norwegian(person(rows))
    expect(d?.date).toBe(date)
    expect(keys(d?.explanation)).toContain(stepKey)
  })

  test('R12.2.5 the same rows read on a later day: the row dated after the first day counts from its date', () => {
    const s = person([bg('2021-05-01', 'GRUNNSKULE'), bg('2021-06-02', 'VGS_ELLER_HOGARE')])
    expect(norwegian(s, '2021-06-02')?.date).toBe('2022-07-31')
  })

  test('the stored evaluations are recomputed: RULES_VERSION names this change', () => {
    // Any later bump also recomputes them; only the versions before this change may not stand.
    expect(RULES_VERSION).not.toMatch(/^2017-2021\.[12]$/)
  })
})

describe('R12.2.6 norskmål and delivered test results from the snapshot', () => {
  const goal: Int2021Fact = { kind: 'norskGoal', goal: { lytting: 'A2', lesing: 'A2', skriftleg: 'A2', munnleg: 'B1' } }
  const tests = (munnleg: 'A2' | 'B1'): PersonSnapshot['testResults'] => [
    { part: 'NORSK_LYTTE', level: 'B1', testDate: '2021-05-10' },
    { part: 'NORSK_LESE', level: 'A2', testDate: '2021-05-10' },
    { part: 'NORSK_SKRIFTLEG', level: 'A2', testDate: '2021-05-11' },
    { part: 'NORSK_MUNNLEG', level: munnleg, testDate: '2021-05-12' },
    { part: 'SAMFUNNSKUNNSKAP', level: 'BESTATT', testDate: '2021-05-12' },
  ]
  test.each<[string, Int2021Registration[], PersonSnapshot['testResults'], string | null]>([
    ['goal reached in every part: Norwegian met by test on the last part’s day', [reg('2021-04-01', goal)], tests('B1'), '2021-05-12'],
    ['one part below the goal: not met', [reg('2021-04-01', goal)], tests('A2'), null],
    ['no norskmål registered: results alone never complete it', [], tests('B1'), null],
  ])('R12.2.6 %s', (_name, rows, results, met) => {
    expect(norwegian(person(rows, {}, { testResults: results }))?.metOn ?? null).toBe(met)
  })
})

describe('R12.1.5 / R12.1.6 the programme from the decided months on the decisions', () => {
  const programme = decision('INTRO_PROGRAM', { id: 'prog', startDate: '2021-05-01', durationMonths: 24 })
  const extension = decision('INTRO_UTVIDA_DELTAKING', { id: 'ext', decisionDate: '2021-05-20', extensionMonths: 6 })
  const completion = (s: PersonSnapshot) => evaluatePerson(s, TODAY).schemes.intro.deadlines.find((d) => d.key === 'introCompletion')
  test.each<[string, PersonSnapshot, string | undefined]>([
    ['24 decided months from 2021-05-01 end 2023-04-30', person([], { decisions: [programme] }), '2023-04-30'],
    ['6 extension months move it to 2023-10-31', person([], { decisions: [programme, extension] }), '2023-10-31'],
  ])('R12.1.6 %s', (_name, s, date) => {
    expect(completion(s)?.date).toBe(date)
  })

  test.each<[string, Int2021Registration[], string]>([
    ['background and final goal unknown: band unknown', [], 'int21BandUnknown'],
    ['VGS_ELLER_HOGARE and a final goal: band VGS', [bg('2021-04-01', 'VGS_ELLER_HOGARE'), reg('2021-04-01', { kind: 'finalGoal', goal: 'ARBEID' })], 'VGS'],
    ['GRUNNSKULE and FULLFORT_VGO: band VGO', [bg('2021-04-01', 'GRUNNSKULE'), reg('2021-04-01', { kind: 'finalGoal', goal: 'FULLFORT_VGO' })], 'VGO'],
  ])('R12.1.5 %s', (_name, rows, expected) => {
    const steps = completion(person(rows, { decisions: [programme] }))?.explanation ?? []
    const band = steps.find((x) => x.key === 'int21Band')
    expect(band ? String(band.values?.band) : steps.find((x) => x.key === 'int21BandUnknown')?.key).toBe(expected)
  })

  test('J15 a reference-person condition registered as not met takes away the intro category', () => {
    const family: BaseFacts = { ground: 'FAM_FLYKTNING', permitFrom: '2021-02-01', settled: '2021-03-01', byAgreement: false }
    const rows = [reg('2021-05-01', { kind: 'referencePersonCondition', met: false })]
    const intro = (r: Int2021Registration[]) => evaluatePerson(snapshot(family, { int2021Registrations: r }), TODAY).categories.some((c) => c.scheme === 'intro')
    expect([intro([]), intro(rows)]).toEqual([true, false])
  })
})
