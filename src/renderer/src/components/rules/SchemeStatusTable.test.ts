// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonSnapshot } from '../../../../shared/domain'
import { evaluatePerson } from '../../../../shared/rules'
import { asylWeek, leave, programme, snapshot } from '../../../../shared/rules/test-fixtures'
import SchemeStatusTable from './SchemeStatusTable.vue'
import { logLines, mountWithPlugins, openLog, settle, squash, type Lang } from './mount.fixture'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

async function show(s: PersonSnapshot, today: string, lang: Lang = 'nn') {
  wrapper = mountWithPlugins(SchemeStatusTable, { evaluation: evaluatePerson(s, today) }, lang)
  await settle()
  return wrapper
}

const row = (w: VueWrapper, scheme: string) => w.find(`[data-testid="scheme-row"][data-scheme="${scheme}"]`)
const statuses = (w: VueWrapper) => w.findAll('[data-testid="scheme-row"]').map((r) => [squash(r.find('th').text()), squash(r.find('[data-testid="scheme-status"]').text())])
const deadlines = (w: VueWrapper, scheme: string) => row(w, scheme).findAll('[data-testid="scheme-deadline"]')

const participating = () => snapshot({}, { decisions: [programme('2018-05-01'), leave('2019-05-13', '2019-05-20', 'verkedagar')] })

describe('SchemeStatusTable — Ordning and Status (R4)', () => {
  test.each<[string, () => PersonSnapshot, string, Lang, string[][]]>([
    [
      'R4 a started programme is "deltek"; Norwegian without decision is "kategori berekna"; no asylnorsk is "ingen"',
      participating,
      '2019-06-01',
      'nn',
      [
        ['Introduksjonsprogram', 'Deltek i ordning'],
        ['Norsk og samfunnskunnskap', 'Kategori berekna'],
        ['Asylnorsk', 'Ingen'],
      ],
    ],
    [
      'R4 the same in bokmål',
      participating,
      '2019-06-01',
      'nb',
      [
        ['Introduksjonsprogram', 'Deltar i ordning'],
        ['Norsk og samfunnskunnskap', 'Kategori beregnet'],
        ['Asylnorsk', 'Ingen'],
      ],
    ],
    [
      'R4 a programme granted to start later is "vedtak fatta"',
      () => snapshot({}, { decisions: [programme('2019-08-01', { decisionDate: '2019-05-01' })] }),
      '2019-06-01',
      'nn',
      [
        ['Introduksjonsprogram', 'Vedtak fatta'],
        ['Norsk og samfunnskunnskap', 'Kategori berekna'],
        ['Asylnorsk', 'Ingen'],
      ],
    ],
    [
      'R4 an asylum seeker with registered weeks "deltek" in asylnorsk',
      () => snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert' }, { asylnorsk: [asylWeek(2019, 10, 'ASYLNORSK', 10)] }),
      '2019-06-01',
      'nn',
      [
        ['Introduksjonsprogram', 'Ingen'],
        ['Norsk og samfunnskunnskap', 'Ingen'],
        ['Asylnorsk', 'Deltek i ordning'],
      ],
    ],
  ])('%s', async (_name, make, today, lang, expected) => {
    expect(statuses(await show(make(), today, lang))).toEqual(expected)
  })
})

describe('SchemeStatusTable — Frist (R5.1, R5.2, R6.2, R11.5)', () => {
  test('R5.1 R5.2 a participant: start deadline met and passed, completion deadline counting down', async () => {
    const w = await show(participating(), '2019-06-01')
    expect(deadlines(w, 'intro').map((d) => [squash(d.text()), d.attributes('data-overdue')])).toEqual([
      ['Frist for oppstart: 01.06.2018 (passert for 365 dagar sidan)', 'false'],
      ['Frist for å fullføre: 08.05.2020 (om 342 dagar)', 'false'],
    ])
    expect(deadlines(w, 'intro').some((d) => d.classes().includes('text-error'))).toBe(false)
  })

  test.each<[string, string, Lang, string, string]>([
    ['R11.5 no start a month after the deadline: overdue, said in words and highlighted', '2018-07-01', 'nn', 'Frist for oppstart: 01.06.2018 (overskriden med 30 dagar)', 'true'],
    ['R11.5 one day over uses the singular (nb)', '2018-06-02', 'nb', 'Frist for oppstart: 01.06.2018 (overskredet med 1 dag)', 'true'],
    ['R11.5 on the deadline day itself: "i dag", not overdue', '2018-06-01', 'nn', 'Frist for oppstart: 01.06.2018 (i dag)', 'false'],
    ['R11.5 the day before: one day left', '2018-05-31', 'nn', 'Frist for oppstart: 01.06.2018 (om 1 dag)', 'false'],
  ])('%s', async (_name, today, lang, text, overdue) => {
    const d = deadlines(await show(snapshot(), today, lang), 'intro')[0]
    expect([squash(d.text()), d.attributes('data-overdue')]).toEqual([text, overdue])
    expect(d.classes().includes('text-error')).toBe(overdue === 'true')
  })

  test('R6.2 Norwegian deadlines: start (overdue, no start) and the free right', async () => {
    const w = await show(participating(), '2019-06-01')
    expect(deadlines(w, 'norsk').map((d) => [d.attributes('data-deadline'), d.attributes('data-overdue')])).toEqual([
      ['norskStart', 'true'],
      ['norskFreeRight', 'false'],
    ])
  })

  test('R12.1.4 R12.2.5 a 2021 person shows the 2021 deadlines by name; asylnorsk has none: "Inga frist"', async () => {
    const w = await show(snapshot({ permitFrom: '2021-02-01', settled: '2021-03-01' }), '2021-06-01')
    expect(deadlines(w, 'intro').map((d) => d.attributes('data-deadline'))).toEqual(['introStart'])
    expect(deadlines(w, 'norsk').map((d) => [d.attributes('data-deadline'), d.attributes('data-overdue')])).toEqual([
      ['norskStart', 'true'],
      ['norskNorwegian2021', 'false'],
      ['norskSocialStudies2021', 'false'],
    ])
    const text = squash(row(w, 'norsk').text())
    expect(text).toContain('Frist for samfunnskunnskap')
    expect(text).not.toMatch(/explanations\.|norskNorwegian2021/)
    expect(squash(row(w, 'asylnorsk').find('[data-testid="scheme-no-deadline"]').text())).toBe('Inga frist')
  })
})

describe('SchemeStatusTable — explanations on "i" (D4, D8.1)', () => {
  test('D8.1 every status and deadline has its own labelled "i" described by what it explains', async () => {
    const w = await show(participating(), '2019-06-01')
    const buttons = w.findAll('[data-testid="scheme-status-log-button"], [data-testid="scheme-deadline-log-button"]')
    expect(buttons).toHaveLength(3 + 2 + 2)
    for (const b of buttons) {
      expect(b.element.tagName).toBe('BUTTON')
      expect(b.attributes('aria-label')).toBe('Vis berekningslogg')
      expect(squash(w.find(`[id="${b.attributes('aria-describedby')}"]`).text())).not.toBe('')
    }
  })

  test('R4 "i" by the status opens the status log', async () => {
    const w = await show(participating(), '2019-06-01')
    await row(w, 'intro').find('[data-testid="scheme-status-log-button"]').trigger('click')
    await settle()
    expect(squash(openLog()!.querySelector('h2')!.textContent)).toBe('Berekningslogg – Introduksjonsprogram: Status')
    expect(logLines()).toEqual(['R4 Deltek sidan 01.05.2018.'])
  })

  test('R5.2 "i" by the completion deadline opens its arithmetic', async () => {
    const w = await show(participating(), '2019-06-01', 'nb')
    await deadlines(w, 'intro')[1].find('[data-testid="scheme-deadline-log-button"]').trigger('click')
    await settle()
    expect(squash(openLog()!.querySelector('h2')!.textContent)).toBe('Beregningslogg – Introduksjonsprogram: Frist for å fullføre')
    expect(logLines()).toEqual([
      'R5.2 Start 01.05.2018 + 2 år − 1 dag = 30.04.2020.',
      'R5.2 Permisjon 13.05.2019–20.05.2019 i virkedager: 5 virkedager (0 allerede talt i en annen permisjon). 30.04.2020 + 5 virkedager = 08.05.2020.',
      'R5.2 Frist for å fullføre programmet: 08.05.2020.',
    ])
  })
})
