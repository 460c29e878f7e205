import { describe, expect, test } from 'vitest'
import type { Decision, Int2021Fact, Int2021Registration, Measure } from '../../domain/registrations'
import type { PersonSnapshot } from '../../domain/snapshot'
import { checkCommand } from '../check-command'
import { cmd, context, decision, snapshot } from '../check-command.fixture'

/**
 * R12.3.1 / R12.0.5 on `decision.register`, through `checkCommand` with real snapshots:
 * a refugee (UTL28) granted 2024-02-01 and settled by agreement 2024-04-15 is under the
 * 2021 act (R12.0.2); the fixture's default person (granted 2019) is under the 2003 act.
 */
const TODAY = '2024-06-10'
const ctx = context(['kommuneintro', 'kommunenorsk'], { today: TODAY, recordedAt: `${TODAY}T10:00:00Z` })

const PROGRAMME = (extra: Partial<Decision> = {}) =>
  decision({ id: 'prog', type: 'INTRO_PROGRAM', decisionDate: '2024-06-03', startDate: '2024-06-03', durationMonths: 6, ...extra })

let seq = 0
/** An R12.3.2 registration dated before the decisions. */
const fact = (f: Int2021Fact, date = '2024-05-01'): Int2021Registration => ({ id: `f${++seq}`, personId: 'p1', date, fact: f })
const VGS = fact({ kind: 'educationBackground', background: 'VGS_ELLER_HOGARE' })
const GRUNNSKULE = fact({ kind: 'educationBackground', background: 'GRUNNSKULE' })
const WORK = fact({ kind: 'finalGoal', goal: 'ARBEID' })
const VGO_GOAL = fact({ kind: 'finalGoal', goal: 'FULLFORT_VGO' })

/** The 2021 refugee; `ground` ARBEID makes a `plikt` person (norsk only). */
function person2021(decisions: Decision[] = [], ground = 'UTL28', int2021Registrations: Int2021Registration[] = []): PersonSnapshot {
  return snapshot(
    { decisions, int2021Registrations },
    {
      person: { id: 'p1', birthDate: '1992-03-14', arrivalDate: '2024-01-20', followUpMunicipality: '0301', followUpDistrict: null, receptionCentre: null },
      permits: [{ groundCode: ground, validFrom: '2024-02-01', validTo: null, grantedDate: '2024-02-01' }],
      settlements: [{ date: '2024-04-15', municipality: '0301', byAgreement: true }],
    },
  )
}

const codes = (r: { code: string; field?: string }[]) => r.map((x) => `${x.code}@${x.field}`)
const check = (s: PersonSnapshot, d: Decision, today = TODAY) =>
  checkCommand(cmd('decision.register', d), s, today === TODAY ? ctx : context(undefined, { today, recordedAt: `${today}T10:00:00Z` }))

describe('R12.3.1 decided months on a granted INTRO_PROGRAM under the 2021 act', () => {
  test.each([
    ['R12.3.1 0 months is refused (below 1)', 0, ['MONTHS_RANGE@durationMonths']],
    ['R12.3.1 1 month is the least accepted', 1, []],
    ['R12.3.1 60 months is the most accepted', 60, []],
    ['R12.3.1 61 months is refused (above 60)', 61, ['MONTHS_RANGE@durationMonths']],
    ['R12.3.1 no months is refused beside the field', null, ['REQUIRED@durationMonths']],
    ['R12.3.1 a part month is refused by the shape (whole months only)', 2.5, ['INVALID_INPUT@durationMonths']],
  ] as const)('%s', (_name, months, expected) => {
    expect(codes(check(person2021(), PROGRAMME({ durationMonths: months })).errors)).toEqual(expected)
  })

  test('R12.3.1 the range refusal names the bounds', () => {
    expect(check(person2021(), PROGRAMME({ durationMonths: 61 })).errors[0].values).toEqual({ min: 1, max: 60 })
  })

  test.each([
    [
      'R12.3.1 a refused programme decides no months',
      PROGRAMME({ result: 'avslag', startDate: null, reasonText: 'Ønskjer ikkje', durationMonths: 6 }),
      ['MONTHS_NOT_APPLICABLE@durationMonths'],
    ],
    ['R12.3.1 a refused programme without months is accepted', PROGRAMME({ result: 'avslag', startDate: null, reasonText: 'Ønskjer ikkje', durationMonths: null }), []],
    ['R12.3.1 extension months do not belong on a programme decision', PROGRAMME({ extensionMonths: 3 }), ['MONTHS_NOT_APPLICABLE@extensionMonths']],
  ] as const)('%s', (_name, d, expected) => {
    expect(codes(check(person2021(), d).errors)).toEqual(expected)
  })
})

describe('R12.3.1 extension months on a granted INTRO_UTVIDA_DELTAKING under the 2021 act', () => {
  const extension = (months: number | null, extra: Partial<Decision> = {}) =>
    decision({ id: 'ext', type: 'INTRO_UTVIDA_DELTAKING', decisionDate: '2024-06-10', reasonText: 'Treng meir tid', extensionMonths: months, ...extra })
  test.each([
    ['R12.3.1 0 extension months is refused', 0, ['MONTHS_RANGE@extensionMonths']],
    ['R12.3.1 1 extension month is accepted', 1, []],
    ['R12.3.1 12 extension months is the most accepted', 12, []],
    ['R12.3.1 13 extension months is refused', 13, ['MONTHS_RANGE@extensionMonths']],
    ['R12.3.1 no extension months is refused beside the field', null, ['REQUIRED@extensionMonths']],
  ] as const)('%s', (_name, months, expected) => {
    expect(codes(check(person2021([PROGRAMME()]), extension(months)).errors)).toEqual(expected)
  })

  test('R12.3.1 decided months do not belong on an extension', () => {
    expect(codes(check(person2021([PROGRAMME()]), extension(3, { durationMonths: 6 })).errors)).toEqual(['MONTHS_NOT_APPLICABLE@durationMonths'])
  })

  test('R12.3.1 other intro types carry no months', () => {
    const stop = decision({ type: 'INTRO_MIDLERTIDIG_STANS', decisionDate: '2024-06-10', startDate: '2024-06-10', endDate: '2024-06-20', extensionMonths: 2 })
    expect(codes(check(person2021([PROGRAMME()]), stop).errors)).toEqual(['MONTHS_NOT_APPLICABLE@extensionMonths'])
  })
})

describe('R12.0.5 months do not exist under the 2003 act', () => {
  test.each([
    [
      'R12.0.5 decided months on a 2003 programme are refused as not in the regime',
      snapshot({ decisions: [] }),
      decision({ type: 'INTRO_PROGRAM', decisionDate: '2020-03-16', startDate: '2020-03-16', durationMonths: 12 }),
      ['NOT_IN_REGIME@durationMonths'],
    ],
    [
      'R12.0.5 extension months on a 2003 extension are refused as not in the regime',
      snapshot(),
      decision({ type: 'INTRO_UTVIDA_DELTAKING', decisionDate: '2020-03-16', reasonText: 'Treng meir tid', extensionMonths: 6 }),
      ['NOT_IN_REGIME@extensionMonths'],
    ],
    [
      'R12.0.5 a 2003 programme without months is accepted as before',
      snapshot({ decisions: [] }),
      decision({ type: 'INTRO_PROGRAM', decisionDate: '2020-03-16', startDate: '2020-03-16' }),
      [],
    ],
  ] as const)('%s', (_name, s, d, expected) => {
    expect(codes(check(s, d, '2020-03-16').errors)).toEqual(expected)
  })
})

describe('R12.3.1 Norwegian decisions under the 2021 act: no hours, types by category', () => {
  const norsk = (type: Decision['type'], extra: Partial<Decision> = {}) => decision({ type, decisionDate: '2024-06-03', startDate: '2024-06-03', ...extra })
  test.each([
    ['R12.3.1 rett og plikt: the decision without hours is accepted', person2021(), norsk('NORSK_RETT_OG_PLIKT'), []],
    ['R12.3.1 rett og plikt: hours are refused (no automatic hours, R12.0.5)', person2021(), norsk('NORSK_RETT_OG_PLIKT', { hours: 600 }), ['NORSK_HOURS_NOT_IN_REGIME@hours']],
    [
      'R12.0.5 needs-based training is not offered under 2021',
      person2021(),
      norsk('NORSK_BEHOVSPROVD', { hours: 100 }),
      ['DECISION_TYPE_NOT_OFFERED@type', 'NORSK_HOURS_NOT_IN_REGIME@hours'],
    ],
    ['R12.3.1 plikt: NORSK_PLIKT is the type', person2021([], 'ARBEID'), norsk('NORSK_PLIKT'), []],
    ['R12.3.1 plikt: NORSK_RETT_OG_PLIKT is not offered', person2021([], 'ARBEID'), norsk('NORSK_RETT_OG_PLIKT'), ['DECISION_TYPE_NOT_OFFERED@type']],
    ['R12.3.1 NORSK_RETT is 6A only', person2021(), norsk('NORSK_RETT'), ['DECISION_TYPE_NOT_OFFERED@type']],
  ] as const)('%s', (_name, s, d, expected) => {
    expect(codes(check(s, d).errors)).toEqual(expected)
  })

  test('R6.3 / R3.4 a 2003 rett-og-plikt decision still takes its hours', () => {
    const d = decision({ type: 'NORSK_RETT_OG_PLIKT', decisionDate: '2020-03-16', startDate: '2020-03-16', hours: 600 })
    expect(codes(check(snapshot({ decisions: [] }), d, '2020-03-16').errors)).toEqual([])
  })
})

describe('R12.1.5 / R12.3.3 warnings saved with a 2021 programme decision', () => {
  const warnings = (regs: Int2021Registration[], d: Decision, decisions: Decision[] = []) => {
    const r = check(person2021(decisions, 'UTL28', regs), d)
    expect(r.errors).toEqual([])
    return codes(r.warnings)
  }
  test.each([
    ['R12.1.5 band VGS (3–6): 6 months says nothing', [VGS, WORK], 6, []],
    ['R12.1.5 (E2) band VGS: 8 months warns, still saved', [VGS, WORK], 8, ['DURATION_OUTSIDE_BAND@durationMonths']],
    ['R12.1.5 band VGS: 2 months (below 3) warns', [VGS, WORK], 2, ['DURATION_OUTSIDE_BAND@durationMonths']],
    ['R12.1.5 band VGO (3–36): 36 months says nothing', [GRUNNSKULE, VGO_GOAL], 36, []],
    ['R12.1.5 band VGO: 37 months warns', [GRUNNSKULE, VGO_GOAL], 37, ['DURATION_OUTSIDE_BAND@durationMonths']],
    ['R12.1.5 band ANNA (3–24): 25 months warns', [GRUNNSKULE, WORK], 25, ['DURATION_OUTSIDE_BAND@durationMonths']],
    ['R12.1.5 background missing: band unknown, no band check', [WORK], 60, ['BAND_UNKNOWN@durationMonths']],
    ['R12.3.3 no final goal: band unknown and final goal missing', [VGS], 6, ['BAND_UNKNOWN@durationMonths', 'FINAL_GOAL_MISSING@durationMonths']],
  ] as const)('%s', (_name, regs, months, expected) => {
    expect(warnings([...regs], PROGRAMME({ durationMonths: months }))).toEqual(expected)
  })

  test('R12.1.5 the band warning names band, months and limits', () => {
    const r = check(person2021([], 'UTL28', [VGS, WORK]), PROGRAMME({ durationMonths: 8 }))
    expect(r.warnings[0].values).toEqual({ field: 'durationMonths', band: 'VGS', months: 8, min: 3, max: 6 })
  })

  const ext = (id: string, months: number) => decision({ id, type: 'INTRO_UTVIDA_DELTAKING', decisionDate: '2024-06-10', reasonText: 'Treng meir tid', extensionMonths: months })
  test.each([
    ['R12.1.5 band VGS: extensions up to 6 months in total say nothing', [ext('e1', 4)], 2, []],
    ['R12.1.5 band VGS: a second extension passing 6 months in total warns', [ext('e1', 4)], 3, ['DURATION_OUTSIDE_BAND@extensionMonths']],
    ['R12.1.5 editing an extension replaces its own months (not counted twice)', [ext('ext', 6)], 6, []],
  ] as const)('%s', (_name, earlier, months, expected) => {
    expect(warnings([VGS, WORK], ext('ext', months), [PROGRAMME(), ...earlier])).toEqual(expected)
  })
})

describe('R12.3.3 a measure past the R12.1.6 end date warns under 2021 (error under 2003)', () => {
  // Programme from 2024-06-03, 6 months → last day 2024-12-02 (R12.1.6).
  const measure = (toDate: string): Measure => ({
    id: `m-${toDate}`,
    personId: 'p1',
    groupCode: 'ARBEID',
    measureCode: 'ARBEIDSPRAKSIS',
    fromDate: '2024-06-03',
    toDate,
    hoursPerWeek: 37.5,
  })
  const add = (m: Measure) => checkCommand(cmd('intro.addMeasures', { personId: 'p1', measures: [m] }), person2021([PROGRAMME()], 'UTL28', [VGS, WORK]), ctx)
  test.each([
    ['R12.3.3 ending on the last programme day says nothing about the end', '2024-12-02', []],
    ['R12.3.3 one day past the end date: a warning beside the to date, saved', '2024-12-03', ['MEASURE_AFTER_END@measures.0.toDate']],
  ] as const)('%s', (_name, toDate, expected) => {
    const r = add(measure(toDate))
    expect(codes(r.errors)).toEqual([])
    expect(codes(r.warnings).filter((w) => w.startsWith('MEASURE_AFTER_END'))).toEqual(expected)
  })

  test('R12.3.3 the warning names the end date', () => {
    expect(add(measure('2025-01-31')).warnings.find((w) => w.code === 'MEASURE_AFTER_END')?.values).toEqual({ endDate: '2024-12-02' })
  })

  test('R5.3 under the 2003 act a measure past the completion deadline stays an error', () => {
    const m: Measure = { ...measure('2021-09-07'), fromDate: '2020-03-02' }
    const r = checkCommand(cmd('intro.addMeasures', { personId: 'p1', measures: [m] }), snapshot(), context())
    expect(codes(r.errors)).toEqual(['MEASURE_AFTER_PROGRAMME@measures.0.toDate'])
  })
})
