import { describe, expect, test } from 'vitest'
import type { PersonSnapshot } from '../domain'
import type { Scheme } from '../domain/scheme'
import { evaluatePerson, RULES_VERSION } from './evaluate'
import { asylWeek, claim, decision, ending, programme, snapshot, week, type BaseFacts } from './test-fixtures'

const TODAY = '2019-06-01'

function cat(s: PersonSnapshot, scheme: Scheme, today = TODAY, kind?: string) {
  return evaluatePerson(s, today).categories.find((c) => c.scheme === scheme && (!kind || c.kind === kind)) ?? null
}
const brief = (c: ReturnType<typeof cat>) => c && { kind: c.kind, state: c.displayState, validFrom: c.validFrom, closedAt: c.closedAt, reason: c.reason }

describe('R3.2 introduction programme — rett og plikt', () => {
  test.each<[string, BaseFacts, string, object]>([
    ['R3.2 refugee settled by agreement, 27 years: rett og plikt from settlement', {}, TODAY, { kind: 'rett_og_plikt', state: 'current', validFrom: '2018-03-01' }],
    ['R3.2 family of a refugee needs no agreement: rett og plikt', { ground: 'FAM_FLYKTNING', byAgreement: false }, TODAY, { kind: 'rett_og_plikt', state: 'current' }],
    ['R3.2 grows into the category on turning 18 (Decision)', { birthDate: '2001-06-01' }, '2019-06-01', { kind: 'rett_og_plikt', validFrom: '2019-06-01' }],
    ['R3.2 newly arrived on the last day of settlement + 2 years', {}, '2020-03-01', { kind: 'rett_og_plikt', state: 'current' }],
    [
      'R3.2 without settlement, a ground needing no agreement counts from arrival',
      { ground: 'FAM_FLYKTNING', settled: null, arrival: '2018-02-01' },
      TODAY,
      { validFrom: '2018-02-01', state: 'current' },
    ],
  ])('%s', (_name, facts, today, expected) => {
    expect(brief(cat(snapshot(facts), 'intro', today))).toMatchObject(expected)
  })

  test.each<[string, BaseFacts, string]>([
    ['R3.2 17 years old: no category yet', { birthDate: '2001-06-01' }, '2019-05-31'],
    ['R3.2 humanitarian grounds without asylum (UTL38) give no intro category', { ground: 'UTL38' }, TODAY],
    ['R3.2 students (STUDIE) give no intro category', { ground: 'STUDIE' }, TODAY],
    ['R3.2 a refugee not yet settled has no intro category', { settled: null }, TODAY],
  ])('%s', (_name, facts, today) => {
    expect(cat(snapshot(facts), 'intro', today)).toBeNull()
  })

  test('R3.2 newly-arrived window passed without a decision: ikkje gjeldande the next day', () => {
    expect(brief(cat(snapshot(), 'intro', '2020-03-02'))).toMatchObject({ state: 'ikkje_gjeldande', closedAt: '2020-03-02', reason: 'newly_arrived_window_passed' })
  })

  test('R3.2 a programme decision keeps the category after the window', () => {
    expect(cat(snapshot({}, { decisions: [programme('2018-05-01')] }), 'intro', '2020-06-01')?.displayState).toBe('current')
  })

  test('R5.1 a claim inside the window keeps the category after the window (no agreement needed)', () => {
    const s = snapshot({ ground: 'FAM_FLYKTNING', byAgreement: false }, { claims: [claim('intro', '2020-02-01')] })
    expect(cat(s, 'intro', '2020-03-10')?.displayState).toBe('current')
  })
})

describe('R3.3 introduction programme — kan tilbydast', () => {
  test.each<[string, BaseFacts, Partial<PersonSnapshot['registrations']>]>([
    ['R3.3 over 55 at the category start', { birthDate: '1961-01-01' }, {}],
    ['R3.3 self-settled with a ground that needs an agreement', { byAgreement: false }, {}],
    ['R3.3 a refused programme decision', {}, { decisions: [programme('2018-05-01', { result: 'avslag', reasonCode: 'X' })] }],
    ['R3.3 broke off the programme (AVBROTE_EIGE_ONSKE)', {}, { decisions: [programme('2018-05-01')], endings: [ending('2019-01-31', 'AVBROTE_EIGE_ONSKE')] }],
  ])('%s', (_name, facts, regs) => {
    expect(brief(cat(snapshot(facts, regs), 'intro'))).toMatchObject({ kind: 'kan_tilbydast', state: 'current' })
  })

  test('R3.3 55 at the start is still rett og plikt, not kan tilbydast', () => {
    expect(cat(snapshot({ birthDate: '1962-03-02' }), 'intro', '2018-03-01')?.kind).toBe('rett_og_plikt')
  })
})

describe('R3.4 Norwegian and social studies', () => {
  test.each<[string, BaseFacts, string, object]>([
    [
      'R3.4 permit from 2012: rett og plikt, 600 = 550 + 50 hours',
      {},
      TODAY,
      { kind: 'rett_og_plikt', validFrom: '2018-01-10', hours: { total: 600, norwegian: 550, socialStudies: 50 } },
    ],
    [
      'R3.4 permit before 2012: 300 = 250 + 50 hours',
      { permitFrom: '2011-12-31' },
      '2012-06-01',
      { kind: 'rett_og_plikt', hours: { total: 300, norwegian: 250, socialStudies: 50 } },
    ],
    ['R3.4 before 2017, 56–67 gave rett only', { permitFrom: '2016-12-31', birthDate: '1955-01-01' }, '2017-06-01', { kind: 'rett' }],
    ['R3.4 from 2017, 56–67 is rett og plikt', { permitFrom: '2017-01-01', birthDate: '1955-01-01' }, '2017-06-01', { kind: 'rett_og_plikt' }],
    ['R3.4 work permit (ARBEID): plikt, 300 = 250 + 50 (R11.9)', { ground: 'ARBEID' }, TODAY, { kind: 'plikt', hours: { total: 300, norwegian: 250, socialStudies: 50 } }],
    ['R3.4 grows into the category at 16', { birthDate: '2003-09-01' }, '2019-09-01', { kind: 'rett_og_plikt', validFrom: '2019-09-01' }],
    ['R3.4 permit granted before arrival: starts at arrival', { arrival: '2018-02-20' }, TODAY, { validFrom: '2018-02-20' }],
    ['R3.4 humanitarian grounds without asylum (UTL38): rett og plikt', { ground: 'UTL38' }, TODAY, { kind: 'rett_og_plikt' }],
  ])('%s', (_name, facts, today, expected) => {
    expect(cat(snapshot(facts), 'norsk', today)).toMatchObject(expected)
  })

  test.each<[string, BaseFacts, string]>([
    ['R3.4 EEA/EFTA (EOS): no Norwegian category', { ground: 'EOS' }, TODAY],
    ['R3.4 15 years old: not yet', { birthDate: '2003-09-01' }, '2019-08-31'],
    ['R3.4 over 67 at the start: no category', { birthDate: '1950-01-01' }, TODAY],
    ['R3.4 plikt stops at 55 (Decision): a 60-year-old worker has none', { ground: 'ARBEID', birthDate: '1958-01-01' }, TODAY],
  ])('%s', (_name, facts, today) => {
    expect(cat(snapshot(facts), 'norsk', today)).toBeNull()
  })
})

describe('R3.5 asylum seekers — asylnorsk and NKNV', () => {
  const asylum = (f: BaseFacts = {}) => snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert', ...f })
  test('R3.5 asylum seeker of 28 in an ordinary centre: asylnorsk and NKNV, nothing else', () => {
    const cats = evaluatePerson(asylum(), TODAY).categories
    expect(cats.map((c) => [c.scheme, c.kind, c.displayState])).toEqual([
      ['asylnorsk', 'asylnorsk', 'current'],
      ['asylnorsk', 'nknv', 'current'],
    ])
  })

  test.each<[string, BaseFacts, string]>([
    ['R3.5 in a transit centre without participation: no category', { receptionCentre: 'transitt' }, TODAY],
    ['R3.5 15 years old: no category (Decision: from 16)', { birthDate: '2003-09-01' }, '2019-08-31'],
  ])('%s', (_name, facts, today) => {
    expect(evaluatePerson(asylum(facts), today).categories).toEqual([])
  })

  test('R3.5 NKNV exists only from 2017', () => {
    const cats = evaluatePerson(asylum({ permitFrom: '2016-01-10' }), '2016-06-01').categories
    expect(cats.map((c) => c.kind)).toEqual(['asylnorsk'])
  })

  test('R3.5 a granted permit closes asylnorsk on its grant date; NKNV stays (D7)', () => {
    const s = asylum({ permitTo: '2018-08-31' })
    s.permits.push({ groundCode: 'UTL28', validFrom: '2018-09-01', validTo: null, grantedDate: '2018-08-20' })
    expect(brief(cat(s, 'asylnorsk', TODAY, 'asylnorsk'))).toMatchObject({ state: 'ikkje_gjeldande', closedAt: '2018-08-20', reason: 'permit_granted' })
    expect(cat(s, 'asylnorsk', TODAY, 'nknv')?.displayState).toBe('current')
  })

  test('R3.5 NKNV done at 50 hours; asylnorsk done at 175', () => {
    const rows = [asylWeek(2018, 10, 'NKNV', 30), asylWeek(2018, 11, 'NKNV', 20), asylWeek(2018, 12, 'ASYLNORSK', 174.75)]
    const s = snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert' }, { asylnorsk: rows })
    expect(cat(s, 'asylnorsk', TODAY, 'nknv')?.displayState).toBe('gjennomfort')
    expect(cat(s, 'asylnorsk', TODAY, 'asylnorsk')?.displayState).toBe('current')
  })
})

describe('R3.6 display state', () => {
  test.each<[string, (s: PersonSnapshot) => void, string, object]>([
    [
      'R3.6 permit expired: ikkje gjeldande from the day after',
      (s) => (s.permits[0].validTo = '2019-01-31'),
      'intro',
      { state: 'ikkje_gjeldande', closedAt: '2019-02-01', reason: 'permit_ended' },
    ],
    [
      'R3.6 permit changed to another ground: ikkje gjeldande from the new permit',
      (s) => s.permits.push({ groundCode: 'STUDIE', validFrom: '2019-03-01', validTo: null, grantedDate: '2019-02-20' }),
      'norsk',
      { state: 'ikkje_gjeldande', closedAt: '2019-03-01', reason: 'permit_changed' },
    ],
    ['R3.6 moved out of the municipality before any programme', (s) => (s.person.followUpMunicipality = '4601'), 'intro', { state: 'ikkje_gjeldande', reason: 'moved' }],
    [
      'R3.6 ended with a reason other than stop/broke-off: gjennomført',
      (s) => s.registrations.endings.push(ending('2019-05-01', 'ARBEID')),
      'intro',
      { state: 'gjennomfort', closedAt: '2019-05-01' },
    ],
    [
      'R3.6 permanent stop: ikkje gjeldande',
      (s) => s.registrations.endings.push(ending('2019-05-01', 'PERMANENT_STANS')),
      'intro',
      { state: 'ikkje_gjeldande', reason: 'permanent_stop' },
    ],
    [
      'R3.6 both parts exempted: friteken',
      (s) => s.registrations.decisions.push(decision('NORSK_FRITAK_NORSK', { decisionDate: '2019-01-02' }), decision('NORSK_FRITAK_SAMFUNN', { decisionDate: '2019-02-03' })),
      'norsk',
      { state: 'friteken', closedAt: '2019-02-03' },
    ],
    [
      'R3.6 needs-based training granted: ved behov',
      (s) => s.registrations.decisions.push(decision('NORSK_BEHOVSPROVD', { startDate: '2019-04-01', hours: 200 })),
      'norsk',
      { state: 'ved_behov', closedAt: '2019-04-01' },
    ],
  ])('%s', (_name, change, scheme, expected) => {
    const s = snapshot()
    change(s)
    expect(brief(cat(s, scheme as Scheme))).toMatchObject(expected)
  })

  test.each<[string, (s: PersonSnapshot) => void, string]>([
    [
      'R3.6 a renewed permit with the same ground keeps the category and its start',
      (s) => {
        s.permits[0].validTo = '2019-01-09'
        s.permits.push({ groundCode: 'UTL28', validFrom: '2019-01-10', validTo: null, grantedDate: '2019-01-05' })
      },
      'norsk',
    ],
    [
      'R3.6 moving after a granted programme keeps the category',
      (s) => {
        s.person.followUpMunicipality = '4601'
        s.registrations.decisions.push(programme('2018-05-01'))
      },
      'intro',
    ],
    ['R3.6 one exemption alone is not friteken', (s) => s.registrations.decisions.push(decision('NORSK_FRITAK_NORSK')), 'norsk'],
    ['R3.6 a refused needs-based decision is not ved behov', (s) => s.registrations.decisions.push(decision('NORSK_BEHOVSPROVD', { result: 'avslag', hours: 10 })), 'norsk'],
  ])('%s', (_name, change, scheme) => {
    const s = snapshot()
    change(s)
    expect(brief(cat(s, scheme as Scheme))).toMatchObject({ state: 'current', validFrom: scheme === 'norsk' ? '2018-01-10' : '2018-03-01' })
  })

  // Decision (categories.ts `category`): when what ends a category lies before its first day,
  // the category is shown as never applicable, from its own start — not closed before it began.
  test.each<[string, () => PersonSnapshot, string, { validFrom: string; [field: string]: string }, string]>([
    [
      'R3.6b UTL38_5 granted after 2018-06-16 to a person settled in 2016: the window passed before the start, closed at the start (DUF 201425485701 in the demo)',
      () => {
        const s = snapshot({
          ground: 'UTL38_5',
          birthDate: '1973-01-31',
          arrival: '2014-11-02',
          permitFrom: '2015-10-07',
          permitTo: '2018-10-06',
          settled: '2016-01-20',
          settledIn: '4601',
        })
        s.permits.push({ groundCode: 'UTL38_5', validFrom: '2018-10-07', validTo: null, grantedDate: '2018-08-26' })
        return s
      },
      'intro',
      { kind: 'rett_og_plikt', state: 'ikkje_gjeldande', validFrom: '2018-10-07', closedAt: '2018-10-07', reason: 'newly_arrived_window_passed' },
      '2018-01-21',
    ],
    [
      'R3.6b needs-based training granted before a later arrival: ved behov from the category start',
      () => snapshot({ arrival: '2018-02-20' }, { decisions: [decision('NORSK_BEHOVSPROVD', { startDate: '2018-01-15', hours: 100 })] }),
      'norsk',
      { state: 'ved_behov', validFrom: '2018-02-20', closedAt: '2018-02-20', reason: 'needs_based' },
      '2018-01-15',
    ],
  ])('%s', (_name, build, scheme, expected, originalClosedAt) => {
    const c = cat(build(), scheme as Scheme, '2026-12-01')
    expect(brief(c)).toMatchObject(expected)
    expect(c?.explanation.at(-1)).toMatchObject({ rule: 'R3.6', key: 'closedBeforeStart', values: { closedAt: originalClosedAt, validFrom: expected.validFrom } })
  })

  test('R3.6 age limit passed before any decision: ikkje gjeldande on the 56th birthday', () => {
    const s = snapshot({ birthDate: '1962-03-02' })
    expect(brief(cat(s, 'intro', '2018-03-02'))).toMatchObject({ state: 'ikkje_gjeldande', closedAt: '2018-03-02', reason: 'age_limit_passed' })
  })

  test("R3.6 Norwegian hours of both parts reached: gjennomført on that week's Sunday", () => {
    const s = snapshot({}, { decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-02-01' })], weeklyParticipation: [week(2018, 10, 300, 20), week(2018, 11, 250, 30)] })
    expect(brief(cat(s, 'norsk'))).toMatchObject({ state: 'gjennomfort', closedAt: '2018-03-18', reason: 'hours_completed' })
  })

  test.each([
    ['R3.6 free right lapsed without a start: ikkje gjeldande from the next day', [], 'ikkje_gjeldande'],
    ['R6.2 a postponed start (10 days) keeps the free right', [decision('NORSK_UTSETT_OPPSTART', { startDate: '2018-02-01', endDate: '2018-02-10' })], 'current'],
  ])('%s', (_name, decisions, state) => {
    expect(cat(snapshot({}, { decisions }), 'norsk', '2021-01-11')?.displayState).toBe(state)
  })
})

describe('R12.0 regime selection: first qualifying permit from 2021', () => {
  test('R12.0.2 first permit granted 2021: categories, deadlines and the regime come from the 2021 act (R12.1, R12.2.5)', () => {
    const e = evaluatePerson(snapshot({ permitFrom: '2021-02-01', settled: '2021-03-01' }), '2021-06-01')
    expect(e.regime.introNorsk.regime).toBe('INTEGRERING_2021')
    expect(e.categories.map((c) => [c.scheme, c.kind, c.validFrom])).toEqual([
      ['intro', 'rett_og_plikt', '2021-03-01'],
      ['norsk', 'rett_og_plikt', '2021-02-01'],
    ])
    // R12.2.5: background unknown → 36 months from the category start (before 2023-08-01), provisional
    expect([...e.schemes.intro.deadlines, ...e.schemes.norsk.deadlines].map((d) => [d.key, d.date])).toEqual([
      ['introStart', '2021-06-01'],
      ['norskStart', '2021-05-01'],
      ['norskNorwegian2021', '2024-01-31'],
      ['norskSocialStudies2021', '2022-01-31'],
    ])
    // R12.0.6: each 2021 category's log opens with the regime step (permit, dates, transition rule)
    for (const c of e.categories) expect(c.explanation.slice(0, 3).map((x) => x.key)).toEqual(['int21RegimePermit', 'int21Regime2021ByGrant', 'decisionJ2'])
    expect(e.rulesVersion).toBe(RULES_VERSION)
  })

  test('R12.0.2 a permit granted 31 Dec 2020 is under the 2003 act, with the regime step kept beside the result', () => {
    const s = snapshot({ permitFrom: '2020-12-31', settled: '2021-01-15' })
    expect(cat(s, 'intro', '2021-06-01')?.kind).toBe('rett_og_plikt')
    const e = evaluatePerson(s, '2021-06-01')
    expect(e.regime.introNorsk.regime).toBe('INTRO_2003')
    expect(e.regime.introNorsk.explanation.map((x) => x.key)).toEqual(['int21RegimePermit', 'int21Regime2003'])
  })

  test("R12.0.4 / R12.2.8 an asylum seeker's application from 2021 is chosen as 2021 (regime.asylnorsk), decides no intro/norsk regime, and gets training in reception (mottak_plikt)", () => {
    const s = snapshot({ ground: 'ASYLSOKAR', permitFrom: '2021-02-01', settled: null, receptionCentre: 'ordinaert' })
    const e = evaluatePerson(s, '2021-06-01')
    expect([e.regime.introNorsk.regime, e.regime.asylnorsk.regime]).toEqual([null, 'INTEGRERING_2021'])
    expect(e.categories.map((c) => c.kind)).toEqual(['mottak_plikt'])
  })

  test('R12.0.4 an asylum application before 2021 keeps R3.5 (asylnorsk, nknv)', () => {
    const s = snapshot({ ground: 'ASYLSOKAR', permitFrom: '2020-12-31', settled: null, receptionCentre: 'ordinaert' })
    const e = evaluatePerson(s, '2021-06-01')
    expect(e.regime.asylnorsk.regime).toBe('INTRO_2003')
    expect(e.categories.map((c) => c.kind)).toEqual(['asylnorsk', 'nknv'])
  })

  test('R0 pure: the same snapshot and day give the same result and the snapshot is not changed', () => {
    const s = snapshot({}, { decisions: [programme('2018-05-01')] })
    const copy = structuredClone(s)
    expect(evaluatePerson(s, TODAY)).toEqual(evaluatePerson(copy, TODAY))
    expect(s).toEqual(copy)
  })
})
