// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonView } from '../../../../shared/api'
import type { Absence, ParentalLeaveAbsence } from '../../../../shared/domain'
import { initialCodeLists } from '../../../../shared/reference/initial-code-lists'
import { emptyBundle } from '../../../../shared/sync'
import { useReferenceStore } from '../../stores/reference'
import { mountWithPlugins, settle } from '../rules/mount.fixture'
import AbsenceDialog from './AbsenceDialog.vue'
import ParentalLeaveAbsenceDialog from './ParentalLeaveAbsenceDialog.vue'
import { personView, testPerson } from '../person-view.fixture'

/**
 * The absence dialogs on the real Vuetify and i18n, opened to fix a refused registration (A4):
 * the caseworker's input is back in its fields and each reason stands beside its field.
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

/** The code lists the dialogs read, as the device's reference data holds them. */
function withCodeLists(): void {
  const reference = useReferenceStore()
  reference.lists = {
    absenceType: initialCodeLists.filter((e) => e.list === 'absenceType'),
    parentalLeaveAbsenceType: initialCodeLists.filter((e) => e.list === 'parentalLeaveAbsenceType'),
  }
}

const input = (testid: string) => document.body.querySelector<HTMLInputElement>(`[data-testid="${testid}"] input, [data-testid="${testid}"] textarea`)
const messages = (testid: string) => document.body.querySelector(`[data-testid="${testid}"] .v-messages`)?.textContent ?? ''
const text = (testid: string) => document.body.querySelector(`[data-testid="${testid}"]`)?.textContent ?? ''

const refusedAbsence: Absence = {
  id: 'a-fix',
  personId: 'p1',
  fromDate: '2025-03-03',
  toDate: '2025-03-07',
  rows: [
    { typeCode: 'EIGENMELDING', days: 4, hours: null },
    { typeCode: 'VELFERD', days: 2, hours: 1.5 },
  ],
}

describe('AbsenceDialog — fix and resubmit (A4, R5.5)', () => {
  test.each([
    ['nb', 'Fyll ut enten dager eller timer', 'Fravær på 6 dager er mer enn de 5 virkedagene i perioden.'],
    ['nn', 'Fyll ut anten dagar eller timar', 'Fråvær på 6 dagar er meir enn dei 5 verkedagane i perioden.'],
  ] as const)('R5.5 (%s) opens on the refused rows with "days or hours" beside that row and the days sum under the types', async (lang, both, exceed) => {
    wrapper = mountWithPlugins(
      AbsenceDialog,
      {
        view: view(),
        initial: {
          absence: refusedAbsence,
          reasons: [
            { code: 'ABSENCE_DAYS_OR_HOURS', field: 'rows.1.days', values: { type: 'VELFERD' } },
            { code: 'ABSENCE_DAYS_EXCEED', field: 'rows', values: { max: 5, total: 6 } },
          ],
        },
        modelValue: true,
      },
      lang,
    )
    withCodeLists()
    await settle()
    expect(input('absence-from')?.value).toBe('2025-03-03')
    expect(input('absence-days-EIGENMELDING')?.value).toBe('4')
    expect(input('absence-days-VELFERD')?.value).toBe('2')
    expect(input('absence-hours-VELFERD')?.value).toBe('1,5')
    // Row 1 of the payload is VELFERD: the reason stands there, not under EIGENMELDING.
    expect(messages('absence-days-VELFERD')).toContain(both)
    expect(messages('absence-days-EIGENMELDING')).not.toContain(both)
    expect(text('absence-rows-error')).toContain(exceed)
    // The period's working days are shown for the caseworker to compare (R1.3).
    expect(text('absence-working-days')).toBe('5')
  })
})

describe('ParentalLeaveAbsenceDialog — fix and resubmit (A4, D8.3)', () => {
  test.each([
    ['nb', 'Grunnen må fylles ut.'],
    ['nn', 'Grunnen må fyllast ut.'],
  ] as const)('(%s) "other missing offer" opens with the reason marked required and its refusal beside it', async (lang, required) => {
    const refused: ParentalLeaveAbsence = { id: 'x', personId: 'p1', fromDate: '2025-08-04', toDate: '2025-08-29', typeCode: 'ANNA_MANGLANDE_TILBOD', reason: null }
    wrapper = mountWithPlugins(
      ParentalLeaveAbsenceDialog,
      { view: view(), initial: { absence: refused, reasons: [{ code: 'REASON_REQUIRED', field: 'reason' }] }, modelValue: true },
      lang,
    )
    withCodeLists()
    await settle()
    expect(input('parental-from')?.value).toBe('2025-08-04')
    expect(input('parental-to')?.value).toBe('2025-08-29')
    expect(messages('parental-reason')).toContain(required)
    expect(text('parental-reason')).toContain('*')
  })
})
