// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import type { PersonSnapshot } from '../../../../shared/domain'
import { evaluatePerson } from '../../../../shared/rules'
import { decision, ending, snapshot } from '../../../../shared/rules/test-fixtures'
import PersonCategories from './PersonCategories.vue'
import { logLines, mountWithPlugins, openLog, settle, squash, type Lang } from './mount.fixture'

const TODAY = '2019-06-01'
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

async function show(s: PersonSnapshot, today = TODAY, lang: Lang = 'nn') {
  wrapper = mountWithPlugins(PersonCategories, { evaluation: evaluatePerson(s, today) }, lang)
  await settle()
  return wrapper
}

const rows = (w: VueWrapper) => w.findAll('[data-testid="category-row"]')
const cell = (r: DOMWrapper<Element>, id: string) => squash(r.find(`[data-testid="${id}"]`).text())
const rowOf = (w: VueWrapper, scheme: string) => rows(w).find((r) => squash(r.find('td').text()) === scheme)!

describe('PersonCategories — current categories (R3.2, R3.4)', () => {
  test('R3.2 R3.4 a settled refugee shows intro and Norwegian, current, with dates and hours', async () => {
    const w = await show(snapshot())
    expect(rows(w).map((r) => [squash(r.find('td').text()), cell(r, 'category-kind'), cell(r, 'category-valid-from'), cell(r, 'category-hours')])).toEqual([
      ['Introduksjonsprogram', 'rett og plikt', '01.03.2018', '–'],
      ['Norsk og samfunnskunnskap', 'rett og plikt', '10.01.2018', '600 (550 norsk + 50 samfunnskunnskap)'],
    ])
    for (const r of rows(w)) {
      expect(r.classes()).not.toContain('nir-not-current')
      expect(r.find('[data-testid="category-suffix"]').exists()).toBe(false)
    }
  })

  test('R3.5 an asylum seeker in an ordinary centre shows asylnorsk and NKNV', async () => {
    const w = await show(snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert' }))
    expect(rows(w).map((r) => cell(r, 'category-kind'))).toEqual(['asylnorsk', 'norsk kultur og norske verdiar'])
  })
})

describe('PersonCategories — greyed display states with suffix (R3.6, D4)', () => {
  test.each<[string, (s: PersonSnapshot) => void, string, string, string, string]>([
    [
      'R3.6 newly-arrived window passed: (ikkje gjeldande) from the next day, with the reason',
      () => {},
      '2020-03-02',
      'Introduksjonsprogram',
      '(ikkje gjeldande)',
      'frå 02.03.2020 – Ikkje lenger nykomen',
    ],
    [
      'R3.6 programme ended for work: (gjennomført)',
      (s) => s.registrations.endings.push(ending('2019-05-01', 'ARBEID')),
      TODAY,
      'Introduksjonsprogram',
      '(gjennomført)',
      'frå 01.05.2019 – Programmet er avslutta',
    ],
    [
      'R3.6 both parts exempted: (friteken)',
      (s) => s.registrations.decisions.push(decision('NORSK_FRITAK_NORSK', { decisionDate: '2019-01-02' }), decision('NORSK_FRITAK_SAMFUNN', { decisionDate: '2019-02-03' })),
      TODAY,
      'Norsk og samfunnskunnskap',
      '(friteken)',
      'frå 03.02.2019 – Friteken',
    ],
    [
      'R3.6 needs-based training granted: (ved behov)',
      (s) => s.registrations.decisions.push(decision('NORSK_BEHOVSPROVD', { startDate: '2019-04-01', hours: 200 })),
      TODAY,
      'Norsk og samfunnskunnskap',
      '(ved behov)',
      'frå 01.04.2019 – Behovsprøvd opplæring',
    ],
  ])('%s', async (_name, change, today, scheme, suffix, closed) => {
    const s = snapshot()
    change(s)
    const r = rowOf(await show(s, today), scheme)
    expect(r.classes()).toContain('nir-not-current')
    expect(cell(r, 'category-suffix')).toBe(suffix)
    expect(cell(r, 'category-closed')).toBe(closed)
  })

  test('R3.6 the suffix follows the locale: bokmål says (ikke gjeldende)', async () => {
    const r = rowOf(await show(snapshot(), '2020-03-02', 'nb'), 'Introduksjonsprogram')
    expect(cell(r, 'category-suffix')).toBe('(ikke gjeldende)')
    expect(cell(r, 'category-closed')).toBe('fra 02.03.2020 – Ikke lenger nyankommen')
  })
})

describe('PersonCategories — 2021 act and no category', () => {
  test('R12.1.2 R12.2.2 first permit from 2021: both schemes show the 2021 category with its start', async () => {
    const w = await show(snapshot({ permitFrom: '2021-02-01', settled: '2021-03-01' }), '2021-06-01')
    expect(rows(w).map((r) => [cell(r, 'category-kind'), cell(r, 'category-valid-from')])).toEqual([
      ['rett og plikt', '01.03.2021'],
      ['rett og plikt', '01.02.2021'],
    ])
  })

  test('R3.4 R3.2 an EEA citizen gets no category: a sentence says so and why, per scheme', async () => {
    const w = await show(snapshot({ ground: 'EOS' }))
    expect(rows(w)).toHaveLength(0)
    const empty = squash(w.find('[data-testid="categories-empty"]').text())
    expect(empty).toContain('Det er ikkje berekna nokon kategori for personen.')
    // R3.1: the scheme's explanation says why — the ground gives neither right nor duty.
    expect(empty).toContain('Introduksjonsprogram: Opphaldsgrunnlag EOS gir ikkje rett eller plikt til introduksjonsprogram.')
    expect(empty).toContain('Norsk og samfunnskunnskap: Opphaldsgrunnlag EOS gir ikkje rett eller plikt til opplæring i norsk og samfunnskunnskap.')
  })
})

describe('PersonCategories — calculation log on "i" (D4 berekningslogg)', () => {
  test('D4 each "i" is a labelled button described by its category', async () => {
    const w = await show(snapshot())
    for (const r of rows(w)) {
      const btn = r.find('[data-testid="category-log-button"]')
      expect(btn.element.tagName).toBe('BUTTON')
      expect(btn.attributes('aria-label')).toBe('Vis berekningslogg')
      const described = w.find(`[id="${btn.attributes('aria-describedby')}"]`)
      expect(squash(described.text())).toBe(cell(r, 'category-kind'))
    }
  })

  test('R3.4 "i" on the Norwegian category opens its log with the rule of each step and the hours', async () => {
    const w = await show(snapshot())
    await rowOf(w, 'Norsk og samfunnskunnskap').find('[data-testid="category-log-button"]').trigger('click')
    await settle()
    expect(squash(openLog()!.querySelector('h2')!.textContent)).toBe('Berekningslogg – Norsk og samfunnskunnskap: rett og plikt')
    const lines = logLines()
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['R3.4', 'R3.4', 'R3.4', 'R6.1', 'R6.1'])
    expect(lines[2]).toBe('R3.4 Løyve innvilga 10.01.2018: 600 timar (550 norsk + 50 samfunnskunnskap).')
  })

  test.each([
    ['nb', 'R12.0 Innvilget 01.02.2021, på eller etter 01.01.2021: integreringsloven (2021) gjelder (overgangsregelen § 51).'],
    ['nn', 'R12.0 Innvilga 01.02.2021, på eller etter 01.01.2021: integreringslova (2021) gjeld (overgangsregelen § 51).'],
  ] as const)('R12.0.6 "i" on a 2021 category opens with the regime step: permit, dates, transition rule (%s)', async (lang, regimeLine) => {
    const w = await show(snapshot({ permitFrom: '2021-02-01', settled: '2021-03-01' }), '2021-06-01', lang)
    await rows(w)[0].find('[data-testid="category-log-button"]').trigger('click')
    await settle()
    const lines = logLines()
    expect(lines[0]).toMatch(/^R12\.0 Første kvalifiser(ende tillatelse|ande løyve): UTL28, innvilg(et|a) 01\.02\.2021\./)
    expect(lines[1]).toBe(regimeLine)
    expect(lines.filter((l) => /^R12\.[01] /.test(l)).length).toBe(lines.length)
    // no line falls back to a bare key (every 2021 step has its text)
    expect(lines.filter((l) => /int21|decisionJ/.test(l))).toEqual([])
  })

  test('D4 closing the log gives focus back to the "i" that opened it', async () => {
    const w = await show(snapshot())
    const btn = rows(w)[0].find('[data-testid="category-log-button"]')
    ;(btn.element as HTMLElement).focus()
    await btn.trigger('click')
    await settle()
    // the keyboard user is inside the dialog, on "Lukk"
    const close = document.body.querySelector('[data-testid="calculation-log-close"]') as HTMLElement
    close.focus()
    expect(document.activeElement).toBe(close)
    close.click()
    await settle()
    expect(document.activeElement).toBe(btn.element)
  })
})
