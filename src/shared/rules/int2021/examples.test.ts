import { describe, expect, it } from 'vitest'
import { decision, leave, programme, week } from '../test-fixtures'
import { evaluate2021, evaluateIntro2021, evaluateNorsk2021, mottakHoursCheck, receptionCategory2021, selectRegime, type MottakWeek } from './index'
import { input, permit, person, stepKeys, withSetting } from './test-helpers'

/** The worked examples of rules-2021.md R12.6, each as written there (`today` 2026-12-01 unless said). */
const TODAY = '2026-12-01'

describe('R12.6 E1 regime selection (R12.0.1, R12.0.2)', () => {
  it('E1(a) UTL28 granted 2020-11-15 after arrival 2019-08-01, renewed 2023-11-15 → INTRO_2003 (the renewal never changes it, J3)', () => {
    const s = person({
      birthDate: '1990-05-10',
      arrival: '2019-08-01',
      permits: [permit('ASYLSOKAR', '2019-08-01', '2020-11-14'), permit('UTL28', '2020-11-15', '2023-11-14'), permit('UTL28', '2023-11-15')],
    })
    const r = selectRegime(input(s)).introNorsk
    expect(r.regime).toBe('INTRO_2003')
    expect(r.permit?.grantedDate).toBe('2020-11-15')
    expect(r.explanation.at(-1)).toMatchObject({ key: 'int21Regime2003', values: { granted: '2020-11-15', arrival: '2019-08-01', switchDate: '2021-01-01', section: '§ 51' } })
  })
  it('E1(b) UTL35_3 granted 2020-10-01, arrival 2021-02-10 → INTEGRERING_2021 by the arrival', () => {
    const s = person({ ground: 'UTL35_3', permitFrom: '2020-10-01', arrival: '2021-02-10' })
    const r = selectRegime(input(s)).introNorsk
    expect(r.regime).toBe('INTEGRERING_2021')
    expect(stepKeys(r.explanation)).toContain('int21Regime2021ByArrival')
  })
  it('E1(c) STUDIE 2019-08-15 gives no group; FAM_NORDISK 2021-06-01 qualifies → INTEGRERING_2021 by the grant', () => {
    const s = person({ permits: [permit('STUDIE', '2019-08-15', '2021-05-31'), permit('FAM_NORDISK', '2021-06-01')] })
    const r = selectRegime(input(s)).introNorsk
    expect(r.regime).toBe('INTEGRERING_2021')
    expect(r.permit?.groundCode).toBe('FAM_NORDISK')
    expect(stepKeys(r.explanation)).toContain('int21Regime2021ByGrant')
  })
})

describe('R12.6 E2 band VGS (R12.1.4–R12.1.6)', () => {
  const base = { birthDate: '1992-03-14', permitFrom: '2024-02-01', settled: '2024-04-15', byAgreement: true }
  const regs = { educationBackground: [{ date: '2024-05-01', background: 'VGS_ELLER_HOGARE' as const }], finalGoal: [{ date: '2024-05-01', goal: 'ARBEID' as const }] }
  const prog = programme('2024-06-03', { decisionDate: '2024-05-20' })
  const stop = decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2024-09-02', endDate: '2024-09-30', decisionDate: '2024-08-30' })
  const ext = decision('INTRO_UTVIDA_DELTAKING', { decisionDate: '2024-11-15' })
  const lv = leave('2025-01-06', '2025-01-15')

  it('E2 rett og plikt; start deadline 2024-07-15 (settlement + 3 months, J13 logged), met by the start 2024-06-03', () => {
    const r = evaluateIntro2021(input(person(base, { decisions: [prog] }), regs), TODAY)
    expect(r.category).toMatchObject({ kind: 'rett_og_plikt', displayState: 'current' })
    const start = r.deadlines.find((d) => d.key === 'introStart')
    expect(start).toMatchObject({ date: '2024-07-15', metOn: '2024-06-03', overdue: false })
    expect(stepKeys(start!.explanation)).toContain('decisionJ13')
  })

  it.each([
    ['6 months → 2024-12-02', [prog], { [prog.id]: { durationMonths: 6 } }, '2024-12-02'],
    ['a temporary stop does not extend → 2024-12-02 (J4)', [prog, stop], { [prog.id]: { durationMonths: 6 } }, '2024-12-02'],
    ['extension 6 months → 2025-06-02', [prog, stop, ext], { [prog.id]: { durationMonths: 6 }, [ext.id]: { extensionMonths: 6 } }, '2025-06-02'],
    ['leave 2025-01-06–2025-01-15 in calendar days → 2025-06-12', [prog, stop, ext, lv], { [prog.id]: { durationMonths: 6 }, [ext.id]: { extensionMonths: 6 } }, '2025-06-12'],
    ['8 months decided → 2025-02-02 before extension and leave', [prog], { [prog.id]: { durationMonths: 8 } }, '2025-02-02'],
  ] as const)('E2 %s', (_name, decisions, months, end) => {
    const r = evaluateIntro2021(input(person(base, { decisions: [...decisions] }), { ...regs, decisionMonths: months }), TODAY)
    expect(r.programme?.band).toBe('VGS')
    expect(r.programme?.endDate).toBe(end)
    expect(r.deadlines.find((d) => d.key === 'introCompletion')?.date).toBe(end)
  })

  it('E2 the temporary stop is logged as not extending (J4); 6 months is inside the band, 8 months only warns', () => {
    const ok = evaluateIntro2021(input(person(base, { decisions: [prog, stop] }), { ...regs, decisionMonths: { [prog.id]: { durationMonths: 6 } } }), TODAY)
    expect(ok.programme!.steps.find((s) => s.key === 'decisionJ4')?.values).toMatchObject({ stops: 1 })
    expect(ok.findings.map((f) => f.code)).not.toContain('DURATION_OUTSIDE_BAND')
    const eight = evaluateIntro2021(input(person(base, { decisions: [prog] }), { ...regs, decisionMonths: { [prog.id]: { durationMonths: 8 } } }), TODAY)
    expect(eight.findings).toContainEqual(expect.objectContaining({ code: 'DURATION_OUTSIDE_BAND', severity: 'warning', values: expect.objectContaining({ months: 8, max: 6 }) }))
  })
})

describe('R12.6 E3 band VGO and the 2023 anchor (R12.1.6, R12.2.3–R12.2.6)', () => {
  const base = { birthDate: '2003-07-01', permitFrom: '2023-09-20', settled: '2023-11-01', byAgreement: true }
  const regs = {
    educationBackground: [{ date: '2023-11-20', background: 'GRUNNSKULE' as const }],
    finalGoal: [{ date: '2023-12-01', goal: 'FULLFORT_VGO' as const }],
    norskGoal: [{ date: '2023-12-01', goal: { lytting: 'B1', lesing: 'B1', skriftleg: 'B1', munnleg: 'B1' } as const }],
  }
  const prog = programme('2024-01-08', { decisionDate: '2023-12-15' })
  const lv = leave('2024-03-04', '2024-03-08', 'verkedagar')
  const norsk = decision('NORSK_RETT_OG_PLIKT', { startDate: '2023-12-04', decisionDate: '2023-11-25' })
  // 15 weeks × 5 h social studies, the 75th hour in week 44 of 2024 (Sunday 2024-11-03)
  const social = Array.from({ length: 15 }, (_, i) => week(2024, 30 + i, 0, 5))
  const s = person(base, { decisions: [prog, lv, norsk], weeklyParticipation: social })
  const i = input(s, { ...regs, decisionMonths: { [prog.id]: { durationMonths: 36 } } })

  it('E3 intro: start deadline 2024-02-01; 36 months → 2027-01-07; leave of 5 working days → 2027-01-14', () => {
    const r = evaluateIntro2021(i, TODAY)
    expect(r.deadlines.find((d) => d.key === 'introStart')?.date).toBe('2024-02-01')
    expect(r.programme?.band).toBe('VGO')
    expect(r.programme!.steps.find((x) => x.key === 'int21EndBase')?.values.date).toBe('2027-01-07')
    expect(r.programme?.endDate).toBe('2027-01-14')
  })
  it('E3 norsk: rett og plikt from 2023-09-20, start deadline 2023-12-20, anchor 2023-12-04 → Norwegian 2026-12-03, social studies 2024-12-03 (done 2024-11), goal hint B1', () => {
    const r = evaluateNorsk2021(i, TODAY)
    expect(r.category).toMatchObject({ kind: 'rett_og_plikt', validFrom: '2023-09-20', displayState: 'current' })
    expect(r.deadlines.find((d) => d.key === 'norskStart')?.date).toBe('2023-12-20')
    expect(r.anchor).toBe('2023-12-04')
    expect(r.norwegian?.deadline).toBe('2026-12-03')
    expect(r.socialStudies).toMatchObject({ deadline: '2024-12-03', doneAt: '2024-11-03', closed: false })
    expect(r.suggestedGoal).toEqual({ lytting: 'B1', lesing: 'B1', skriftleg: 'B1', munnleg: 'B1' })
  })
  it('E3 on 2026-12-04 without B1 in every part → (ikkje gjeldande), deadline_passed from that day', () => {
    const r = evaluateNorsk2021({ ...i, registrations: { ...i.registrations, norskTests: [{ date: '2026-06-01', part: 'lytting', level: 'B1' }] } }, '2026-12-04')
    expect(r.category).toMatchObject({ displayState: 'ikkje_gjeldande', reason: 'deadline_passed', closedAt: '2026-12-04' })
    expect(r.norwegian?.closed).toBe(true)
  })
  it('E3 with B1 in every part before the deadline → (gjennomført)', () => {
    const tests = (['lytting', 'lesing', 'skriftleg', 'munnleg'] as const).map((part) => ({ date: '2026-06-01', part, level: 'B1' as const }))
    const r = evaluateNorsk2021({ ...i, registrations: { ...i.registrations, norskTests: tests } }, '2026-12-04')
    expect(r.category).toMatchObject({ displayState: 'gjennomfort', closedAt: '2026-06-01' })
  })
})

describe('R12.6 E4 age on the grant date (R12.1.2, R12.1.3, R12.2.1, J1)', () => {
  const facts = (birthDate: string) => ({ birthDate, permitFrom: '2024-06-10', settled: '2025-01-15', byAgreement: true })
  it('E4 born 1969-06-10 (55 at grant) → intro rett og plikt', () => {
    expect(evaluateIntro2021(input(person(facts('1969-06-10'))), TODAY).category?.kind).toBe('rett_og_plikt')
  })
  it('E4 born 1968-06-10 (56) → kan tilbydast OVER_AGE with step rev2025NotInForce; with the setting 2024-01-01 → rett og plikt', () => {
    const r = evaluateIntro2021(input(person(facts('1968-06-10'))), TODAY)
    expect(r.category?.kind).toBe('kan_tilbydast')
    expect(r.kanTilbydast).toEqual(['OVER_AGE'])
    expect(r.category!.explanation.find((x) => x.key === 'rev2025NotInForce')?.values).toMatchObject({ setting: null, origin: 'default' })
    const rev = evaluateIntro2021(input(person(facts('1968-06-10')), {}, withSetting('INT.rev2025.inForceFrom', '2024-01-01')), TODAY)
    expect(rev.category?.kind).toBe('rett_og_plikt')
    expect(stepKeys(rev.category!.explanation)).toContain('int21Rev2025Applied')
  })
  it('E4 born 1958-03-01 (66) → intro kan tilbydast; norsk rett og plikt, (ikkje gjeldande) from 2025-03-01', () => {
    const i = input(person(facts('1958-03-01')))
    expect(evaluateIntro2021(i, TODAY).category?.kind).toBe('kan_tilbydast')
    expect(evaluateNorsk2021(i, TODAY).category).toMatchObject({ kind: 'rett_og_plikt', displayState: 'ikkje_gjeldande', closedAt: '2025-03-01', reason: 'age_limit_passed' })
  })
  it.each(['2026-12-01', '2035-01-01'])('E4 born 2006-09-01 (17 at grant) → no intro and no norsk category, ever (judged %s)', (today) => {
    const i = input(person(facts('2006-09-01')))
    expect(evaluateIntro2021(i, today).category).toBeNull()
    expect(evaluateNorsk2021(i, today).category).toBeNull()
    expect(stepKeys(evaluateNorsk2021(i, today).whyNot!)).toContain('int21NorskUnderAgeAtGrant')
  })
})

describe('R12.6 E5 chapter 6A (R12.0.3, R12.2.7, J11)', () => {
  it('E5 judged 2023-06-01: intro rett og plikt, start deadline 2023-08-02; norsk rett from 2023-05-02; deadline 2024-06-04, with 19 days of leave 2024-06-23', () => {
    const rett = decision('NORSK_RETT', { startDate: '2023-06-05', decisionDate: '2023-05-20' })
    const lv = decision('NORSK_PERMISJON', { startDate: '2023-12-18', endDate: '2024-01-05', decisionDate: '2023-05-25' })
    const base = { birthDate: '1985-02-02', ground: 'UTL34', permitFrom: '2023-03-15', settled: '2023-05-02', byAgreement: true }
    const without = evaluate2021(input(person(base, { decisions: [rett] })), '2023-06-01')
    expect(without.regime.introNorsk.regime).toBe('INT_6A')
    expect(without.intro?.category?.kind).toBe('rett_og_plikt')
    expect(without.intro?.deadlines.find((d) => d.key === 'introStart')?.date).toBe('2023-08-02')
    expect(without.norsk?.category).toMatchObject({ kind: 'rett', validFrom: '2023-05-02' })
    expect(without.norsk?.deadlines.find((d) => d.key === 'norsk6A')?.date).toBe('2024-06-04')
    const withLeave = evaluate2021(input(person(base, { decisions: [rett, lv] })), '2023-06-01')
    expect(withLeave.norsk?.deadlines.find((d) => d.key === 'norsk6A')?.date).toBe('2024-06-23')
  })
  it('E5 UTL34 granted 2026-08-01 (after the last 6A date) → ordinary rules, norsk rett og plikt from the settlement by agreement, step 6aLapsedAssumed', () => {
    const r = evaluate2021(input(person({ ground: 'UTL34', permitFrom: '2026-08-01', settled: '2026-09-01', byAgreement: true })), TODAY)
    expect(r.regime.introNorsk.regime).toBe('INTEGRERING_2021')
    expect(stepKeys(r.regime.introNorsk.explanation)).toContain('6aLapsedAssumed')
    expect(r.norsk?.category).toMatchObject({ kind: 'rett_og_plikt', validFrom: '2026-09-01' })
  })
})

describe('R12.6 E6 anchor before 2023-08-01 (R12.2.4, R12.2.5)', () => {
  const base = { birthDate: '1995-01-20', ground: 'FAM_NORDISK', permitFrom: '2022-03-01', arrival: '2022-04-10', settled: null }
  const lv = decision('NORSK_PERMISJON', { startDate: '2023-01-02', endDate: '2023-01-31', decisionDate: '2022-12-20' })
  it('E6 norsk rett og plikt from 2022-04-10, no intro', () => {
    const r = evaluate2021(input(person(base)), TODAY)
    expect(r.norsk?.category).toMatchObject({ kind: 'rett_og_plikt', validFrom: '2022-04-10' })
    expect(r.intro?.category).toBeNull()
  })
  it.each([
    ['background VGS_ELLER_HOGARE → Norwegian 2023-10-09', 'VGS_ELLER_HOGARE', [], '2023-10-09', false],
    ['with 30 days of leave → 2023-11-08', 'VGS_ELLER_HOGARE', [lv], '2023-11-08', false],
    ['background missing → 36 months, 2025-05-09, provisional', null, [lv], '2025-05-09', true],
  ] as const)('E6 %s; social studies 2023-04-09, never extended', (_n, background, decisions, norwegian, provisional) => {
    const regs = background ? { educationBackground: [{ date: '2022-05-01', background }] } : {}
    const r = evaluateNorsk2021(input(person(base, { decisions: [...decisions] }), regs), TODAY)
    expect(r.norwegian).toMatchObject({ deadline: norwegian, provisional })
    expect(r.socialStudies?.deadline).toBe('2023-04-09')
    expect(r.findings.some((f) => f.code === 'BACKGROUND_MISSING')).toBe(provisional)
  })
})

describe('R12.6 E7 plikt (R12.2.5, R12.2.6)', () => {
  const base = { birthDate: '1990-02-02', ground: 'ARBEID', permitFrom: '2022-09-01', arrival: '2022-10-01', settled: null }
  const social = Array.from({ length: 30 }, (_, i) => week(2023, 1 + i, 0, 2.5))
  it('E7 plikt from 2022-10-01 with no deadline', () => {
    const r = evaluateNorsk2021(input(person(base)), TODAY)
    expect(r.category).toMatchObject({ kind: 'plikt', validFrom: '2022-10-01', displayState: 'current' })
    expect(r.deadlines.map((d) => d.key)).toEqual(['norskStart'])
  })
  it.each([
    ['300 Norwegian hours and 75 social-studies hours', Array.from({ length: 30 }, (_, i) => week(2023, 1 + i, 10, 2.5)), []],
    [
      'a test ≥ the goal and 75 social-studies hours',
      social,
      (['lytting', 'lesing', 'skriftleg', 'munnleg'] as const).map((part) => ({ date: '2023-09-01', part, level: 'A2' as const })),
    ],
  ])('E7 %s → (gjennomført)', (_n, weeks, tests) => {
    const regs = { norskGoal: [{ date: '2022-11-01', goal: { lytting: 'A2', lesing: 'A2', skriftleg: 'A2', munnleg: 'A2' } as const }], norskTests: tests }
    expect(evaluateNorsk2021(input(person(base, { weeklyParticipation: weeks }), regs), TODAY).category?.displayState).toBe('gjennomfort')
  })
  it('E7 299.75 Norwegian hours and no test → still current', () => {
    const weeks = [...Array.from({ length: 29 }, (_, i) => week(2023, 1 + i, 10, 2.5)), week(2023, 30, 9.75, 2.5)]
    expect(evaluateNorsk2021(input(person(base, { weeklyParticipation: weeks })), TODAY).category?.displayState).toBe('current')
  })
})

describe('R12.6 E8 training in reception (R12.0.4, R12.2.8)', () => {
  const asylum = (birthDate: string, from: string) => person({ birthDate, ground: 'ASYLSOKAR', permitFrom: from, settled: null, receptionCentre: 'ordinaert' })
  const row = (isoWeek: number, hours: number): MottakWeek => ({ id: `w${isoWeek}`, isoYear: 2024, isoWeek, kind: 'MOTTAK_SAMF', hours })
  it('E8 born 2000-01-01, ASYLSOKAR from 2024-03-01 in an ordinary centre → mottak_plikt', () => {
    const r = evaluate2021(input(asylum('2000-01-01', '2024-03-01')), TODAY)
    expect(r.regime.asylnorsk.regime).toBe('INTEGRERING_2021')
    expect(r.reception?.category).toMatchObject({ kind: 'mottak_plikt', validFrom: '2024-03-01', displayState: 'current' })
  })
  it.each([
    ['reaching 22.5 h → warning', [row(10, 20)], row(11, 2.5), 'MOTTAK_HOURS_NEAR_CAP'],
    ['24 → 26 h → error', [row(10, 20), row(11, 4)], row(12, 2), 'MOTTAK_HOURS_CAP'],
    ['22.25 h → nothing', [row(10, 20)], row(11, 2.25), null],
  ] as const)('E8 social studies %s', (_n, existing, added, code) => {
    expect(mottakHoursCheck(existing, added).map((f) => f.code)).toEqual(code ? [code] : [])
  })
  it('E8 born 2007-05-01 → none until 2025-05-01 (they grow in)', () => {
    const s = asylum('2007-05-01', '2024-03-01')
    expect(receptionCategory2021(s, '2025-04-30').category).toBeNull()
    expect(receptionCategory2021(s, '2025-05-01').category).toMatchObject({ validFrom: '2025-05-01' })
  })
  it('E8 ASYLSOKAR from 2020-11-01 → R3.5/R7 (INTRO_2003), no 2021 category', () => {
    const r = evaluate2021(input(asylum('2000-01-01', '2020-11-01')), TODAY)
    expect(r.regime.asylnorsk.regime).toBe('INTRO_2003')
    expect(r.reception).toBeNull()
  })
})
