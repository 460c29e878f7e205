// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonView } from '../../../../shared/api'
import type { DecisionCommandPayload } from '../../../../shared/domain/command'
import { snapshot, TODAY } from '../../../../shared/rules/check-command.fixture'
import { mountWithPlugins, settle } from '../rules/mount.fixture'
import DecisionDialog from './DecisionDialog.vue'
import { personViewOfSnapshot } from '../person-view.fixture'

/**
 * The decision dialog on the real Vuetify, i18n and rules: opened to fix a refused decision
 * (A4), it shows the caseworker's input and the register's reasons beside their fields.
 */
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

function view(): PersonView {
  return personViewOfSnapshot(snapshot(), TODAY)
}

const refused: DecisionCommandPayload = {
  id: 'd-fix',
  personId: 'p1',
  scheme: 'norsk',
  type: 'NORSK_PERMISJON',
  result: 'innvilga',
  decisionDate: '2020-03-10',
  startDate: '2020-03-16',
  endDate: '2020-03-01',
  leaveType: null,
}

const input = (testid: string) => document.body.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input`)
const messages = (testid: string) => document.body.querySelector(`[data-testid="${testid}"] .v-messages`)?.textContent ?? ''

describe('DecisionDialog — fix and resubmit (A4, R4)', () => {
  test.each([
    ['nb', 'Sluttdatoen', 'Feltet må fylles ut.'],
    ['nn', 'Sluttdatoen', 'Feltet må fyllast ut.'],
  ] as const)('A4 (%s) opens with the refused input and each register reason beside its field', async (lang, reversed, required) => {
    wrapper = mountWithPlugins(
      DecisionDialog,
      {
        view: view(),
        initial: refused,
        reasons: [
          { code: 'PERIOD_REVERSED', field: 'endDate' },
          { code: 'REQUIRED', field: 'leaveType' },
        ],
        modelValue: true,
      },
      lang,
    )
    await settle()
    expect(input('decision-startDate')?.value).toBe('2020-03-16')
    expect(input('decision-endDate')?.value).toBe('2020-03-01')
    expect(input('decision-decisionDate')?.value).toBe('2020-03-10')
    expect(messages('decision-endDate')).toContain(reversed)
    expect(messages('decision-leaveType')).toContain(required)
    // R4: leave has no hours; the field is there but disabled.
    expect(input('decision-hours')?.disabled).toBe(true)
  })
})
