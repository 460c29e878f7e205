/**
 * Explanations (berekningslogg, D4): every category, status and deadline carries the ordered
 * steps that produced it, so a caseworker can redo the arithmetic. Texts live in
 * `shared/i18n/messages/rules-explanations.ts`; a step holds only its key and values.
 */

export type StepValue = string | number | boolean | null

/** One step of a calculation: the rule it applies, a text key, and the values it used. */
export interface Step {
  /** Rule number, e.g. `R5.2`. */
  rule: string
  /** Text key in `ruleExplanations[lang].steps`. */
  key: string
  /** Placeholder values; dates are `YYYY-MM-DD` (formatted by `renderExplanation`). */
  values: Record<string, StepValue>
}

export function step(rule: string, key: string, values: Record<string, StepValue> = {}): Step {
  return { rule, key, values }
}

/** Minimal shape of the explanation texts `renderExplanation` needs. */
export interface ExplanationMessages {
  steps: Record<string, string>
  values?: { yes: string; no: string; none: string }
  /** Labels for code values (category kinds, reception-centre kinds, …); other codes show as is. */
  codes?: Record<string, string>
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A value as the log shows it: dates `dd.mm.åååå`, decimals with a comma, ja/nei. */
export function formatStepValue(value: StepValue, words: { yes: string; no: string; none: string }, codes: Record<string, string> = {}): string {
  if (value === null) return words.none
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (typeof value === 'number') {
    const rounded = Math.round(value * 100) / 100
    return String(rounded).replace('.', ',')
  }
  const m = ISO_DATE.exec(value)
  if (m) return `${m[3]}.${m[2]}.${m[1]}`
  return Object.hasOwn(codes, value) ? codes[value] : value
}

/** One rendered line of the log. */
export interface RenderedStep {
  rule: string
  text: string
}

/**
 * Fills each step's text with its values. A key without text renders as the key itself
 * followed by its values, so a missing translation is visible rather than silent.
 */
export function renderExplanation(steps: readonly Step[], messages: Record<string, ExplanationMessages>, lang: string): RenderedStep[] {
  const m = messages[lang]
  const words = m?.values ?? { yes: 'ja', no: 'nei', none: '–' }
  return steps.map((s) => {
    const template = m?.steps[s.key]
    const fmt = (v: StepValue): string => formatStepValue(v, words, m?.codes)
    const text =
      template === undefined
        ? `${s.key} ${Object.entries(s.values)
            .map(([k, v]) => `${k}=${fmt(v)}`)
            .join(' ')}`.trim()
        : template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in s.values ? fmt(s.values[name]) : whole))
    return { rule: s.rule, text }
  })
}
