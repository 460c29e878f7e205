import type { codeListNames } from '../domain/code-list'
import type { Decision, DecisionType } from '../domain/registrations'
import type { Evaluation } from './evaluate'
import { REQUIRED_DECISION_FIELDS } from './checks/decision'
import { requiredMonthsField } from './checks/decision-2021'
import { is2021Regime, type RegimeId } from './int2021/regimes'

/**
 * What the decision dialog (D6.3, D8.1) shows per field, from the same R4 table the check
 * uses (`REQUIRED_DECISION_FIELDS`), so the star on a field and the refusal on save never
 * disagree:
 * - `required`: starred, the check refuses a save without it;
 * - `optional`: may be filled;
 * - `auto`: filled by the rules, shown read-only (hours of right-and-duty decisions, R3.4);
 * - `off`: does not apply to this type/result, shown disabled and saved empty.
 */
export type FieldState = 'required' | 'optional' | 'auto' | 'off'

/** The decision fields a caseworker fills besides type, result and decision date (always required). */
export const decisionFormFields = ['startDate', 'endDate', 'hours', 'reasonCode', 'reasonText', 'leaveType', 'leaveUnit', 'selfStudy', 'durationMonths', 'extensionMonths'] as const
export type DecisionFormField = (typeof decisionFormFields)[number]

type CodeListName = (typeof codeListNames)[number]
/** `onGrant`: applies to a grant only, `off` on a refusal (a refused programme has no plan). */
type Applies = Partial<Record<DecisionFormField, true | 'auto' | 'onGrant'>>

/**
 * Fields that apply to each type besides those R4 requires (which always apply). Leave
 * periods, stops and postponements have both dates; programme and course grants have a
 * planned end; the category decisions carry the category's hours (R3.4).
 */
const APPLIES: Record<DecisionType, Applies> = {
  NORSK_RETT_OG_PLIKT: { startDate: true, endDate: true, hours: 'auto' },
  NORSK_RETT: { startDate: true, endDate: true, hours: 'auto' },
  NORSK_PLIKT: { startDate: true, endDate: true, hours: 'auto' },
  NORSK_BEHOVSPROVD: { startDate: true, endDate: true },
  NORSK_FRITAK_NORSK: {},
  NORSK_FRITAK_SAMFUNN: {},
  NORSK_FRITAK_PROVE: {},
  NORSK_UTSETT_OPPSTART: {},
  NORSK_PERMISJON: {},
  // R5.4: the plan's self-study mark (norm 30) belongs to the granted programme only.
  INTRO_PROGRAM: { startDate: true, endDate: true, selfStudy: 'onGrant' },
  INTRO_PERMISJON: {},
  INTRO_UTVIDA_DELTAKING: {},
  INTRO_MIDLERTIDIG_STANS: {},
  INTRO_PERMANENT_STANS: {},
}

/** The code list a type's `reasonCode` is chosen from; types without one take a free-text reason. */
const REASON_LIST: Partial<Record<DecisionType, CodeListName>> = {
  NORSK_FRITAK_NORSK: 'exemptionReason',
  NORSK_FRITAK_SAMFUNN: 'exemptionReason',
  NORSK_FRITAK_PROVE: 'exemptionReason',
  NORSK_UTSETT_OPPSTART: 'postponementReason',
}

/** The code list of a type's reason, or null when its reason is free text. */
export function reasonListOf(type: DecisionType): CodeListName | null {
  return REASON_LIST[type] ?? null
}

/**
 * R4 field states of one decision type and result, under the person's regime (R12.0; null or
 * `INTRO_2003`: the 2003 act). Edge cases:
 * - a refusal has no start and no hours (R4 "start date on grant"), so those are `off`;
 * - a refusal needs a reason: the type's reason code when it has a list, else the free text;
 * - R4's "reason" (code or text) on a type without a list makes the free text required;
 * - the free text stays open as an optional note wherever a reason code applies;
 * - R12.3.1 (2021 and 6A only): decided months are required on a granted `INTRO_PROGRAM`,
 *   extension months on a granted `INTRO_UTVIDA_DELTAKING`, both `off` everywhere else; the
 *   Norwegian decisions carry no hours (no automatic hours, R12.0.5), so `hours` is `off`.
 */
export function decisionFieldStates(type: DecisionType, result: Decision['result'], regime: RegimeId | null = null): Record<DecisionFormField, FieldState> {
  const req = REQUIRED_DECISION_FIELDS[type]
  const required = new Set<string>([...req.always, ...(result === 'innvilga' ? req.onGrant : [])])
  const list = reasonListOf(type)
  if (required.has('reason')) required.add(list ? 'reasonCode' : 'reasonText')
  if (result === 'avslag') required.add(list ? 'reasonCode' : 'reasonText')
  const applies = APPLIES[type]
  const onGrantOnly = new Set<string>(req.onGrant)
  const states = {} as Record<DecisionFormField, FieldState>
  const in2021 = is2021Regime(regime)
  const months = in2021 ? requiredMonthsField(type, result) : null
  if (months) required.add(months)
  for (const field of decisionFormFields) {
    if (field === 'durationMonths' || field === 'extensionMonths') states[field] = field === months ? 'required' : 'off'
    else if (field === 'hours' && in2021 && type.startsWith('NORSK_')) states[field] = 'off'
    else if (required.has(field)) states[field] = 'required'
    else if (result === 'avslag' && (onGrantOnly.has(field) || applies[field] === 'auto' || applies[field] === 'onGrant')) states[field] = 'off'
    else if (applies[field] === 'auto') states[field] = 'auto'
    else if (applies[field] || (field === 'reasonCode' && list) || (field === 'reasonText' && list)) states[field] = 'optional'
    else states[field] = 'off'
  }
  return states
}

/**
 * R3.4: the hours a category decision grants, read from the person's computed Norwegian
 * category (`total` = Norwegian + social studies); null when the type takes no automatic
 * hours, the person has no Norwegian category with hours, or the person is under the 2021
 * act (R12.0.5 / R12.3.1: no automatic hours, the decision's hours stay empty).
 */
export function automaticDecisionHours(type: DecisionType, evaluation: Evaluation): number | null {
  if (APPLIES[type].hours !== 'auto' || is2021Regime(evaluation.regime.introNorsk.regime)) return null
  return evaluation.categories.find((c) => c.scheme === 'norsk')?.hours?.total ?? null
}
