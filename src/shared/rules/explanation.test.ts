import { describe, expect, test } from 'vitest'
import { ruleExplanations } from '../i18n/messages/rules-explanations'
import { rules2021 } from '../i18n/messages/rules-2021'
import type { PersonSnapshot } from '../domain'
import { evaluatePerson } from './evaluate'
import { renderExplanation, step, type Step } from './explanation'
import { absence, asylWeek, claim, decision, ending, leave, measure, parentalAbsence, programme, snapshot, week } from './test-fixtures'

/** Scenarios that together reach every branch that emits a step. */
function scenarios(): [PersonSnapshot, string][] {
  const moved = snapshot({ followUp: '4601' })
  const expired = snapshot({ permitTo: '2019-01-31' })
  const changed = snapshot()
  changed.permits.push({ groundCode: 'STUDIE', validFrom: '2019-03-01', validTo: null, grantedDate: '2019-02-20' })
  const asylDecided = snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert', permitTo: '2018-08-31' }, { asylnorsk: [asylWeek(2018, 10, 'ASYLNORSK', 5)] })
  asylDecided.permits.push({ groundCode: 'UTL28', validFrom: '2018-09-01', validTo: null, grantedDate: '2018-08-20' })
  const busy = snapshot(
    {},
    {
      decisions: [
        programme('2018-03-15'),
        decision('INTRO_UTVIDA_DELTAKING'),
        leave('2018-05-02', '2018-05-04', 'verkedagar'),
        leave('2018-06-01', '2018-06-05'),
        decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' }),
        decision('NORSK_PERMISJON', { startDate: '2018-04-01', endDate: '2018-04-10' }),
        decision('NORSK_UTSETT_OPPSTART', { startDate: '2018-02-01', endDate: '2018-02-10' }),
      ],
      measures: [measure('2018-03-15', '2020-03-14', 37.5)],
      absences: [
        absence('2018-04-02', '2018-04-13', [
          { typeCode: 'EIGENMELDING', days: 9 },
          { typeCode: 'LEGEERKLARING', hours: 15 },
        ]),
      ],
      parentalLeaveAbsences: [parentalAbsence('2018-08-01', '2018-08-03')],
      claims: [claim('norsk', '2018-02-01')],
    },
  )
  return [
    [busy, '2019-06-01'],
    [snapshot({}, { decisions: [programme('2018-03-15')], absences: [absence('2018-04-02', '2018-04-13', [{ typeCode: 'EIGENMELDING', days: 2 }])] }), '2019-06-01'],
    [snapshot({ ground: 'FAM_FLYKTNING', byAgreement: false, settled: null, arrival: '2018-02-01' }, { claims: [claim('intro', '2018-03-01')] }), '2018-04-01'],
    [
      snapshot(
        { birthDate: '1961-01-01', byAgreement: false },
        { decisions: [programme('2018-05-01', { result: 'avslag' })], endings: [ending('2018-06-01', 'AVBROTE_EIGE_ONSKE')] },
      ),
      '2018-07-01',
    ],
    [snapshot({}, { decisions: [programme('2018-05-01')], endings: [ending('2019-05-01', 'ARBEID')] }), '2019-06-01'],
    [
      snapshot({}, { decisions: [programme('2018-05-01'), decision('INTRO_PERMANENT_STANS', { decisionDate: '2019-05-01' })], endings: [ending('2019-05-01', 'PERMANENT_STANS')] }),
      '2019-06-01',
    ],
    [snapshot({}, { decisions: [programme('2018-05-01'), decision('INTRO_PERMANENT_STANS', { decisionDate: '2019-05-01' })] }), '2019-06-01'],
    [
      snapshot(
        {},
        {
          decisions: [
            programme('2018-05-01'),
            decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2019-05-01', endDate: '2019-07-01' }),
            decision('NORSK_RETT_OG_PLIKT', { startDate: '2019-07-01' }),
          ],
        },
      ),
      '2019-06-01',
    ],
    [snapshot({}, { decisions: [programme('2019-05-01'), leave('2019-05-20', '2019-06-10'), decision('NORSK_RETT_OG_PLIKT', { result: 'avslag' })] }), '2019-06-01'],
    [snapshot({}, { decisions: [decision('NORSK_FRITAK_NORSK'), decision('NORSK_FRITAK_SAMFUNN')] }), '2019-06-01'],
    [
      snapshot(
        {},
        {
          decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' }), decision('NORSK_BEHOVSPROVD', { startDate: '2019-01-01', hours: 10 })],
          weeklyParticipation: [week(2018, 20, 550, 50)],
        },
      ),
      '2019-06-01',
    ],
    [snapshot({}, { decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01', endDate: '2018-12-31' })], weeklyParticipation: [week(2018, 20, 10)] }), '2019-06-01'],
    [
      snapshot(
        {},
        {
          decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' }), decision('NORSK_PERMISJON', { startDate: '2019-05-01', endDate: '2019-06-30' })],
          weeklyParticipation: [week(2018, 20, 550, 50)],
        },
      ),
      '2019-06-01',
    ],
    [
      snapshot({}, { decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' }), decision('NORSK_PERMISJON', { startDate: '2019-05-01', endDate: '2019-06-30' })] }),
      '2019-06-01',
    ],
    [snapshot({ birthDate: '1962-03-02' }), '2018-03-02'],
    [snapshot({ birthDate: '1950-06-01', permitFrom: '2016-06-01' }), '2018-03-02'],
    [snapshot(), '2021-01-11'],
    [moved, '2019-06-01'],
    [expired, '2019-06-01'],
    [changed, '2019-06-01'],
    [asylDecided, '2019-06-01'],
    [snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert', permitTo: '2019-01-01' }), '2019-06-01'],
    [snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' }, { asylnorsk: [asylWeek(2019, 1, 'NKNV', 2)] }), '2019-06-01'],
    [snapshot({ permitFrom: '2021-02-01' }), '2021-06-01'],
    [snapshot({ ground: 'FAM_FLYKTNING', byAgreement: false }, { claims: [claim('intro', '2018-05-01')] }), '2018-06-01'],
    // R5.1 a granted programme start after today: planned
    [snapshot({}, { decisions: [programme('2018-05-20')] }), '2018-05-02'],
    ...emptyAndOpenScenarios(),
  ]
}

/** Schemes without a category (R3.1–R3.5), renewals (R3.2) and open-ended periods (R4). */
function emptyAndOpenScenarios(): [PersonSnapshot, string][] {
  const renewed = snapshot(
    { permitTo: '2019-01-09' },
    { decisions: [programme('2018-05-01', { decisionDate: '2018-04-01' }), decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2019-05-01' })] },
  )
  renewed.permits.push({ groundCode: 'UTL28', validFrom: '2019-01-10', validTo: '2022-01-09', grantedDate: '2018-12-20' })
  return [
    [renewed, '2019-06-01'],
    [{ ...snapshot(), permits: [] }, '2019-06-01'],
    [snapshot({ ground: 'UTL38_5', permitFrom: '2018-01-10' }), '2019-06-01'],
    [snapshot({ settled: null, birthDate: '2004-01-01' }), '2019-06-01'],
    [snapshot({ birthDate: '2002-01-01' }), '2019-06-01'],
    [
      snapshot(
        { birthDate: '1948-01-01' },
        { decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' }), decision('NORSK_PERMISJON', { startDate: '2019-05-01' })] },
      ),
      '2019-06-01',
    ],
    [snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' }), '2019-06-01'],
    [snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert', birthDate: '2004-01-01' }), '2019-06-01'],
    [snapshot({}, { decisions: [decision('INTRO_PROGRAM')] }), '2019-06-01'],
  ]
}

/** Every step of the scenarios' evaluations, the regime choice (R12.0) included. */
function everyStep(): Step[] {
  return scenarios().flatMap(([s, today]) => {
    const e = evaluatePerson(s, today)
    const schemes = Object.values(e.schemes)
    return [
      ...e.regime.introNorsk.explanation,
      ...e.regime.asylnorsk.explanation,
      ...e.categories.flatMap((c) => c.explanation),
      ...schemes.flatMap((x) => [...x.explanation, ...x.deadlines.flatMap((d) => d.explanation)]),
    ]
  })
}

/** The 2003 rules' steps (texts in `rules-explanations.ts`); R12 steps have theirs in `rules-2021.ts`. */
function allSteps(): Step[] {
  return everyStep().filter((s) => !s.rule.startsWith('R12'))
}

describe('D4 explanations (berekningslogg)', () => {
  test('D4 every step key the rules emit has a bokmål and a nynorsk text', () => {
    const keys = new Set(allSteps().map((s) => s.key))
    // and every text is reachable: the scenarios above emit each key at least once
    expect([...keys].sort()).toEqual(Object.keys(ruleExplanations.nb.steps).sort())
    const missing = [...keys].filter((k) => !(k in ruleExplanations.nb.steps) || !(k in ruleExplanations.nn.steps))
    expect(missing).toEqual([])
  })

  test('R12.0.6 every 2021 step evaluatePerson emits (regime, categories, deadlines) has a bokmål and a nynorsk text', () => {
    const keys = [
      ...new Set(
        everyStep()
          .filter((s) => s.rule.startsWith('R12'))
          .map((s) => s.key),
      ),
    ]
    expect(keys).toEqual(expect.arrayContaining(['int21RegimePermit', 'int21Regime2021ByGrant', 'int21IntroRettOgPlikt', 'int21NorskPermit']))
    expect(keys.filter((k) => !(k in rules2021.nb.steps) || !(k in rules2021.nn.steps))).toEqual([])
  })

  test('D4 every placeholder of a text is a value of its step', () => {
    const problems: string[] = []
    for (const s of allSteps()) {
      for (const lang of ['nb', 'nn'] as const) {
        const text = (ruleExplanations[lang].steps as Record<string, string>)[s.key]
        for (const [, name] of text.matchAll(/\{(\w+)\}/g)) if (!(name in s.values)) problems.push(`${lang}.${s.key}.${name}`)
      }
    }
    expect([...new Set(problems)]).toEqual([])
  })

  test('D4 nb and nn have the same keys in every part', () => {
    const shape = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => [k, Object.keys(v as object).sort()])
    expect(shape(ruleExplanations.nn)).toEqual(shape(ruleExplanations.nb))
  })

  test('R0 no rendered step shows an open range end as a double dash', () => {
    const texts = ['nb', 'nn'].flatMap((lang) => renderExplanation(allSteps(), ruleExplanations, lang).map((r) => r.text))
    expect(texts.filter((t) => t.includes('––'))).toEqual([])
  })

  test.each([
    [
      'R3.2 a permit without an end date is valid "frå" its start (nn)',
      'nn',
      step('R3.2', 'introPermitOpen', { ground: 'UTL28', validFrom: '2018-01-10' }),
      'Opphaldsgrunnlag UTL28 gir rett og plikt til introduksjonsprogram (gyldig frå 10.01.2018).',
    ],
    [
      'R3.2 a permit without an end date is valid "fra" its start (nb)',
      'nb',
      step('R3.2', 'introPermitOpen', { ground: 'UTL28', validFrom: '2018-01-10' }),
      'Oppholdsgrunnlag UTL28 gir rett og plikt til introduksjonsprogram (gyldig fra 10.01.2018).',
    ],
    [
      'R3.2 a permit with an end date shows its range',
      'nn',
      step('R3.2', 'introPermit', { ground: 'UTL28', validFrom: '2018-01-10', validTo: '2021-01-09' }),
      'Opphaldsgrunnlag UTL28 gir rett og plikt til introduksjonsprogram (gyldig 10.01.2018–09.01.2021).',
    ],
  ])('%s', (_name, lang, s, expected) => {
    expect(renderExplanation([s], ruleExplanations, lang)[0].text).toBe(expected)
  })

  test.each([
    ['R3.2 an open-ended permit in the intro log', snapshot(), 'intro', 'Opphaldsgrunnlag UTL28 gir rett og plikt til introduksjonsprogram (gyldig frå 10.01.2018).'],
    [
      'R4 an open-ended temporary stop',
      snapshot({}, { decisions: [programme('2018-05-01'), decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2019-05-01' })] }),
      'introStatus',
      'Mellombels stans frå 01.05.2019 gjeld i dag.',
    ],
    [
      'R4 an open-ended Norwegian leave',
      snapshot({}, { decisions: [decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' }), decision('NORSK_PERMISJON', { startDate: '2019-05-01' })] }),
      'norskStatus',
      'Permisjon frå 01.05.2019 gjeld i dag.',
    ],
    [
      'R4 a granted programme without a start date says so',
      snapshot({}, { decisions: [decision('INTRO_PROGRAM')] }),
      'introStatus',
      'Vedtak innvilga, oppstart er ikkje sett enno.',
    ],
  ] as const)('%s', (_name, s, where, expected) => {
    const e = evaluatePerson(s, '2019-06-01')
    const steps = where === 'intro' ? e.categories[0].explanation : e.schemes[where === 'introStatus' ? 'intro' : 'norsk'].explanation
    expect(renderExplanation(steps, ruleExplanations, 'nn').map((r) => r.text)).toContain(expected)
  })

  test('R5.2 the completion log lets a caseworker redo the arithmetic', () => {
    const s = snapshot({}, { decisions: [programme('2018-03-15'), leave('2018-05-03', '2018-05-14', 'verkedagar')] })
    const d = evaluatePerson(s, '2019-06-01').schemes.intro.deadlines.find((x) => x.key === 'introCompletion')!
    expect(renderExplanation(d.explanation, ruleExplanations, 'nn').map((r) => r.text)).toEqual([
      'Start 15.03.2018 + 2 år − 1 dag = 14.03.2020.',
      'Permisjon 03.05.2018–14.05.2018 i verkedagar: 7 verkedagar (0 alt talde i ein annan permisjon). 14.03.2020 + 7 verkedagar = 24.03.2020.',
      'Frist for å fullføre programmet: 24.03.2020.',
    ])
  })

  test.each([
    [
      'R0 decimals use a comma, booleans ja/nei, null a dash, codes their label',
      'nb',
      step('R3.2', 'introAge', { age: 27.5, at: '2018-03-01', birthDate: null, min: 18, max: 55 }),
      'Alder 27,5 år den 01.03.2018 (født –). Aldersgrense 18–55 år.',
    ],
    ['R0 a code value shows its label', 'nn', step('R4', 'statusCategoryOnly', { kind: 'kan_tilbydast' }), 'Kategori kan tilbydast er berekna, men det finst ikkje vedtak enno.'],
    ['R0 a key without text shows the key and its values', 'nb', step('R9', 'noSuchKey', { a: true, b: '2019-01-02' }), 'noSuchKey a=ja b=02.01.2019'],
  ])('%s', (_name, lang, s, expected) => {
    expect(renderExplanation([s], ruleExplanations, lang)[0].text).toBe(expected)
  })
})
