// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { PersonView } from '../../../../shared/api'
import type { DecisionCommandPayload } from '../../../../shared/domain/command'
import { messages as texts } from '../../../../shared/i18n'
import { NORSK_GRANTED, snapshot, TODAY } from '../../../../shared/rules/check-command.fixture'
import { mountWithPlugins, settle } from '../rules/mount.fixture'
import DecisionDialog from './DecisionDialog.vue'
import DecisionLetterDialog from './DecisionLetterDialog.vue'
import { personViewOfSnapshot } from '../person-view.fixture'

/**
 * R5.4 / R4: the decision dialog's self-study box on the real Vuetify, i18n and rules — on a
 * granted programme it is there and may be ticked; on a refused one it is off and the
 * register's refusal of a mark stands beside it; other decision types do not show it.
 */
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

function view(): PersonView {
  // Granted Norwegian training but no programme yet: the programme is offered (R4).
  return personViewOfSnapshot(snapshot({ decisions: [NORSK_GRANTED] }), TODAY)
}

const programme = (p: Partial<DecisionCommandPayload>): DecisionCommandPayload => ({
  id: 'd-prog',
  personId: 'p1',
  scheme: 'intro',
  type: 'INTRO_PROGRAM',
  result: 'innvilga',
  decisionDate: '2020-03-10',
  startDate: '2020-03-16',
  ...p,
})

const box = () => document.body.querySelector<HTMLInputElement>('[data-testid="decision-selfStudy"] input')
const boxText = () => document.body.querySelector('[data-testid="decision-selfStudy"]')?.textContent ?? ''

describe('DecisionDialog — the self-study box (R5.4, R4)', () => {
  test.each(['nb', 'nn'] as const)('R5.4 (%s) a granted programme shows the box enabled, ticked as saved, with the norm of 30 said', async (lang) => {
    wrapper = mountWithPlugins(DecisionDialog, { view: view(), initial: programme({ selfStudy: true }), scheme: 'intro', modelValue: true }, lang)
    await settle()
    expect(box()?.checked).toBe(true)
    expect(box()?.disabled).toBe(false)
    expect(boxText()).toContain(texts[lang].norskUi.decisionDialog.selfStudy)
    expect(boxText()).toContain(texts[lang].norskUi.decisionDialog.selfStudyHint)
  })

  test.each(['nb', 'nn'] as const)('R4 (%s) a refused programme carrying the mark: the box is off and the refusal stands beside it', async (lang) => {
    wrapper = mountWithPlugins(
      DecisionDialog,
      {
        view: view(),
        initial: programme({ result: 'avslag', startDate: null, reasonText: 'Nei', selfStudy: true }),
        reasons: [{ code: 'SELF_STUDY_NOT_APPLICABLE', field: 'selfStudy' }],
        scheme: 'intro',
        modelValue: true,
      },
      lang,
    )
    await settle()
    expect(box()?.disabled).toBe(true)
    expect(boxText()).toContain(texts[lang].reasons.SELF_STUDY_NOT_APPLICABLE)
  })

  test('R4 an intro leave shows no self-study box', async () => {
    const leave = programme({ type: 'INTRO_PERMISJON', startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'INTRO_VELFERD', leaveUnit: 'verkedagar' })
    wrapper = mountWithPlugins(DecisionDialog, { view: view(), initial: leave, scheme: 'intro', modelValue: true }, 'nb')
    await settle()
    expect(document.body.querySelector('[data-testid="decision-type"]')).not.toBeNull()
    expect(document.body.querySelector('[data-testid="decision-selfStudy"]')).toBeNull()
  })
})

describe('Vedtaksmal of a self-study programme (R5.4)', () => {
  const granted = { ...programme({ selfStudy: true }), startDate: '2020-03-16' }
  test.each([
    ['nb', true, true],
    ['nn', true, true],
    ['nb', false, false],
  ] as const)('R5.4 (%s) a programme marked %s: the letter says the norm of 30 → %s', async (lang, selfStudy, said) => {
    wrapper = mountWithPlugins(DecisionLetterDialog, { view: view(), decision: { ...granted, selfStudy }, modelValue: true }, lang)
    await settle()
    const letter = document.body.querySelector('[data-testid="decision-letter"]')?.textContent ?? ''
    expect(letter).toContain('2020')
    expect(letter.includes(texts[lang].norskUi.letter.selfStudy)).toBe(said)
  })
})
