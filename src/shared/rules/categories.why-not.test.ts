import { describe, expect, test } from 'vitest'
import { ruleExplanations } from '../i18n/messages/rules-explanations'
import type { PersonSnapshot } from '../domain'
import type { Scheme } from '../domain/scheme'
import { evaluatePerson } from './evaluate'
import { renderExplanation } from './explanation'
import { asylWeek, snapshot, type BaseFacts } from './test-fixtures'

const TODAY = '2019-06-01'

/** The scheme's log as `rule key` strings, so a table can state the expected reasons. */
function log(s: PersonSnapshot, scheme: Scheme, today = TODAY): string[] {
  return evaluatePerson(s, today).schemes[scheme].explanation.map((x) => `${x.rule} ${x.key}`)
}
const none = (s: PersonSnapshot, scheme: Scheme, today = TODAY) => evaluatePerson(s, today).categories.every((c) => c.scheme !== scheme)

describe('R3.1–R3.5 a scheme without a category says why (empty state)', () => {
  test.each<[string, BaseFacts | 'no permit', Scheme, string[], string?]>([
    ['R3.1 EEA citizen (EOS): intro ground gives no right', { ground: 'EOS' }, 'intro', ['R3.1 introGroundNoRight', 'R4 statusNone']],
    ['R3.1 EEA citizen (EOS): norsk ground gives no right', { ground: 'EOS' }, 'norsk', ['R3.1 norskGroundNoRight', 'R4 statusNone']],
    ['R3.1 student (STUDIE): no intro right', { ground: 'STUDIE' }, 'intro', ['R3.1 introGroundNoRight', 'R4 statusNone']],
    ['R3.1 humanitarian grounds (UTL38): no intro right, though norsk exists', { ground: 'UTL38' }, 'intro', ['R3.1 introGroundNoRight', 'R4 statusNone']],
    ['R3.5 refugee: not an asylum seeker, no asylnorsk', {}, 'asylnorsk', ['R3.1 asylNotAsylumSeeker', 'R4 statusNone']],
    ['R3.1 no permit at all', 'no permit', 'intro', ['R3.1 noPermit', 'R4 statusNone']],
    ['R3.1 no permit at all (norsk)', 'no permit', 'norsk', ['R3.1 noPermit', 'R4 statusNone']],
    ['R3.1 no permit at all (asylnorsk)', 'no permit', 'asylnorsk', ['R3.1 noPermit', 'R4 statusNone']],
    ['R3.2 refugee not yet settled', { settled: null }, 'intro', ['R3.2 introNotSettled', 'R4 statusNone']],
    ['R3.2 17 years old: under the age limit', { birthDate: '2002-01-01' }, 'intro', ['R3.2 introUnderAge', 'R4 statusNone']],
    ['R3.4 15 years old: under the age limit', { birthDate: '2004-01-01' }, 'norsk', ['R3.4 norskUnderAge', 'R4 statusNone']],
    ['R3.4 aged 70: outside every age band', { birthDate: '1948-01-01' }, 'norsk', ['R3.4 norskPermit', 'R3.4 norskAgeOutside', 'R4 statusNone']],
    [
      'R3.4 worker aged 60: outside the plikt band (Decision)',
      { ground: 'ARBEID', birthDate: '1958-01-01' },
      'norsk',
      ['R3.4 norskPermit', 'R3.4 norskAgeOutside', 'R4 statusNone'],
    ],
    ['R3.5 asylum seeker in a transit centre', { ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' }, 'asylnorsk', ['R3.5 asylNotOrdinaryCentre', 'R4 statusNone']],
    [
      'R3.5 asylum seeker aged 15',
      { ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert', birthDate: '2004-01-01' },
      'asylnorsk',
      ['R3.5 asylUnderAge', 'R4 statusNone'],
    ],
    [
      'R3.2 asylum seeker in a transit centre: no intro right',
      { ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' },
      'intro',
      ['R3.1 introGroundNoRight', 'R4 statusNone'],
    ],
  ])('%s', (_name, facts, scheme, expected) => {
    const s = facts === 'no permit' ? { ...snapshot(), permits: [] } : snapshot(facts)
    expect(none(s, scheme)).toBe(true)
    expect(log(s, scheme)).toEqual(expected)
  })

  test('R3.2 a scheme with a category opens with its status, not with a reason for none', () => {
    expect(log(snapshot(), 'intro')).toEqual(['R4 statusCategoryOnly'])
  })

  test('R3.5 an asylum seeker outside an ordinary centre who took part keeps the category (no why-not)', () => {
    const s = snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' }, { asylnorsk: [asylWeek(2019, 1, 'NKNV', 2)] })
    expect(log(s, 'asylnorsk').some((k) => k.startsWith('R3.5'))).toBe(false)
  })

  test.each([
    [
      'R3.1 EOS: the ground is named (nn)',
      'nn',
      { ground: 'EOS' },
      'intro',
      ['Opphaldsgrunnlag EOS gir ikkje rett eller plikt til introduksjonsprogram.', 'Ingen gjeldande kategori og ingen vedtak.'],
    ],
    [
      'R3.1 STUDIE: the ground is named (nb)',
      'nb',
      { ground: 'STUDIE' },
      'norsk',
      ['Oppholdsgrunnlag STUDIE gir ikke rett eller plikt til opplæring i norsk og samfunnskunnskap.', 'Ingen gjeldende kategori og ingen vedtak.'],
    ],
    [
      'R3.2 17 years old: the age and the day the category may start (nn)',
      'nn',
      { birthDate: '2002-01-01' },
      'intro',
      ['Alder 17 år den 01.06.2019 (fødd 01.01.2002), utanfor aldersgrensa 18–55 år: ingen kategori før 01.01.2020.', 'Ingen gjeldande kategori og ingen vedtak.'],
    ],
    [
      'R3.4 aged 70 at the start: the age and the band (nb)',
      'nb',
      { birthDate: '1948-01-01' },
      'norsk',
      [
        'Grunnlag UTL28 (rett og plikt). Tillatelse innvilget 10.01.2018, ankomst –: kategorien starter 10.01.2018.',
        'Alder 70 år den 10.01.2018 (født 01.01.1948), utenfor aldersgrensen 16–67 år: ingen kategori.',
        'Ingen gjeldende kategori og ingen vedtak.',
      ],
    ],
    [
      'R3.5 transit centre: the centre is named (nn)',
      'nn',
      { ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' },
      'asylnorsk',
      ['Asylsøkjar (ASYLSOKAR) som ikkje bur i ordinært mottak (mottak: transittmottak) og ikkje har delteke: ingen kategori.', 'Ingen gjeldande kategori og ingen vedtak.'],
    ],
  ] as const)('%s', (_name, lang, facts, scheme, expected) => {
    const steps = evaluatePerson(snapshot(facts), TODAY).schemes[scheme].explanation
    expect(renderExplanation(steps, ruleExplanations, lang).map((r) => r.text)).toEqual(expected)
  })
})
