import { describe, expect, it } from 'vitest'
import { decision, programme } from '../test-fixtures'
import { evaluateIntro2021, evaluateNorsk2021, introNorskRegime, selectRegime } from './index'
import { input, permit, person, stepKeys, withSetting } from './test-helpers'

/** Table tests of R12 at the days around its boundaries (issue 9 point 7). */
const TODAY = '2026-12-01'

describe('R12.0.2 the days around REGIME_SWITCH_DATE 2021-01-01', () => {
  it.each([
    ['granted 2020-12-31, arrival unknown', '2020-12-31', null, 'INTRO_2003'],
    ['granted 2021-01-01, arrival unknown', '2021-01-01', null, 'INTEGRERING_2021'],
    ['granted 2020-12-01, arrived 2020-12-31', '2020-12-01', '2020-12-31', 'INTRO_2003'],
    ['granted 2020-12-01, arrived 2021-01-01 (applied from abroad)', '2020-12-01', '2021-01-01', 'INTEGRERING_2021'],
    ['granted 2021-01-01, arrived 2019-05-05', '2021-01-01', '2019-05-05', 'INTEGRERING_2021'],
  ] as const)('%s → %s', (_n, granted, arrival, regime) => {
    expect(introNorskRegime(person({ permitFrom: granted, arrival })).regime).toBe(regime)
  })
  it('R12.0.1 an asylum-seeker row never qualifies: ASYLSOKAR 2020-06-01 then UTL28 2021-02-01 → 2021 on the UTL28', () => {
    const r = introNorskRegime(person({ permits: [permit('ASYLSOKAR', '2020-06-01', '2021-01-31'), permit('UTL28', '2021-02-01')] }))
    expect(r).toMatchObject({ regime: 'INTEGRERING_2021', permit: { groundCode: 'UTL28' } })
  })
  it('R12.0.2 no qualifying permit → no regime (no categories, as before)', () => {
    expect(introNorskRegime(person({ ground: 'STUDIE', permitFrom: '2022-01-01' })).regime).toBeNull()
  })
  it('R12.0.1 property: adding a renewal (same ground, later grant) never flips the regime', () => {
    for (let d = 0; d < 800; d += 13) {
      const granted = new Date(Date.UTC(2019, 6, 1 + d)).toISOString().slice(0, 10)
      const one = person({ permitFrom: granted })
      const renewed = person({ permits: [permit('UTL28', granted, '2030-01-01'), permit('UTL28', '2024-06-01', null, '2024-05-01'), permit('FAM_NORDISK', '2025-01-01')] })
      expect(introNorskRegime(renewed).regime, granted).toBe(introNorskRegime(one).regime)
    }
  })
})

describe('R12.0.3 / J11 the 6A window [2022-03-11, INT_6A.lastGrantDate]', () => {
  it.each([
    ['2022-03-10', 'INTEGRERING_2021', false],
    ['2022-03-11', 'INT_6A', false],
    ['2026-06-30', 'INT_6A', false],
    ['2026-07-01', 'INTEGRERING_2021', true],
  ] as const)('UTL34 granted %s → %s (6aLapsedAssumed: %s)', (granted, regime, lapsed) => {
    const r = introNorskRegime(person({ ground: 'UTL34', permitFrom: granted }))
    expect(r.regime).toBe(regime)
    expect(stepKeys(r.explanation).includes('6aLapsedAssumed')).toBe(lapsed)
  })
  it('the setting moves the last date, and the log names its origin', () => {
    const r = introNorskRegime(person({ ground: 'UTL34', permitFrom: '2026-07-01' }), withSetting('INT_6A.lastGrantDate', '2026-12-31'))
    expect(r.regime).toBe('INT_6A')
    expect(r.explanation.at(-1)?.values).toMatchObject({ last: '2026-12-31', origin: 'register' })
  })
  it('family of a § 34 holder (FAM_FLYKTNING) follows the ordinary rules', () => {
    expect(introNorskRegime(person({ ground: 'FAM_FLYKTNING', permitFrom: '2023-01-01' })).regime).toBe('INTEGRERING_2021')
  })
})

describe('R12.1.2 ages 17/18 and 55/56 on the grant date (no growing in or out)', () => {
  // the grant is 2024-06-10; birth dates put the person just either side of a birthday
  it.each([
    ['18th birthday on the grant date', '2006-06-10', 'rett_og_plikt'],
    ['18th birthday the day after', '2006-06-11', null],
    ['56th birthday the day after (55)', '1968-06-11', 'rett_og_plikt'],
    ['56th birthday on the grant date', '1968-06-10', 'kan_tilbydast'],
    ['born 29 Feb, 18 on 28 Feb of a common year (R1.4)', '2006-02-28', 'rett_og_plikt'],
  ] as const)('%s → %s', (_n, birthDate, kind) => {
    const r = evaluateIntro2021(input(person({ birthDate, permitFrom: '2024-06-10', settled: '2024-08-01' })), '2025-01-01')
    expect(r.category?.kind ?? null).toBe(kind)
  })
  it('born 2004-02-29 is 18 on 2022-02-28 (R1.4 clamping)', () => {
    const r = evaluateIntro2021(input(person({ birthDate: '2004-02-29', permitFrom: '2022-02-28', settled: '2022-04-01' })), '2022-06-01')
    expect(r.category?.kind).toBe('rett_og_plikt')
  })
  it('passing 56 years after the grant changes nothing (still rett og plikt years later, with a programme)', () => {
    const s = person({ birthDate: '1969-06-10', permitFrom: '2024-06-10', settled: '2024-08-01' }, { decisions: [programme('2024-09-01')] })
    expect(evaluateIntro2021(input(s), '2026-06-10').category).toMatchObject({ kind: 'rett_og_plikt', displayState: 'current' })
  })
  it('J1: with the 2025 revision in force from 2025-01-01, a 56-year-old granted 2024-12-31 stays kan tilbydast; granted 2025-01-01 gets rett og plikt', () => {
    const settings = withSetting('INT.rev2025.inForceFrom', '2025-01-01')
    const kindFor = (granted: string) =>
      evaluateIntro2021(input(person({ birthDate: '1968-06-10', permitFrom: granted, settled: '2025-02-01' }), {}, settings), '2025-06-01').category?.kind
    expect(kindFor('2024-12-31')).toBe('kan_tilbydast')
    expect(kindFor('2025-01-01')).toBe('rett_og_plikt')
  })
})

describe('R12.2.1 ages 66/67 for Norwegian', () => {
  it.each([
    ['67th birthday the day after the grant (66)', '1957-06-11', 'rett_og_plikt'],
    ['67th birthday on the grant date', '1957-06-10', null],
  ] as const)('%s → %s', (_n, birthDate, kind) => {
    expect(evaluateNorsk2021(input(person({ birthDate, permitFrom: '2024-06-10', settled: null })), '2024-06-10').category?.kind ?? null).toBe(kind)
  })
  it.each([
    ['2024-06-10', 'current'],
    ['2024-06-11', 'ikkje_gjeldande'],
  ] as const)('granted at 66 the day before the 67th birthday: on %s the category is %s', (today, state) => {
    expect(evaluateNorsk2021(input(person({ birthDate: '1957-06-11', permitFrom: '2024-06-10', settled: null })), today).category?.displayState).toBe(state)
  })
})

describe('R12.2.4 the days around INT.norsk.rev2023From 2023-08-01', () => {
  const norsk = decision('NORSK_RETT_OG_PLIKT', { startDate: '2023-10-02', decisionDate: '2023-09-15' })
  it.each([
    ['category from 2023-07-31 → anchor is the category start', '2023-07-31', [norsk], '2023-07-31', '2025-01-30', '2024-07-30'],
    ['category from 2023-08-01 → anchor is the first granted start (J5)', '2023-08-01', [norsk], '2023-10-02', '2025-04-01', '2024-10-01'],
    ['category from 2023-08-01, no decision → not running', '2023-08-01', [], null, null, null],
  ] as const)('%s', (_n, granted, decisions, anchor, norwegian, social) => {
    const regs = { educationBackground: [{ date: '2023-08-01', background: 'VGS_ELLER_HOGARE' as const }] }
    const r = evaluateNorsk2021(input(person({ ground: 'FAM_NORDISK', permitFrom: granted, settled: null }, { decisions: [...decisions] }), regs), '2023-12-01')
    expect(r.anchor).toBe(anchor)
    expect(r.norwegian?.deadline ?? null).toBe(norwegian)
    expect(r.socialStudies?.deadline ?? null).toBe(social)
  })
  it.each([
    ['2023-07-31 (leave does not extend social studies: 2024-07-30)', '2023-07-31', '2024-07-30'],
    ['2023-08-01 (31 days of leave extend social studies too: 2024-07-31 → 2024-08-31)', '2023-08-01', '2024-08-31'],
  ] as const)('category from %s', (_n, granted, social) => {
    const start = decision('NORSK_RETT_OG_PLIKT', { startDate: granted, decisionDate: granted })
    const lv = decision('NORSK_PERMISJON', { startDate: '2024-01-01', endDate: '2024-01-31', decisionDate: '2023-12-01' })
    const r = evaluateNorsk2021(input(person({ ground: 'FAM_NORDISK', permitFrom: granted, settled: null }, { decisions: [start, lv] })), '2023-12-01')
    expect(r.socialStudies?.deadline).toBe(social)
  })
})

describe('R1.4 month-end clamping in R12 dates', () => {
  const regs = { educationBackground: [{ date: '2020-01-01', background: 'VGS_ELLER_HOGARE' as const }], finalGoal: [{ date: '2020-01-01', goal: 'ARBEID' as const }] }
  it.each([
    ['2024-01-31 + 1 month (leap year) − 1 day = 2024-02-28', '2024-01-31', 1, '2024-02-28'],
    ['2023-01-31 + 1 month − 1 day = 2023-02-27', '2023-01-31', 1, '2023-02-27'],
    ['2024-08-31 + 6 months − 1 day = 2025-02-27', '2024-08-31', 6, '2025-02-27'],
    ['2024-02-29 + 12 months − 1 day = 2025-02-27', '2024-02-29', 12, '2025-02-27'],
  ] as const)('programme end: %s', (_n, start, months, end) => {
    const prog = programme(start)
    const r = evaluateIntro2021(
      input(person({ permitFrom: '2023-01-02', settled: '2023-01-15' }, { decisions: [prog] }), { ...regs, decisionMonths: { [prog.id]: { durationMonths: months } } }),
      TODAY,
    )
    expect(r.programme?.endDate).toBe(end)
  })
  it('Norwegian 18 months from anchor 2023-08-31 → 2025-02-27; social studies 12 months → 2024-08-30', () => {
    const start = decision('NORSK_RETT_OG_PLIKT', { startDate: '2023-08-31', decisionDate: '2023-08-20' })
    const r = evaluateNorsk2021(input(person({ ground: 'FAM_NORDISK', permitFrom: '2023-08-10', settled: null }, { decisions: [start] }), regs), '2023-12-01')
    expect(r.norwegian?.deadline).toBe('2025-02-27')
    expect(r.socialStudies?.deadline).toBe('2024-08-30')
  })
})

describe('R12.1.6 property: an added leave never moves the end date earlier', () => {
  it('for leaves of every length and place across a 24-month programme, calendar and working days', () => {
    const prog = programme('2024-03-04')
    const regs = { decisionMonths: { [prog.id]: { durationMonths: 24 } } }
    const base = evaluateIntro2021(input(person({ permitFrom: '2024-01-10', settled: '2024-02-01' }, { decisions: [prog] }), regs), TODAY).programme!.endDate!
    for (let offset = 0; offset < 720; offset += 37) {
      for (const length of [0, 1, 6, 40]) {
        for (const unit of ['kalenderdagar', 'verkedagar'] as const) {
          const from = new Date(Date.UTC(2024, 2, 4 + offset)).toISOString().slice(0, 10)
          const to = new Date(Date.UTC(2024, 2, 4 + offset + length)).toISOString().slice(0, 10)
          const lv = decision('INTRO_PERMISJON', { startDate: from, endDate: to, leaveUnit: unit, decisionDate: from })
          const end = evaluateIntro2021(input(person({ permitFrom: '2024-01-10', settled: '2024-02-01' }, { decisions: [prog, lv] }), regs), TODAY).programme!.endDate!
          expect(end >= base, `${from}–${to} ${unit}`).toBe(true)
        }
      }
    }
  })
})

describe('R12.0.6 both regime choices carry their explanation', () => {
  it('a 2021 refugee who was an asylum seeker from 2020-11-01: intro/norsk 2021, reception by the 2003 rules', () => {
    const s = person({ arrival: '2020-11-01', permits: [permit('ASYLSOKAR', '2020-11-01', '2021-03-31'), permit('UTL28', '2021-04-01')] })
    const r = selectRegime(input(s))
    expect(r.introNorsk.regime).toBe('INTEGRERING_2021')
    expect(r.asylnorsk.regime).toBe('INTRO_2003')
    expect(r.introNorsk.explanation[0]).toMatchObject({ rule: 'R12.0', key: 'int21RegimePermit', values: { ground: 'UTL28', granted: '2021-04-01', arrival: '2020-11-01' } })
  })
})

describe('R12.2.5 property: an added Norwegian leave never moves a deadline earlier', () => {
  it('for leaves of every length and place, before 2023-08-01 and after', () => {
    for (const granted of ['2022-03-01', '2023-09-01']) {
      const start = decision('NORSK_RETT_OG_PLIKT', { startDate: granted, decisionDate: granted })
      const regs = { educationBackground: [{ date: granted, background: 'GRUNNSKULE' as const }] }
      const base = evaluateNorsk2021(input(person({ ground: 'FAM_NORDISK', permitFrom: granted, settled: null }, { decisions: [start] }), regs), TODAY)
      for (let offset = -40; offset < 1200; offset += 53) {
        for (const length of [0, 3, 30, 200]) {
          const from = new Date(Date.parse(`${granted}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
          const to = new Date(Date.parse(`${granted}T00:00:00Z`) + (offset + length) * 86_400_000).toISOString().slice(0, 10)
          const lv = decision('NORSK_PERMISJON', { startDate: from, endDate: to, decisionDate: from })
          const r = evaluateNorsk2021(input(person({ ground: 'FAM_NORDISK', permitFrom: granted, settled: null }, { decisions: [start, lv] }), regs), TODAY)
          expect(r.norwegian!.deadline! >= base.norwegian!.deadline!, `${from}–${to}`).toBe(true)
          expect(r.socialStudies!.deadline! >= base.socialStudies!.deadline!, `${from}–${to}`).toBe(true)
        }
      }
    }
  })
})

describe('R12.0 property: the regime does not depend on the day it is judged', () => {
  it.each(['2021-06-01', '2023-08-01', '2026-12-01', '2035-01-01'])('judged %s', (today) => {
    const s = person({ permitFrom: '2021-03-01', settled: '2021-05-01' })
    expect(evaluateIntro2021(input(s), today).category?.validFrom).toBe('2021-05-01')
    expect(introNorskRegime(s).regime).toBe('INTEGRERING_2021')
  })
})
