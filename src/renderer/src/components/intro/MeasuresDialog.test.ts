// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonView } from '../../../../shared/api'
import type { Measure } from '../../../../shared/domain'
import { messages as texts } from '../../../../shared/i18n'
import { initialCodeLists } from '../../../../shared/reference/initial-code-lists'
import { emptyBundle } from '../../../../shared/sync'
import { useReferenceStore } from '../../stores/reference'
import { mountWithPlugins, settle } from '../rules/mount.fixture'
import MeasuresDialog from './MeasuresDialog.vue'
import { personView, testPerson } from '../person-view.fixture'

/**
 * *Endre tiltak* (D8.3) on the real Vuetify and i18n: the measures dialog opened on one stored
 * measure — from the row's pencil or to fix a refused edit (A4) — holds that one measure, adds
 * no rows, and shows each reason of `intro.updateMeasure` (unprefixed fields) beside its field.
 */
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

function view(): PersonView {
  return personView(emptyBundle(testPerson()))
}

const input = (testid: string) => document.body.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)
const messages = (testid: string) => document.body.querySelector(`[data-testid="${testid}"] .v-messages`)?.textContent ?? ''
const lead = (text: string) => text.split('{')[0]!.trim()

const edited: Measure = { id: 'm1', personId: 'p1', groupCode: 'NORSK', measureCode: 'GRUNNLEGGANDE_NORSK', fromDate: '2025-03-03', toDate: '2025-03-30', hoursPerWeek: 40 }

describe('MeasuresDialog in edit mode (D8.3 Endre tiltak, A4 fix of intro.updateMeasure)', () => {
  test.each([
    ['nb', 'Endre tiltak'],
    ['nn', 'Endre tiltak'],
  ] as const)('(%s) opens on the one measure; R5.3 hours and R5.6 to date refused beside their fields; no row can be added', async (lang, title) => {
    wrapper = mountWithPlugins(
      MeasuresDialog,
      {
        view: view(),
        period: null,
        initial: {
          edit: true,
          measures: [edited],
          reasons: [
            { code: 'MEASURE_HOURS_RANGE', field: 'hoursPerWeek', values: { max: 37.5, hours: 40 } },
            { code: 'MEASURE_AFTER_ENDING', field: 'toDate', values: { endDate: '2025-03-20' } },
          ],
        },
        modelValue: true,
      },
      lang,
    )
    useReferenceStore().lists = { measureGroup: initialCodeLists.filter((e) => e.list === 'measureGroup'), measure: initialCodeLists.filter((e) => e.list === 'measure') }
    await settle()
    expect(document.body.querySelector('#measures-dialog-title')?.textContent?.trim()).toBe(title)
    expect(document.body.querySelectorAll('[data-testid="measures-row"]')).toHaveLength(1)
    expect(document.body.querySelector('[data-testid="measures-add"]')).toBeNull()
    expect(input('measures-from-0')?.value).toBe('2025-03-03')
    expect(input('measures-hours-0')?.value).toBe('40')
    expect(messages('measures-hours-0')).toContain(lead(texts[lang].reasons.MEASURE_HOURS_RANGE))
    expect(messages('measures-to-0')).toContain(lead(texts[lang].reasons.MEASURE_AFTER_ENDING))
    expect(messages('measures-from-0')).toBe('')
  })

  test('(nb) opened to add, the same dialog says Registrer tiltak and can add rows', async () => {
    wrapper = mountWithPlugins(MeasuresDialog, { view: view(), period: null, initial: null, modelValue: true }, 'nb')
    await settle()
    expect(document.body.querySelector('#measures-dialog-title')?.textContent?.trim()).toBe('Registrer tiltak')
    expect(document.body.querySelector('[data-testid="measures-add"]')).not.toBeNull()
  })
})
