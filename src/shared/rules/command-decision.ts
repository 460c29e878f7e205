import type { IsoDate } from '../calendar'
import type { DecisionCommandPayload } from '../domain/command'
import type { DecisionType } from '../domain/registrations'
import type { DecisionScheme } from '../domain/scheme'
import type { PersonSnapshot } from '../domain/snapshot'
import type { CheckInput } from './checks/context'
import { checkDecisionFields } from './checks/decision'
import { checkDecision2021 } from './checks/decision-2021'
import { int2021RegistrationsOf } from './int2021/from-snapshot'
import { checkEnding } from './checks/ending'
import { offeredFor, type SchemeView } from './checks/offered'
import { programmeFacts } from './checks/programme'
import { evaluatePerson, type Evaluation } from './evaluate'
import type { EventDateCheck } from './window'

/** R4 view of one scheme from `evaluatePerson` (`ingen` = no status to offer from). */
function schemeView(ev: Evaluation, scheme: DecisionScheme): SchemeView {
  const status = ev.schemes[scheme].status
  return { status: status === 'ingen' ? null : status, category: ev.categories.find((c) => c.scheme === scheme) ?? null, regime: ev.regime.introNorsk.regime }
}

/**
 * R4: decision types the dialog offers for `scheme` at `today`, from the person's status
 * and category (`evaluatePerson`). Empty when the person has no category or status there.
 */
export function offeredDecisionTypes(snapshot: PersonSnapshot, scheme: DecisionScheme, today: IsoDate): DecisionType[] {
  return offeredDecisionTypesOf(snapshot, scheme, evaluatePerson(snapshot, today))
}

/**
 * R4 as `offeredDecisionTypes`, from an evaluation already computed for the snapshot (the
 * device's `PersonView.evaluation`), so a screen offers exactly what the check accepts.
 */
export function offeredDecisionTypesOf(snapshot: PersonSnapshot, scheme: DecisionScheme, evaluation: Evaluation): DecisionType[] {
  return offeredFor(snapshot, scheme, schemeView(evaluation, scheme))
}

/** R5.2 completion deadline as `evaluatePerson` computed it, or null. */
export function completionDeadline(e: Evaluation): IsoDate | null {
  return e.schemes.intro.deadlines.find((x) => x.key === 'introCompletion')?.date ?? null
}

/**
 * R4 for a decision: the type must be offered in the status the person had before this
 * decision (an edit, same id, is judged without its earlier version); then the fields, with
 * the 2021 act's (R12.3.1, by the regime before this decision); a permanent stop's ending is
 * checked with R5.6 under `ending.`.
 */
export function decisionChecks(input: CheckInput, d: DecisionCommandPayload): void {
  const { snapshot, today, f } = input
  const others = snapshot.registrations.decisions.filter((x) => x.id !== d.id)
  const before = others.length === snapshot.registrations.decisions.length ? snapshot : { ...snapshot, registrations: { ...snapshot.registrations, decisions: others } }
  const evaluation = evaluatePerson(before, today)
  const view = schemeView(evaluation, d.scheme)
  if (!offeredFor(before, d.scheme, view).includes(d.type)) {
    f.error('DECISION_TYPE_NOT_OFFERED', 'type', { type: d.type, status: view.status ?? 'ingen' })
  }
  checkDecisionFields(input, d)
  // The same 2021 facts `evaluatePerson` reads (background, final goal), for the band warnings.
  checkDecision2021(input, d, evaluation.regime.introNorsk.regime, { snapshot: before, registrations: int2021RegistrationsOf(before) })
  if (d.ending) checkEnding(input, d.ending, programmeFacts(snapshot, completionDeadline(evaluation), evaluation.regime.introNorsk.regime), 'ending.', true)
}

/** R8.1: the decision date, and a permanent stop's end date. */
export function decisionEventDates(d: DecisionCommandPayload): EventDateCheck[] {
  const out: EventDateCheck[] = [{ date: d.decisionDate, field: 'decisionDate', mayBeFuture: false }]
  if (d.ending) out.push({ date: d.ending.endDate, field: 'ending.endDate', mayBeFuture: false })
  return out
}
