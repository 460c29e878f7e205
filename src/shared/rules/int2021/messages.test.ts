import { describe, expect, it } from 'vitest'
import { rules2021 } from '../../i18n/messages/rules-2021'
import { ruleExplanations } from '../../i18n/messages/rules-explanations'
import { renderExplanation, type Step } from '../explanation'
import { claim, decision, ending, leave, programme, week } from '../test-fixtures'
import { evaluate2021 } from './index'
import { input, permit, person, withSetting } from './test-helpers'

/**
 * Every R12 log step has its text in nb and nn, with the same placeholders, and renders fully.
 * Shared tests may not read files, so the keys come from evaluating persons that walk through
 * the module's branches (each scenario below reaches different steps).
 */
const E = { birthDate: '2003-07-01', permitFrom: '2023-09-20', settled: '2023-11-01' }
const prog = programme('2024-01-08')
const ext = decision('INTRO_UTVIDA_DELTAKING', { decisionDate: '2025-01-01' })
const full = {
  decisions: [
    prog,
    ext,
    leave('2024-03-04', '2024-03-08', 'verkedagar'),
    leave('2024-05-01', '2024-05-03'),
    decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2024-09-02', endDate: '2024-09-30' }),
    decision('NORSK_RETT_OG_PLIKT', { startDate: '2023-12-04', decisionDate: '2023-11-25' }),
    decision('NORSK_PERMISJON', { startDate: '2024-02-01', endDate: '2024-02-10' }),
  ],
  holidays: [{ id: 'h1', personId: 'p-1', fromDate: '2024-07-01', toDate: '2024-08-30', kind: 'ferie' as const }],
  parentalLeaveAbsences: [{ id: 'pa1', personId: 'p-1', fromDate: '2024-10-01', toDate: '2024-10-05', typeCode: 'MANGLANDE_BARNEPASS' }],
}
const regs = {
  educationBackground: [{ date: '2023-11-20', background: 'GRUNNSKULE' as const }],
  finalGoal: [{ date: '2023-12-01', goal: 'FULLFORT_VGO' as const }],
  norskGoal: [{ date: '2023-12-01', goal: 'C1_ELLER_KARAKTER_2' as const }],
  decisionMonths: { [prog.id]: { durationMonths: 6 }, [ext.id]: { extensionMonths: 3 } },
}
const scenarios: [ReturnType<typeof input>, string][] = [
  [input(person(E, full), regs), '2026-12-01'],
  [input(person(E, { decisions: [programme('2024-01-08')] })), '2026-12-01'],
  [
    input(person({ ...E, birthDate: '1960-01-01', byAgreement: false }, { decisions: [decision('INTRO_PROGRAM', { result: 'avslag', decisionDate: '2024-01-01' })] })),
    '2024-06-01',
  ],
  [input(person({ ...E, birthDate: '1966-01-01' }), {}, withSetting('INT.rev2025.inForceFrom', '2023-01-01')), '2024-06-01'],
  [input(person({ ...E, birthDate: '2007-01-01' })), '2024-06-01'],
  [input(person({ ...E, birthDate: '1967-06-01' })), '2024-06-01'],
  [input(person({ ...E, settled: null })), '2024-06-01'],
  [input(person({ ...E, ground: 'FAM_FLYKTNING', settled: null, arrival: '2023-10-01' }), { referencePersonCondition: [{ date: '2023-12-01', met: false }] }), '2024-06-01'],
  [input(person({ ...E, ground: 'FAM_FLYKTNING', settled: null, arrival: '2023-10-01' })), '2024-06-01'],
  [input(person({ ...E, settledIn: '0301', followUp: '4601' })), '2024-06-01'],
  [input(person(E, { endings: [ending('2024-05-01', 'ARBEID')] })), '2024-06-01'],
  [input(person(E, { endings: [ending('2024-05-01', 'PERMANENT_STANS')] })), '2024-06-01'],
  [input(person({ ...E, permitTo: '2024-01-01' })), '2024-06-01'],
  [input(person({ ...E, birthDate: '1950-01-01' })), '2024-06-01'],
  [input(person({ ...E, birthDate: '1958-01-01' })), '2026-06-01'],
  [input(person({ ...E, ground: 'UTL38_5' })), '2024-06-01'],
  [input(person({ permits: [permit('UTL38_5', '2023-09-20', '2024-09-19'), permit('UTL38_5', '2024-09-20', null, '2024-09-10')], settled: '2023-11-01' })), '2024-12-01'],
  [input(person({ ...E, ground: 'UTL34', permitFrom: '2023-03-15' })), '2023-06-01'],
  [input(person({ ...E, ground: 'UTL34', permitFrom: '2023-03-15' }, { decisions: [decision('NORSK_RETT', { startDate: '2023-06-05' })] })), '2023-06-01'],
  [input(person({ ...E, ground: 'UTL34', permitFrom: '2026-08-01', settled: '2026-09-01' })), '2026-12-01'],
  [input(person({ ground: 'ARBEID', permitFrom: '2022-09-01', settled: null }, { weeklyParticipation: [week(2023, 1, 10, 2)] })), '2023-06-01'],
  [
    input(
      person(
        { ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null },
        { decisions: [decision('NORSK_FRITAK_NORSK', { decisionDate: '2022-06-01' }), decision('NORSK_FRITAK_SAMFUNN', { decisionDate: '2022-06-01' })] },
      ),
    ),
    '2023-06-01',
  ],
  [
    input(
      person(
        { ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null },
        { decisions: [decision('NORSK_UTSETT_OPPSTART', { startDate: '2022-04-01', endDate: '2022-12-31' })] },
      ),
    ),
    '2023-06-01',
  ],
  [
    input(
      person(
        { ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null },
        { decisions: [decision('NORSK_UTSETT_OPPSTART', { startDate: '2022-04-01' })], claims: [claim('norsk', '2023-01-10')] },
      ),
    ),
    '2023-06-01',
  ],
  [
    input(
      person(
        { ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null },
        { decisions: [decision('NORSK_UTSETT_OPPSTART', { startDate: '2022-04-01' })], claims: [claim('norsk', '2033-01-10')] },
      ),
    ),
    '2033-06-01',
  ],
  [input(person({ ground: 'FAM_NORDISK', permitFrom: '2022-03-01', settled: null })), '2026-06-01'],
  [input(person({ ground: 'FAM_NORDISK', permitFrom: '2023-09-01', settled: null })), '2024-06-01'],
  [input(person({ ground: 'STUDIE', permitFrom: '2022-03-01', settled: null })), '2024-06-01'],
  [input(person({ permits: [permit('UTL28', '2020-01-01')], arrival: '2019-01-01' })), '2024-06-01'],
  [input(person({ birthDate: '2000-01-01', ground: 'ASYLSOKAR', permitFrom: '2024-03-01', settled: null, receptionCentre: 'ordinaert' })), '2024-06-01'],
  [input(person({ birthDate: '2000-01-01', ground: 'ASYLSOKAR', permitFrom: '2020-03-01', settled: null, receptionCentre: 'ordinaert' })), '2024-06-01'],
  [input(person({ birthDate: '2010-01-01', ground: 'ASYLSOKAR', permitFrom: '2024-03-01', settled: null, receptionCentre: 'ordinaert' })), '2024-06-01'],
  [input(person({ birthDate: '2000-01-01', ground: 'ASYLSOKAR', permitFrom: '2024-03-01', settled: null, receptionCentre: 'transitt' })), '2024-06-01'],
]

function stepsOf(i: ReturnType<typeof input>, today: string): Step[] {
  const r = evaluate2021(i, today)
  return [
    ...r.regime.introNorsk.explanation,
    ...r.regime.asylnorsk.explanation,
    ...(r.intro ? [...(r.intro.category?.explanation ?? r.intro.whyNot ?? []), ...r.intro.deadlines.flatMap((d) => d.explanation), ...(r.intro.programme?.steps ?? [])] : []),
    ...(r.norsk ? [...(r.norsk.category?.explanation ?? r.norsk.whyNot ?? []), ...r.norsk.deadlines.flatMap((d) => d.explanation)] : []),
    ...(r.reception ? (r.reception.category?.explanation ?? r.reception.whyNot ?? []) : []),
  ]
}
const emitted = scenarios.flatMap(([i, today]) => stepsOf(i, today))
const ownKeys = new Set(emitted.map((s) => s.key).filter((k) => k in rules2021.nb.steps || /^(int21|decision|rev2025|6a)/.test(k)))
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('R12 explanation texts (rules-2021.ts)', () => {
  it('the scenarios reach the decision steps the spec asks for, and most of the texts', () => {
    for (const k of ['rev2025NotInForce', '6aLapsedAssumed', 'decisionJ4', 'decisionJ2', 'decisionJ5', 'decisionJ13', 'decisionJ15', 'decisionJ16']) expect(ownKeys).toContain(k)
    expect(ownKeys.size).toBeGreaterThan(Object.keys(rules2021.nb.steps).length * 0.8)
  })
  it.each(['nb', 'nn'] as const)('every R12 step key the scenarios reach has a %s text', (lang) => {
    const texts = rules2021[lang].steps as Record<string, string>
    expect([...ownKeys].filter((k) => !(k in texts))).toEqual([])
  })
  it('every step the module and the rules it reuses emit has a text (R12 or the 2003 catalogue)', () => {
    const all = { ...ruleExplanations.nb.steps, ...rules2021.nb.steps } as Record<string, string>
    expect([...new Set(emitted.map((s) => s.key))].filter((k) => !(k in all))).toEqual([])
  })
  it('nb and nn texts take the same placeholders', () => {
    const nb = rules2021.nb.steps as Record<string, string>
    const nn = rules2021.nn.steps as Record<string, string>
    for (const k of Object.keys(nb)) expect(placeholders(nn[k]), k).toEqual(placeholders(nb[k]))
  })
  it.each(['nb', 'nn'] as const)('a full 2021 evaluation renders in %s with every placeholder filled', (lang) => {
    const prog = programme('2024-01-08')
    const s = person(
      { birthDate: '2003-07-01', permitFrom: '2023-09-20', settled: '2023-11-01' },
      {
        decisions: [prog, leave('2024-03-04', '2024-03-08', 'verkedagar'), decision('NORSK_RETT_OG_PLIKT', { startDate: '2023-12-04', decisionDate: '2023-11-25' })],
      },
    )
    const r = evaluate2021(input(s, { decisionMonths: { [prog.id]: { durationMonths: 36 } } }), '2026-12-01')
    const steps: Step[] = [
      ...r.regime.introNorsk.explanation,
      ...r.intro!.category!.explanation,
      ...r.intro!.deadlines.flatMap((d) => d.explanation),
      ...r.norsk!.category!.explanation,
      ...r.norsk!.deadlines.flatMap((d) => d.explanation),
    ]
    const messages = {
      [lang]: {
        steps: { ...ruleExplanations[lang].steps, ...rules2021[lang].steps },
        values: rules2021[lang].values,
        codes: { ...ruleExplanations[lang].codes, ...rules2021[lang].codes },
      },
    }
    const rendered = renderExplanation(steps, messages, lang)
    expect(rendered.length).toBeGreaterThan(15)
    for (const line of rendered) expect(line.text, line.text).not.toMatch(/[{}]|int21|undefined/)
  })
})
