// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { evaluatePerson, type Step } from '../../../../shared/rules'
import { leave, programme, snapshot } from '../../../../shared/rules/test-fixtures'
import CalculationLogDialog from './CalculationLogDialog.vue'
import { logLines, mountWithPlugins, openLog, settle, squash, type Lang } from './mount.fixture'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

/** Intro completion deadline of a programme from 1 May 2018 with a leave over 17 May 2019. */
function completionSteps(): Step[] {
  const s = snapshot({}, { decisions: [programme('2018-05-01'), leave('2019-05-13', '2019-05-20', 'verkedagar')] })
  return evaluatePerson(s, '2019-06-01').schemes.intro.deadlines.find((d) => d.key === 'introCompletion')!.explanation
}

async function show(steps: readonly Step[], lang: Lang = 'nb', title = 'Berekningslogg – Intro') {
  wrapper = mountWithPlugins(CalculationLogDialog, { title, steps, modelValue: true }, lang)
  await settle()
}

describe('CalculationLogDialog', () => {
  test.each<[string, Lang, string[]]>([
    [
      'R5.2 the log lets a caseworker redo the completion arithmetic, rule by rule (nb)',
      'nb',
      [
        'R5.2 Start 01.05.2018 + 2 år − 1 dag = 30.04.2020.',
        'R5.2 Permisjon 13.05.2019–20.05.2019 i virkedager: 5 virkedager (0 allerede talt i en annen permisjon). 30.04.2020 + 5 virkedager = 08.05.2020.',
        'R5.2 Frist for å fullføre programmet: 08.05.2020.',
      ],
    ],
    [
      'R5.2 the same log in nynorsk follows the locale',
      'nn',
      [
        'R5.2 Start 01.05.2018 + 2 år − 1 dag = 30.04.2020.',
        'R5.2 Permisjon 13.05.2019–20.05.2019 i verkedagar: 5 verkedagar (0 alt talde i ein annan permisjon). 30.04.2020 + 5 verkedagar = 08.05.2020.',
        'R5.2 Frist for å fullføre programmet: 08.05.2020.',
      ],
    ],
  ])('%s', async (_name, lang, expected) => {
    await show(completionSteps(), lang)
    expect(logLines()).toEqual(expected)
  })

  test('D4 the title names what the log explains', async () => {
    await show(completionSteps(), 'nn', 'Berekningslogg – Intro: Frist for å fullføre')
    expect(squash(openLog()!.querySelector('h2')!.textContent)).toBe('Berekningslogg – Intro: Frist for å fullføre')
  })

  test('D4 a log without steps says so instead of showing an empty list', async () => {
    await show([], 'nn')
    expect(logLines()).toEqual([])
    expect(squash(openLog()!.textContent)).toContain('Berekninga har ingen steg å vise.')
  })

  test('D4 "Lukk" closes the dialog (v-model false)', async () => {
    await show(completionSteps())
    ;(document.body.querySelector('[data-testid="calculation-log-close"]') as HTMLElement).click()
    await settle()
    expect(wrapper!.emitted('update:modelValue')?.at(-1)).toEqual([false])
  })

  test.each<[string, 'intro' | 'norsk', boolean]>([
    ['R5.2 an intro deadline’s log draws its timeline under the steps, hidden from screen readers', 'intro', true],
    ['R6.2 a Norwegian deadline’s log has steps only', 'norsk', false],
  ])('%s', async (_name, scheme, drawn) => {
    const s = snapshot({}, { decisions: [programme('2018-05-01')] })
    const d = evaluatePerson(s, '2019-06-01').schemes[scheme].deadlines.at(-1)!
    wrapper = mountWithPlugins(CalculationLogDialog, { title: 'x', steps: d.explanation, deadline: d, modelValue: true })
    await settle()
    const timeline = openLog()!.querySelector('[data-testid="deadline-timeline"]')
    expect(timeline !== null).toBe(drawn)
    if (timeline) expect(timeline.getAttribute('aria-hidden')).toBe('true')
    expect(openLog()!.querySelectorAll('[data-testid="calculation-log-step"]').length).toBe(d.explanation.length)
  })

  test('D4 a closed dialog renders nothing', async () => {
    wrapper = mountWithPlugins(CalculationLogDialog, { title: 'x', steps: completionSteps(), modelValue: false })
    await settle()
    expect(openLog()).toBeNull()
  })
})
