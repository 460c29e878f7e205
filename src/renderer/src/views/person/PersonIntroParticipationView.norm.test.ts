// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import VChart from 'vue-echarts'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createVuetify } from 'vuetify'
import * as components from 'vuetify/components'
import * as directives from 'vuetify/directives'
import type { PersonView } from '../../../../shared/api'
import type { Decision, Measure } from '../../../../shared/domain'
import { messages } from '../../../../shared/i18n'
import { emptyBundle } from '../../../../shared/sync'
import PersonIntroParticipationView from './PersonIntroParticipationView.vue'
import { personView, testPerson } from '../../components/person-view.fixture'

/**
 * R5.4 on the *Deltaking intro* screen: the summary's norm, the chart's norm line and the
 * below-norm text follow the person's plan as the device's rules read it (`PersonView.introPlan`),
 * so a self-study person is held to 30 hours, as the save's warning and the reports hold them.
 * Real Vuetify, i18n, rules and echarts options; only the host behind `invoke` is absent.
 */
if (!('visualViewport' in globalThis)) Object.defineProperty(globalThis, 'visualViewport', { value: null, configurable: true })

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const programme: Decision = {
  id: 'd1',
  personId: 'p1',
  scheme: 'intro',
  type: 'INTRO_PROGRAM',
  result: 'innvilga',
  decisionDate: '2025-02-20',
  startDate: '2025-03-03',
  endDate: null,
}
// Four whole ISO weeks (10–13/2025) at 32 hours: below 37.5, at or above 30.
const measure: Measure = {
  id: 'm1',
  personId: 'p1',
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate: '2025-03-03',
  toDate: '2025-03-30',
  hoursPerWeek: 32,
}

function view(selfStudy: boolean): PersonView {
  return personView({ ...emptyBundle(testPerson()), decisions: [programme], measures: [measure] }, { introPlan: { selfStudy } })
}

async function mountView(selfStudy: boolean, lang: 'nb' | 'nn'): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push('/person/p1/intro-deltaking')
  await router.isReady()
  const i18n = createI18n({ legacy: false, locale: lang, fallbackLocale: 'nb', messages, missingWarn: false, fallbackWarn: false })
  const w = mount(PersonIntroParticipationView, {
    props: { view: view(selfStudy) },
    attachTo: document.body,
    global: { plugins: [createVuetify({ components, directives }), i18n, createPinia(), router] },
  })
  await flushPromises()
  return w
}

const text = (testid: string) => (document.body.querySelector(`[data-testid="${testid}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim()

type NormLine = { series: { markLine: { data: { yAxis: number }[] }; data: { itemStyle: { color: string } }[] }[] }

describe('PersonIntroParticipationView — the norm of the person’s plan (R5.4)', () => {
  test.each([
    ['nb', true, '30 (selvstudium)', 30, 'Tilbudet holder normen i hele perioden.'],
    ['nn', true, '30 (sjølvstudium)', 30, 'Tilbodet held normen i heile perioden.'],
    ['nb', false, '37,5', 37.5, 'Under normen i 4 uker: 10/2025, 11/2025, 12/2025, 13/2025.'],
    ['nn', false, '37,5', 37.5, 'Under normen i 4 veker: 10/2025, 11/2025, 12/2025, 13/2025.'],
  ] as const)('R5.4 (%s) self-study %s: norm "%s", chart line at %s, and 32 h/week judged against it', async (lang, selfStudy, shown, line, verdict) => {
    wrapper = await mountView(selfStudy, lang)
    expect(text('summary-average')).toBe('32')
    expect(text('summary-norm')).toBe(shown)
    expect(text('summary-below-norm')).toBe(verdict)
    const option = wrapper.findComponent(VChart).props('option') as NormLine
    expect(option.series[0].markLine.data[0].yAxis).toBe(line)
    // Bars below the line are drawn red, at or above it green: the same norm decides.
    const colours = new Set(option.series[0].data.map((d) => d.itemStyle.color))
    expect(colours).toEqual(new Set([selfStudy ? '#2e7d32' : '#b3261e']))
  })
})
