import type { DecisionCommandPayload } from '../../domain/command'
import type { Decision, DecisionType } from '../../domain/registrations'
import { bandFinding, durationBand } from '../int2021/intro'
import { current, type Int2021Input } from '../int2021/input'
import { is2021Regime, type RegimeId } from '../int2021/regimes'
import type { Finding2021 } from '../int2021/warnings'
import { earliestStart, grantedOf } from '../queries'
import type { CheckInput } from './context'

/** The decision fields of the 2021 act (R12.3.1). */
export type MonthsField = 'durationMonths' | 'extensionMonths'
const MONTHS_FIELDS: readonly MonthsField[] = ['durationMonths', 'extensionMonths']

/**
 * R12.3.1: the whole months each field may hold. These are the bounds of what can be saved;
 * the duration band (R12.1.5) is narrower and only warns (J1), so a longer lawful programme
 * is never blocked while a typing slip (0, 600) is.
 */
export const MONTHS_RANGE: Record<MonthsField, { min: number; max: number }> = {
  durationMonths: { min: 1, max: 60 },
  extensionMonths: { min: 1, max: 12 },
}

/** R12.3.1: the months field a decision requires under the 2021 act — only on a grant, a refusal decides no months. */
export function requiredMonthsField(type: DecisionType, result: Decision['result']): MonthsField | null {
  if (result !== 'innvilga') return null
  if (type === 'INTRO_PROGRAM') return 'durationMonths'
  if (type === 'INTRO_UTVIDA_DELTAKING') return 'extensionMonths'
  return null
}

const filled = (v: unknown): boolean => v !== null && v !== undefined

/**
 * R12.3.1 / R12.3.3 for `decision.register`, by the person's intro/norsk regime (the
 * evaluation before this decision):
 * - 2003 act (or no regime): decided and extension months do not exist → `NOT_IN_REGIME` on
 *   the field;
 * - 2021 act and chapter 6A: a granted `INTRO_PROGRAM` requires `durationMonths`, a granted
 *   `INTRO_UTVIDA_DELTAKING` requires `extensionMonths` (`REQUIRED`; whole months in
 *   `MONTHS_RANGE`, else `MONTHS_RANGE`); on any other type or on a refusal the fields are
 *   refused (`MONTHS_NOT_APPLICABLE`) rather than stored where no rule reads them;
 *   Norwegian decisions carry no hours (`NORSK_HOURS_NOT_IN_REGIME`, R12.0.5);
 * - warnings (saved with the decision, J1): band unknown (`BAND_UNKNOWN`), months outside the
 *   band (`DURATION_OUTSIDE_BAND`: decided months, or every granted extension together with
 *   this one), and a granted programme with no final goal (`FINAL_GOAL_MISSING`, J13).
 * The band logic is `int2021/intro.ts`'s, so the warning here and the computed end date's
 * agree. Which Norwegian types are offered (R12.3.1 "types by category") is R4's check
 * (`offeredNorsk2021`).
 */
export function checkDecision2021({ f, snapshot, today }: CheckInput, d: DecisionCommandPayload, regime: RegimeId | null, input: Int2021Input): void {
  if (!is2021Regime(regime)) {
    for (const field of MONTHS_FIELDS) if (filled(d[field])) f.error('NOT_IN_REGIME', field, { kind: field, regime: regime ?? 'NONE' })
    return
  }
  if (d.scheme === 'norsk' && filled(d.hours)) f.error('NORSK_HOURS_NOT_IN_REGIME', 'hours', { hours: d.hours ?? null })
  const wanted = requiredMonthsField(d.type, d.result)
  let months: number | null = null
  for (const field of MONTHS_FIELDS) {
    const v = d[field]
    if (field !== wanted) {
      if (filled(v)) f.error('MONTHS_NOT_APPLICABLE', field)
    } else if (v === null || v === undefined) f.error('REQUIRED', field)
    else if (!(Number.isInteger(v) && v >= MONTHS_RANGE[field].min && v <= MONTHS_RANGE[field].max)) f.error('MONTHS_RANGE', field, MONTHS_RANGE[field])
    else months = v
  }
  if (wanted === null || months === null) return
  // The band logic yields only these two codes (durationBand: BAND_UNKNOWN, bandFinding: DURATION_OUTSIDE_BAND).
  const warn = (x: Finding2021) => f.warn(x.code as 'BAND_UNKNOWN' | 'DURATION_OUTSIDE_BAND', wanted, x.values)
  const { band, findings } = durationBand(input, today)
  if (wanted === 'durationMonths') {
    const at = d.startDate ?? d.decisionDate
    const outside = band ? bandFinding(band, wanted, months, at) : null
    for (const x of band ? (outside ? [outside] : []) : findings) warn(x)
    if (!current(input.registrations?.finalGoal, today)) f.warn('FINAL_GOAL_MISSING', wanted, { start: d.startDate ?? null })
    return
  }
  // Extension: the band limits all extensions together (R12.1.5 "extension, total").
  const others = grantedOf(snapshot, 'INTRO_UTVIDA_DELTAKING').filter((x) => x.id !== d.id)
  const total = others.reduce((sum, x) => sum + (x.extensionMonths ?? 0), months)
  const at = earliestStart(grantedOf(snapshot, 'INTRO_PROGRAM'))?.startDate ?? d.decisionDate
  const outside = band ? bandFinding(band, wanted, total, at) : null
  for (const x of band ? (outside ? [outside] : []) : findings) warn(x)
}
