import { describe, expect, it } from 'vitest'
import type { Holiday } from '../../domain'
import { decision, ending, programme, week } from '../test-fixtures'
import {
  DEFAULT_SETTINGS,
  durationBand,
  evaluateIntro2021,
  evaluateNorsk2021,
  fullTimeHours2021,
  holidayCheck2021,
  mottakHoursCheck,
  programmePlan2021,
  receptionCategory2021,
  settingsFrom,
  suggestedGoal,
  testsReachGoal,
  type Level,
  type MottakWeek,
  type NorskPart,
} from './index'
import { input, permit, person, stepKeys } from './test-helpers'

/** Table tests per R12 rule beside the worked examples (issue 9 point 7). */
const TODAY = '2026-12-01'
const E = { birthDate: '1990-01-01', permitFrom: '2024-02-01', settled: '2024-03-01' }

describe('R12.1.3 kan tilbydast and its reasons (J10)', () => {
  it.each([
    ['settled by agreement, 34 at grant', {}, {}, 'rett_og_plikt', []],
    ['self-settled with a ground needing agreement', { byAgreement: false }, {}, 'kan_tilbydast', ['NO_AGREEMENT']],
    ['self-settled with UTL53 (no agreement needed)', { byAgreement: false, ground: 'UTL53' }, {}, 'rett_og_plikt', []],
    ['a refused programme', {}, { decisions: [decision('INTRO_PROGRAM', { result: 'avslag', decisionDate: '2024-04-01' })] }, 'kan_tilbydast', ['REFUSED_OR_BROKE_OFF']],
    ['broke off by own wish', {}, { decisions: [programme('2024-04-01')], endings: [ending('2024-10-01', 'AVBROTE_EIGE_ONSKE')] }, 'kan_tilbydast', ['REFUSED_OR_BROKE_OFF']],
    ['over age and self-settled: both reasons', { birthDate: '1960-01-01', byAgreement: false }, {}, 'kan_tilbydast', ['OVER_AGE', 'NO_AGREEMENT']],
  ] as const)('%s → %s %j', (_n, facts, regs, kind, reasons) => {
    const r = evaluateIntro2021(input(person({ ...E, ...facts }, regs as Parameters<typeof person>[1])), '2024-12-01')
    expect(r.category?.kind).toBe(kind)
    expect(r.kanTilbydast).toEqual(reasons)
  })
  it('a ground that needs agreement and no settlement → no category yet', () => {
    expect(evaluateIntro2021(input(person({ ...E, settled: null })), '2024-12-01').whyNot?.map((s) => s.key)).toEqual(['int21IntroNotSettled'])
  })
})

describe('R12.1.2 / J15 reference-person condition (FAM_FLYKTNING)', () => {
  const fam = { ...E, ground: 'FAM_FLYKTNING', settled: null, arrival: '2024-02-10' }
  it.each([
    ['nothing registered → assumed met (logged)', [], 'rett_og_plikt'],
    ['registered met', [{ date: '2024-03-01', met: true }], 'rett_og_plikt'],
    ['registered not met → no intro category', [{ date: '2024-03-01', met: false }], null],
    [
      'not met, later registered met → the latest counts',
      [
        { date: '2024-03-01', met: false },
        { date: '2024-05-01', met: true },
      ],
      'rett_og_plikt',
    ],
  ] as const)('%s', (_n, rows, kind) => {
    const r = evaluateIntro2021(input(person(fam), { referencePersonCondition: [...rows] }), '2024-12-01')
    expect(r.category?.kind ?? null).toBe(kind)
    if (kind) expect(stepKeys(r.category!.explanation)).toContain('decisionJ15')
  })
})

describe('R12.1.2 newly arrived (J14) and R3.6 kept', () => {
  it.each([
    ['within 2 years of settlement', '2026-03-01', 'current'],
    ['after 2 years with no decision or claim', '2026-03-02', 'ikkje_gjeldande'],
  ] as const)('%s → %s', (_n, today, state) => {
    expect(evaluateIntro2021(input(person(E)), today).category?.displayState).toBe(state)
  })
  it('an ending other than stop or broke-off → gjennomført; a permanent stop → ikkje gjeldande', () => {
    expect(evaluateIntro2021(input(person(E, { decisions: [programme('2024-04-01')], endings: [ending('2025-04-01', 'ARBEID')] })), TODAY).category?.displayState).toBe(
      'gjennomfort',
    )
    expect(evaluateIntro2021(input(person(E, { decisions: [programme('2024-04-01')], endings: [ending('2025-04-01', 'PERMANENT_STANS')] })), TODAY).category?.displayState).toBe(
      'ikkje_gjeldande',
    )
  })
})

describe('R12.1.5 duration bands', () => {
  const bg = (background: 'INGEN_GRUNNSKULE' | 'GRUNNSKULE' | 'VGS_ELLER_HOGARE') => [{ date: '2024-03-01', background }]
  const goal = (g: 'ARBEID' | 'FULLFORT_VGO' | 'HOGARE_UTDANNING' | 'DELAR_AV_UTDANNING') => [{ date: '2024-03-01', goal: g }]
  it.each([
    ['VGS_ELLER_HOGARE + FULLFORT_VGO', bg('VGS_ELLER_HOGARE'), goal('FULLFORT_VGO'), 'VGS'],
    ['GRUNNSKULE + FULLFORT_VGO', bg('GRUNNSKULE'), goal('FULLFORT_VGO'), 'VGO'],
    ['INGEN_GRUNNSKULE + ARBEID', bg('INGEN_GRUNNSKULE'), goal('ARBEID'), 'ANNA'],
    ['GRUNNSKULE + DELAR_AV_UTDANNING', bg('GRUNNSKULE'), goal('DELAR_AV_UTDANNING'), 'ANNA'],
    ['background missing', undefined, goal('ARBEID'), null],
    ['goal missing', bg('GRUNNSKULE'), undefined, null],
  ] as const)('%s → %s', (_n, educationBackground, finalGoal, band) => {
    const r = durationBand(input(person(E), { educationBackground, finalGoal }), TODAY)
    expect(r.band).toBe(band)
    expect(r.findings.map((f) => f.code)).toEqual(band ? [] : ['BAND_UNKNOWN'])
  })
  it('the latest background counts: GRUNNSKULE then VGS_ELLER_HOGARE → VGS', () => {
    const r = durationBand(
      input(person(E), { educationBackground: [...bg('GRUNNSKULE'), { date: '2024-06-01', background: 'VGS_ELLER_HOGARE' }], finalGoal: goal('ARBEID') }),
      TODAY,
    )
    expect(r.band).toBe('VGS')
  })
  it.each([
    ['ANNA 3 months', 'INGEN_GRUNNSKULE', 3, 0, false],
    ['ANNA 2 months', 'INGEN_GRUNNSKULE', 2, 0, true],
    ['ANNA 24 months', 'INGEN_GRUNNSKULE', 24, 0, false],
    ['ANNA 25 months', 'INGEN_GRUNNSKULE', 25, 0, true],
    ['ANNA 24 + 12 months', 'INGEN_GRUNNSKULE', 24, 12, false],
    ['ANNA 24 + 13 months', 'INGEN_GRUNNSKULE', 24, 13, true],
    ['VGS 6 + 7 months', 'VGS_ELLER_HOGARE', 6, 7, true],
  ] as const)('%s → DURATION_OUTSIDE_BAND: %s (warning only, the end date is still computed)', (_n, background, months, extension, outside) => {
    const prog = programme('2024-04-02')
    const ext = decision('INTRO_UTVIDA_DELTAKING', { decisionDate: '2025-01-01' })
    const s = person(E, { decisions: extension ? [prog, ext] : [prog] })
    const plan = programmePlan2021(
      input(s, {
        educationBackground: bg(background),
        finalGoal: goal('ARBEID'),
        decisionMonths: { [prog.id]: { durationMonths: months }, [ext.id]: { extensionMonths: extension } },
      }),
      TODAY,
    )!
    expect(plan.findings.some((f) => f.code === 'DURATION_OUTSIDE_BAND' && f.severity === 'warning')).toBe(outside)
    expect(plan.endDate).not.toBeNull()
  })
  it('R12.3.3 a granted programme with no final goal → FINAL_GOAL_MISSING; decided months missing → no end date, logged', () => {
    const prog = programme('2024-04-02')
    const plan = programmePlan2021(input(person(E, { decisions: [prog] })), TODAY)!
    expect(plan.findings.map((f) => f.code)).toEqual(['BAND_UNKNOWN', 'FINAL_GOAL_MISSING'])
    expect(plan.endDate).toBeNull()
    expect(stepKeys(plan.steps)).toContain('int21DurationMissing')
  })
})

describe('R12.1.6 / J4 what extends the end date', () => {
  const prog = programme('2024-04-02')
  const months = { decisionMonths: { [prog.id]: { durationMonths: 12 } } }
  const end = (regs: NonNullable<Parameters<typeof person>[1]>) =>
    evaluateIntro2021(input(person(E, { ...regs, decisions: [prog, ...(regs.decisions ?? [])] }), months), TODAY).programme!.endDate
  const holiday: Holiday = { id: 'h', personId: 'p-1', fromDate: '2024-07-01', toDate: '2024-07-19', kind: 'ferie' }
  it.each([
    ['nothing', {}, '2025-04-01'],
    ['a temporary stop of a month', { decisions: [decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2024-06-01', endDate: '2024-06-30' })] }, '2025-04-01'],
    [
      '15 days of valid absence (no 10-day rule)',
      { absences: [{ id: 'a', personId: 'p-1', fromDate: '2024-05-01', toDate: '2024-05-31', rows: [{ typeCode: 'SJUKDOM', days: 15 }] }] },
      '2025-04-01',
    ],
    ['three weeks of holiday', { holidays: [holiday] }, '2025-04-01'],
    [
      'parental-leave absence of 10 days',
      { parentalLeaveAbsences: [{ id: 'pa', personId: 'p-1', fromDate: '2024-09-01', toDate: '2024-09-10', typeCode: 'MANGLANDE_BARNEPASS' }] },
      '2025-04-11',
    ],
    [
      'two overlapping calendar-day leaves count shared days once (10 + 5 new days)',
      {
        decisions: [
          decision('INTRO_PERMISJON', { startDate: '2024-05-01', endDate: '2024-05-10', leaveUnit: 'kalenderdagar' }),
          decision('INTRO_PERMISJON', { startDate: '2024-05-06', endDate: '2024-05-15', leaveUnit: 'kalenderdagar' }),
        ],
      },
      '2025-04-16',
    ],
    ['a refused leave', { decisions: [decision('INTRO_PERMISJON', { result: 'avslag', startDate: '2024-05-01', endDate: '2024-05-10' })] }, '2025-04-01'],
  ] as const)('%s → %s', (_n, regs, date) => {
    expect(end(regs as NonNullable<Parameters<typeof person>[1]>)).toBe(date)
  })
})

describe('R12.1.8 / J16 holiday norm per programme year', () => {
  const ferie = (fromDate: string, toDate: string): Holiday => ({ id: `${fromDate}`, personId: 'p-1', fromDate, toDate, kind: 'ferie' })
  const check = (months: number, holidays: Holiday[]) => {
    const prog = programme('2024-01-08')
    const s = person(E, { decisions: [prog], holidays })
    const plan = programmePlan2021(input(s, { decisionMonths: { [prog.id]: { durationMonths: months } } }), TODAY)!
    return holidayCheck2021(s, plan)
  }
  it.each([
    ['25 working days in year 1 of 24 months', 24, [ferie('2024-07-01', '2024-08-02')], false],
    ['26 working days in year 1', 24, [ferie('2024-07-01', '2024-08-05')], true],
    ['public holidays are not holiday: 2024-12-23–2025-01-03 is 7 working days', 24, [ferie('2024-12-23', '2025-01-03')], false],
    ['holiday kind hoegtid is not counted', 24, [{ ...ferie('2024-07-01', '2024-09-30'), kind: 'hoegtid' as const }], false],
    ['6-month programme allows ceil(12.5) = 13: 13 days', 6, [ferie('2024-03-04', '2024-03-20')], false],
    ['6-month programme: 14 days', 6, [ferie('2024-03-04', '2024-03-21')], true],
  ] as const)('%s → above norm: %s', (_n, months, holidays, above) => {
    expect(check(months, [...holidays]).findings.some((f) => f.code === 'HOLIDAY_ABOVE_NORM')).toBe(above)
  })
  it('each programme year is judged on its own: 19 days at the end of year 1 and 20 at the start of year 2 → no warning', () => {
    expect(check(24, [ferie('2024-12-09', '2025-01-07'), ferie('2025-01-08', '2025-02-04')]).findings).toEqual([])
  })
})

describe('R12.1.7 full time', () => {
  it.each([
    [false, 37.5],
    [true, 30],
  ])('self-study %s → %s hours a week', (selfStudy, hours) => {
    expect(fullTimeHours2021(selfStudy, '2024-01-01').hours).toBe(hours)
  })
})

describe('R12.2.2 category start by norskStart', () => {
  it.each([
    ['GRANT: later of grant and arrival', person({ ground: 'UTL28', permitFrom: '2023-05-01', arrival: '2023-06-15', settled: '2023-08-01' }), '2023-06-15'],
    [
      'FIRST_RENEWAL (UTL38_5): the renewal',
      person({ permits: [permit('UTL38_5', '2022-05-01', '2023-04-30'), permit('UTL38_5', '2023-05-01', null, '2023-04-20')], settled: '2022-07-01' }),
      '2023-04-20',
    ],
    ['FIRST_RENEWAL with no renewal yet → none', person({ ground: 'UTL38_5', permitFrom: '2022-05-01', settled: '2022-07-01' }), null],
    ['SETTLEMENT_BY_AGREEMENT (UTL34 outside 6A): the settlement', person({ ground: 'UTL34', permitFrom: '2021-05-01', settled: '2021-08-10' }), '2021-08-10'],
    ['SETTLEMENT_BY_AGREEMENT, self-settled → none', person({ ground: 'UTL34', permitFrom: '2021-05-01', settled: '2021-08-10', byAgreement: false }), null],
  ])('%s → %s', (_n, s, validFrom) => {
    expect(evaluateNorsk2021(input(s), '2024-01-01').category?.validFrom ?? null).toBe(validFrom)
  })
  it('a granted postponement moves the start to the next claim; the start deadline follows it', () => {
    const s = person(
      { ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null },
      {
        decisions: [decision('NORSK_UTSETT_OPPSTART', { startDate: '2022-04-01', decisionDate: '2022-03-20' })],
        claims: [{ id: 'c', personId: 'p-1', scheme: 'norsk', date: '2023-02-10', kind: 'NORSKOPPLAERING' }],
      },
    )
    const r = evaluateNorsk2021(input(s), '2023-06-01')
    expect(r.start).toBe('2023-02-10')
    expect(r.anchor).toBe('2023-02-10')
    expect(r.deadlines.find((d) => d.key === 'norskStart')?.date).toBe('2023-05-10')
  })
})

describe('R12.2.6 norskmål and completion (J8)', () => {
  const goalB1 = { lytting: 'B1', lesing: 'B1', skriftleg: 'B1', munnleg: 'B1' } as const
  const results = (levels: Record<NorskPart, Level>, date = '2024-05-01') => (Object.keys(levels) as NorskPart[]).map((part) => ({ date, part, level: levels[part] }))
  it.each([
    ['B1 everywhere vs goal B1', goalB1, results(goalB1), '2024-05-01'],
    ['A2 oral vs goal B1', goalB1, results({ ...goalB1, munnleg: 'A2' }), null],
    ['B2 everywhere vs goal B1', goalB1, results({ lytting: 'B2', lesing: 'B2', skriftleg: 'B2', munnleg: 'B2' }), '2024-05-01'],
    ['B2 everywhere vs C1_ELLER_KARAKTER_2', 'C1_ELLER_KARAKTER_2', results({ lytting: 'B2', lesing: 'B2', skriftleg: 'B2', munnleg: 'B2' }), null],
    ['C1 everywhere vs C1_ELLER_KARAKTER_2', 'C1_ELLER_KARAKTER_2', results({ lytting: 'C1', lesing: 'C1', skriftleg: 'C1', munnleg: 'C1' }), '2024-05-01'],
    ['no goal', null, results(goalB1), null],
    [
      'parts on different days: done on the last',
      goalB1,
      [...results({ ...goalB1, munnleg: 'A1' }), { date: '2024-09-01', part: 'munnleg' as const, level: 'B1' as const }],
      '2024-09-01',
    ],
  ] as const)('%s → done %s', (_n, goal, tests, done) => {
    expect(testsReachGoal(input(person(E), { norskTests: [...tests] }), goal, TODAY)).toBe(done)
  })
  it.each([
    ['INGEN_GRUNNSKULE', 'A2', 'B1'],
    ['GRUNNSKULE', 'B1', 'B1'],
    ['VGS_ELLER_HOGARE', 'B1', 'B2'],
  ] as const)('suggested goal for %s: written %s, oral %s', (bg, written, oral) => {
    expect(suggestedGoal(bg)).toEqual({ lytting: written, lesing: written, skriftleg: written, munnleg: oral })
  })
  it('J8: a test reaching the goal after the Norwegian deadline closes the part, never completes it', () => {
    const s = person({ ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null }, { weeklyParticipation: Array.from({ length: 15 }, (_, i) => week(2022, 20 + i, 0, 5)) })
    const r = evaluateNorsk2021(
      input(s, {
        educationBackground: [{ date: '2022-04-01', background: 'VGS_ELLER_HOGARE' }],
        norskGoal: [{ date: '2022-04-01', goal: goalB1 }],
        norskTests: results(goalB1, '2023-09-01'),
      }),
      TODAY,
    )
    // deadlines: Norwegian 2023-08-31, social studies 2023-02-28 (75 h done in 2022)
    expect(r.norwegian).toMatchObject({ deadline: '2023-08-31', doneAt: '2023-09-01', closed: true })
    expect(r.category).toMatchObject({ displayState: 'ikkje_gjeldande', reason: 'deadline_passed', closedAt: '2023-09-01' })
  })
  it('both parts by exemption → friteken (R3.6 display state kept)', () => {
    const s = person(
      { ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null },
      {
        decisions: [decision('NORSK_FRITAK_NORSK', { decisionDate: '2022-06-01' }), decision('NORSK_FRITAK_SAMFUNN', { decisionDate: '2022-07-01' })],
      },
    )
    expect(evaluateNorsk2021(input(s), TODAY).category).toMatchObject({ displayState: 'friteken', closedAt: '2022-07-01' })
  })
})

describe('R12.2.8 reception', () => {
  const asyl = (centre: 'ordinaert' | 'transitt', extra: Parameters<typeof person>[0] = {}) =>
    person({ birthDate: '2000-01-01', ground: 'ASYLSOKAR', permitFrom: '2024-03-01', settled: null, receptionCentre: centre, ...extra })
  it('a transit centre → none', () => {
    expect(receptionCategory2021(asyl('transitt'), TODAY).category).toBeNull()
  })
  it('a permit granted on the application closes it on its grant date', () => {
    const s = asyl('ordinaert', { permits: [permit('ASYLSOKAR', '2024-03-01', '2025-02-28'), permit('UTL28', '2025-03-01')] })
    expect(receptionCategory2021(s, TODAY).category).toMatchObject({ displayState: 'ikkje_gjeldande', closedAt: '2025-03-01', reason: 'permit_granted' })
  })
  const row = (id: string, isoWeek: number, hours: number, kind: MottakWeek['kind'] = 'MOTTAK_NORSK'): MottakWeek => ({ id, isoYear: 2024, isoWeek, kind, hours })
  it.each([
    ['Norwegian 157.25 h → nothing', [row('a', 10, 150)], row('b', 11, 7.25), []],
    ['Norwegian 157.5 h (90 %) → warning', [row('a', 10, 150)], row('b', 11, 7.5), ['MOTTAK_HOURS_NEAR_CAP']],
    ['Norwegian 175 h → warning', [row('a', 10, 150)], row('b', 11, 25), ['MOTTAK_HOURS_NEAR_CAP']],
    ['Norwegian 175.25 h → error', [row('a', 10, 150)], row('b', 11, 25.25), ['MOTTAK_HOURS_CAP']],
    ['a week saved again replaces its row', [row('a', 10, 150), row('b', 11, 25)], row('c', 11, 20), ['MOTTAK_HOURS_NEAR_CAP']],
    ['the other kind does not count', [row('a', 10, 150, 'MOTTAK_SAMF')], row('b', 11, 10), []],
  ] as const)('%s', (_n, existing, added, codes) => {
    expect(mottakHoursCheck(existing, added).map((f) => f.code)).toEqual(codes)
  })
})

describe('R12 settings from the ruleSetting list', () => {
  it.each([
    ['no rows → defaults', [], null, 'default', '2026-06-30', 'default'],
    ['a revision date', [{ key: 'INT.rev2025.inForceFrom', value: '2025-09-01' }], '2025-09-01', 'register', '2026-06-30', 'default'],
    ['a new last 6A date', [{ key: 'INT_6A.lastGrantDate', value: '2027-06-30' }], null, 'default', '2027-06-30', 'register'],
    ['a malformed date keeps the default', [{ key: 'INT_6A.lastGrantDate', value: '30.06.2027' }], null, 'default', '2026-06-30', 'default'],
    ['an unknown key is ignored', [{ key: 'INT.other', value: '2027-01-01' }], null, 'default', '2026-06-30', 'default'],
  ] as const)('%s', (_n, rows, rev, revOrigin, last, lastOrigin) => {
    const s = settingsFrom([...rows])
    expect(s['INT.rev2025.inForceFrom']).toEqual({ value: rev, origin: revOrigin })
    expect(s['INT_6A.lastGrantDate']).toEqual({ value: last, origin: lastOrigin })
  })
  it('the defaults are J1 (not in force) and J11 (2026-06-30)', () => {
    expect(DEFAULT_SETTINGS['INT.rev2025.inForceFrom'].value).toBeNull()
    expect(DEFAULT_SETTINGS['INT_6A.lastGrantDate'].value).toBe('2026-06-30')
  })
})
