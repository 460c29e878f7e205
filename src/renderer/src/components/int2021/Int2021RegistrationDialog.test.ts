// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonView, Reason } from '../../../../shared/api'
import type { Int2021Registration } from '../../../../shared/domain'
import { messages as texts } from '../../../../shared/i18n'
import { emptyBundle } from '../../../../shared/sync'
import { mountWithPlugins, settle } from '../rules/mount.fixture'
import Int2021RegistrationDialog from './Int2021RegistrationDialog.vue'
import { personView, testPerson } from '../person-view.fixture'

/**
 * A4 *Rett og send på nytt* for the 2021 registrations on the real Vuetify and i18n: the
 * dialog opens with the caseworker's refused input and each register reason beside the field
 * its path names (`fact.toDate` → the to-date field); a reason about the registration as a
 * whole (`fact.kind`) goes to the dialog's alert. Nothing is sent on opening.
 */
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const PERSON = '0190a000-0000-7000-8000-000000000001'
function view(): PersonView {
  return personView(emptyBundle(testPerson({ id: PERSON, duf: '202412345601', birthDate: '1990-05-10', arrivalDate: '2024-02-01' })))
}

const refused: Int2021Registration = {
  id: '0190a000-0000-7000-8000-0000000000f1',
  personId: PERSON,
  date: '2025-03-01',
  recordedAt: '2025-03-01T10:00:00Z',
  fact: { kind: 'fullTimeUpperSecondary', toDate: '2025-02-01' },
}
const reasons: Reason[] = [
  { code: 'PERIOD_REVERSED', field: 'fact.toDate', values: { from: '2025-03-01', to: '2025-02-01' } },
  { code: 'NOT_IN_REGIME', field: 'fact.kind' },
]
const text = (testid: string) => document.body.querySelector(`[data-testid="${testid}"]`)?.textContent ?? ''
const input = (testid: string) => document.body.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)

describe('Int2021RegistrationDialog — fix and resubmit (A4)', () => {
  test.each(['nb', 'nn'] as const)('R12.3.2 (%s) the refused period opens as typed, its reversal beside the to-date, NOT_IN_REGIME in the alert', async (lang) => {
    wrapper = mountWithPlugins(Int2021RegistrationDialog, { view: view(), kind: 'fullTimeUpperSecondary', initial: { payload: refused, reasons }, modelValue: true }, lang)
    await settle()
    expect(input('int2021-date')?.value).toBe('01.03.2025')
    expect(input('int2021-to-date')?.value).toBe('01.02.2025')
    expect(text('int2021-fixing')).toContain(texts[lang].participationUi.fixing)
    expect(text('int2021-to-date')).toContain(texts[lang].reasons.PERIOD_REVERSED.split('{')[0]!.trim())
    expect(text('int2021-to-date')).toContain('01.02.2025')
    expect(text('int2021-errors')).toContain(texts[lang].reasons.NOT_IN_REGIME)
    expect(text('int2021-date')).not.toContain(texts[lang].reasons.NOT_IN_REGIME)
  })

  test('a new registration opens empty but for today, with no fixing note and no errors', async () => {
    wrapper = mountWithPlugins(Int2021RegistrationDialog, { view: view(), kind: 'fullTimeUpperSecondary', initial: null, modelValue: true }, 'nb')
    await settle()
    expect(input('int2021-date')?.value).toMatch(/^\d{2}\.\d{2}\.\d{4}$/)
    expect(input('int2021-to-date')?.value).toBe('')
    expect(document.body.querySelector('[data-testid="int2021-fixing"]')).toBeNull()
    expect(document.body.querySelector('[data-testid="int2021-errors"]')).toBeNull()
  })
})
