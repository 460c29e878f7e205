// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonView, Reason } from '../../../../shared/api'
import type { DecisionCommandPayload } from '../../../../shared/domain/command'
import { messages as texts } from '../../../../shared/i18n'
import { NORSK_GRANTED, snapshot, TODAY } from '../../../../shared/rules/check-command.fixture'
import type { RegimeId } from '../../../../shared/rules/int2021/regimes'
import { mountWithPlugins, settle } from '../rules/mount.fixture'
import DecisionDialog from './DecisionDialog.vue'
import { personViewOfSnapshot } from '../person-view.fixture'

/**
 * R12.3.1 in the decision dialog on the real Vuetify, i18n and rules: the decided months of a
 * programme and the months of an extension appear under the 2021 act only, starred where the
 * check requires them and disabled (saying why) where they do not apply; a 2003 payload being
 * fixed that carries months shows the field with the register's refusal beside it.
 */
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

/** A person offered the programme; `regime` is the one the dialog reads (R12.0). */
function view(regime: RegimeId): PersonView {
  const v = personViewOfSnapshot(snapshot({ decisions: [NORSK_GRANTED] }), TODAY)
  return { ...v, evaluation: { ...v.evaluation, regime: { ...v.evaluation.regime, introNorsk: { regime, explanation: [] } } } }
}

const decision = (p: Partial<DecisionCommandPayload>): DecisionCommandPayload => ({
  id: 'd-prog',
  personId: 'p1',
  scheme: 'intro',
  type: 'INTRO_PROGRAM',
  result: 'innvilga',
  decisionDate: '2020-03-10',
  startDate: '2020-03-16',
  ...p,
})

const field = (f: string) => document.body.querySelector(`[data-testid="decision-${f}"]`)
const input = (f: string) => field(f)?.querySelector('input') ?? null

describe('DecisionDialog — decided and extension months (R12.3.1)', () => {
  test.each([
    ['a granted programme under 2021: decided months required', 'INTEGRERING_2021', decision({}), { durationMonths: 'required', extensionMonths: 'absent' }],
    ['a granted programme under 6A: decided months required', 'INT_6A', decision({}), { durationMonths: 'required', extensionMonths: 'absent' }],
    [
      'a refused programme under 2021: decided months shown, disabled',
      'INTEGRERING_2021',
      decision({ result: 'avslag', startDate: null, reasonText: 'Nei' }),
      { durationMonths: 'disabled', extensionMonths: 'absent' },
    ],
    [
      'a granted extension under 2021: extension months required',
      'INTEGRERING_2021',
      decision({ type: 'INTRO_UTVIDA_DELTAKING', startDate: null }),
      { durationMonths: 'absent', extensionMonths: 'required' },
    ],
    ['a granted programme under 2003: no months', 'INTRO_2003', decision({}), { durationMonths: 'absent', extensionMonths: 'absent' }],
    [
      'a leave under 2021: no months',
      'INTEGRERING_2021',
      decision({ type: 'INTRO_PERMISJON', leaveType: 'INTRO_VELFERD' }),
      { durationMonths: 'absent', extensionMonths: 'absent' },
    ],
  ] as const)('%s', async (_, regime, initial, expected) => {
    wrapper = mountWithPlugins(DecisionDialog, { view: view(regime), initial, scheme: 'intro', modelValue: true }, 'nb')
    await settle()
    expect(field('type')).not.toBeNull()
    for (const f of ['durationMonths', 'extensionMonths'] as const) {
      const el = input(f)
      const seen = el === null ? 'absent' : el.disabled ? 'disabled' : field(f)!.textContent!.includes(`${texts.nb.int2021Ui.months[f]} *`) ? 'required' : 'optional'
      expect(seen, f).toBe(expected[f])
    }
  })

  test.each(['nb', 'nn'] as const)('R12.3.1 (%s) a 2003 programme being fixed with months: the field is shown, disabled, the refusal beside it', async (lang) => {
    const reasons: Reason[] = [{ code: 'NOT_IN_REGIME', field: 'durationMonths' }]
    wrapper = mountWithPlugins(DecisionDialog, { view: view('INTRO_2003'), initial: decision({ durationMonths: 12 }), reasons, scheme: 'intro', modelValue: true }, lang)
    await settle()
    expect(input('durationMonths')?.value).toBe('12')
    expect(input('durationMonths')?.disabled).toBe(true)
    expect(field('durationMonths')?.textContent).toContain(texts[lang].reasons.NOT_IN_REGIME)
  })

  test.each([
    ['5,5', true],
    ['12 mnd', true],
    ['12', false],
  ] as const)('R12.3.1 months "%s" typed: refused beside the field as not whole months → %s', async (typed, refused) => {
    wrapper = mountWithPlugins(DecisionDialog, { view: view('INTEGRERING_2021'), initial: decision({}), scheme: 'intro', modelValue: true }, 'nb')
    await settle()
    const el = input('durationMonths')!
    el.value = typed
    el.dispatchEvent(new Event('input'))
    await settle()
    document.body.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    expect(field('durationMonths')!.textContent!.includes(texts.nb.int2021Ui.months.notInteger)).toBe(refused)
  })
})
