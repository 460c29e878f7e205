import { useI18n } from 'vue-i18n'
import type { Scheme } from '../../../../shared/domain'
import { messages } from '../../../../shared/i18n'
import { useReferenceStore } from '../../stores/reference'
import { renderExplanation, type Category, type Deadline, type RenderedStep, type Step } from '../../../../shared/rules'

/** The log texts per language, in the shape `renderExplanation` reads: the 2003 rules' steps and the 2021 act's (R12). */
const withRules2021 = (lang: 'nb' | 'nn') => {
  const e = messages[lang].explanations
  const r = messages[lang].rules2021
  return { ...e, steps: { ...e.steps, ...r.steps }, codes: { ...r.codes, ...e.codes } }
}
const explanationTexts = { nb: withRules2021('nb'), nn: withRules2021('nn') }

/** `YYYY-MM-DD` → `dd.mm.åååå` (the guide's format); null → en dash. */
export function formatIsoDate(iso: string | null): string {
  if (!iso) return '–'
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso
}

/**
 * The words the rules components show for the rules' codes, in the current locale. Codes
 * come from `shared/rules`, texts from `explanations.*` (the rules' own texts) and
 * `rulesUi.*` (this screen's words).
 */
export function useRuleTexts() {
  const { t, locale } = useI18n()
  const reference = useReferenceStore()

  const schemeName = (scheme: Scheme): string => t(`rulesUi.schemes.${scheme}`)
  const kindText = (c: Category): string => t(`explanations.kinds.${c.kind}`)
  /** The greyed suffix, e.g. `(ikkje gjeldande)`; empty for a current category. */
  const stateSuffix = (c: Category): string => (c.displayState === 'current' ? '' : t(`explanations.displayStates.${c.displayState}`))
  const reasonText = (c: Category): string => (c.reason ? t(`explanations.reasons.${c.reason}`) : '')
  const hoursText = (c: Category): string => (c.hours ? t('rulesUi.hours', { total: c.hours.total, norwegian: c.hours.norwegian, social: c.hours.socialStudies }) : '–')
  const deadlineName = (d: Deadline): string => t(`explanations.deadlines.${d.key}`)

  /** "om 12 dagar", "i dag", "overskriden med 3 dagar" or, when met, "passert for 3 dagar sidan". */
  function daysText(d: Deadline): string {
    if (d.daysLeft === 0) return t('rulesUi.days.today')
    const n = Math.abs(d.daysLeft)
    if (d.daysLeft > 0) return t('rulesUi.days.left', { n }, n)
    return d.overdue ? t('rulesUi.days.overdue', { n }, n) : t('rulesUi.days.passed', { n }, n)
  }

  /**
   * The log lines of `steps` in the current locale (bokmål if the locale is unknown). A
   * permit ground is shown by its name in the code list (`Flyktning, familiegjenforeining`),
   * not as the internal code (`FAM_FLYKTNING`), once the list is loaded.
   */
  function render(steps: readonly Step[]): RenderedStep[] {
    const lang = locale.value === 'nn' ? 'nn' : 'nb'
    const grounds = Object.fromEntries((reference.lists.permitGround ?? []).map((e) => [e.code, lang === 'nn' ? e.nameNn : e.nameNb]))
    const texts = { [lang]: { ...explanationTexts[lang], codes: { ...explanationTexts[lang].codes, ...grounds } } }
    return renderExplanation(steps, texts, lang)
  }

  return { t, schemeName, kindText, stateSuffix, reasonText, hoursText, deadlineName, daysText, render }
}
