import { describe, expect, test } from 'vitest'
import { evaluationSchema, storedEvaluationSchema } from '../domain'
import { decision, snapshot } from './test-fixtures'
import { evaluatePerson, evaluationAt, RULES_VERSION, storedEvaluation } from './evaluate'
import { offeredDecisionTypes } from './command-decision'

/**
 * Issue 9 point 1: `evaluatePerson` and the offered-decision check serve both regimes from
 * the same entry points. The 2003 table tests stay as they were; these cover the wiring.
 */
const P2021 = { permitFrom: '2021-02-01', settled: '2021-03-01' }
const P2003 = { permitFrom: '2020-12-31', settled: '2021-01-15' }
const P6A = { ground: 'UTL34', permitFrom: '2022-05-01', settled: '2022-06-01' }
const TODAY = '2021-06-01'

describe('R12.0 evaluatePerson chooses the regime per person', () => {
  test.each([
    ['R12.0.2 granted 31.12.2020, arrival unknown: 2003 act', P2003, TODAY, 'INTRO_2003', ['rett_og_plikt', 'rett_og_plikt']],
    ['R12.0.2 granted 01.02.2021: 2021 act', P2021, TODAY, 'INTEGRERING_2021', ['rett_og_plikt', 'rett_og_plikt']],
    ['R12.0.2 granted 2020 but arrived 2021: 2021 act by arrival', { ...P2003, arrival: '2021-01-10' }, TODAY, 'INTEGRERING_2021', ['rett_og_plikt', 'rett_og_plikt']],
    ['R12.0.3 § 34 granted inside the 6A window: chapter 6A, Norwegian `rett`', P6A, '2022-07-01', 'INT_6A', ['rett_og_plikt', 'rett']],
    ['R12.1.2 a 2021 person 17 at grant gets no intro category, ever', { ...P2021, birthDate: '2003-06-01' }, '2024-06-01', 'INTEGRERING_2021', []],
  ] as const)('%s', (_name, facts, today, regime, kinds) => {
    const e = evaluatePerson(snapshot(facts), today)
    expect(e.regime.introNorsk.regime).toBe(regime)
    expect(e.categories.filter((c) => c.scheme !== 'asylnorsk').map((c) => c.kind)).toEqual(kinds)
    expect(e.categories.some((c) => (c.kind as string) === 'anna_regelverk')).toBe(false)
  })

  test('R12.2.5 a 2021 category whose deadlines passed undone is ikkje gjeldande with reason deadline_passed, and its deadlines are overdue', () => {
    const e = evaluatePerson(snapshot(P2021), '2026-12-01')
    const norsk = e.categories.find((c) => c.scheme === 'norsk')!
    expect([norsk.displayState, norsk.reason, norsk.closedAt]).toEqual(['ikkje_gjeldande', 'deadline_passed', '2024-02-01'])
    expect(e.schemes.norsk.deadlines.filter((d) => d.key.endsWith('2021')).map((d) => [d.key, d.overdue])).toEqual([
      ['norskNorwegian2021', true],
      ['norskSocialStudies2021', true],
    ])
  })

  test('R12.1.6 a granted 2021 programme ends by its decided months; status deltar as R4', () => {
    const s = snapshot(P2021, { decisions: [decision('INTRO_PROGRAM', { startDate: '2021-05-01' })] })
    const e = evaluatePerson(s, TODAY, { registrations: { decisionMonths: { [s.registrations.decisions[0].id]: { durationMonths: 24 } } } })
    expect(e.schemes.intro.status).toBe('deltar')
    expect(e.schemes.intro.deadlines.find((d) => d.key === 'introCompletion')?.date).toBe('2023-04-30')
  })
})

describe('R12.0.6 the 2021 evaluation is plain JSON of the evaluation schema and is stored like any other', () => {
  test.each([
    ['2021 person', snapshot(P2021), TODAY],
    ['2021 person after the deadlines', snapshot(P2021), '2026-12-01'],
    ['chapter 6A person', snapshot(P6A), '2022-07-01'],
    ['asylum seeker from 2021', snapshot({ ground: 'ASYLSOKAR', permitFrom: '2021-02-01', settled: null, receptionCentre: 'ordinaert' }), TODAY],
    ['2003 person', snapshot(P2003), TODAY],
  ])('%s', (_name, s, today) => {
    const e = evaluatePerson(s, today)
    expect(e.rulesVersion).toBe(RULES_VERSION)
    expect(evaluationSchema.parse(JSON.parse(JSON.stringify(e)))).toEqual(e)
    const stored = storedEvaluation(e)
    expect(storedEvaluationSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored)
    expect(evaluationAt(stored, today)).toEqual(e)
  })
})

describe('R12.0.5 the offered-decision check (R4) by regime', () => {
  test.each([
    [
      '2003: the base type and no needs-based before participation',
      P2003,
      'norsk',
      ['NORSK_RETT_OG_PLIKT', 'NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE', 'NORSK_UTSETT_OPPSTART'],
    ],
    [
      '2021: the base type, the § 29 exemptions, postponement',
      P2021,
      'norsk',
      ['NORSK_RETT_OG_PLIKT', 'NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE', 'NORSK_UTSETT_OPPSTART'],
    ],
    ['2021: the programme is offered on rett og plikt', P2021, 'intro', ['INTRO_PROGRAM']],
  ] as const)('%s', (_name, facts, scheme, expected) => {
    expect(offeredDecisionTypes(snapshot(facts), scheme, TODAY)).toEqual(expected)
  })

  test('R12.0.5 a 2021 participant is never offered NORSK_BEHOVSPROVD; a 2003 participant is', () => {
    const regs = (start: string) => ({ decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: start })] })
    const in2003 = offeredDecisionTypes(snapshot(P2003, regs('2021-02-01')), 'norsk', TODAY)
    const in2021 = offeredDecisionTypes(snapshot(P2021, regs('2021-03-01')), 'norsk', TODAY)
    expect(in2003).toContain('NORSK_BEHOVSPROVD')
    expect(in2021).not.toContain('NORSK_BEHOVSPROVD')
    expect(in2021).toContain('NORSK_PERMISJON')
  })

  test('R12.0.5 chapter 6A offers NORSK_RETT and no social-studies exemption', () => {
    expect(offeredDecisionTypes(snapshot(P6A), 'norsk', '2022-07-01')).toEqual(['NORSK_RETT', 'NORSK_FRITAK_NORSK', 'NORSK_FRITAK_PROVE', 'NORSK_UTSETT_OPPSTART'])
  })
})
