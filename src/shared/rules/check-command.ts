import type { IsoDate } from '../calendar'
import { commandSchema, type Command, type DecisionCommandPayload } from '../domain/command'
import type { DecisionType, Scheme } from '../domain/registrations'
import type { PersonSnapshot } from '../domain/snapshot'
import { checkAbsence, checkHoliday, checkParentalLeaveAbsence } from './checks/absence'
import { checkAsylnorskWeek, checkOffer } from './checks/asylnorsk'
import { Findings, type CheckContext, type CheckInput, type CheckResult } from './checks/context'
import { checkDecisionFields } from './checks/decision'
import { checkEnding } from './checks/ending'
import { checkClaim, checkContact, checkLanguageTrack } from './checks/kartlegging'
import { checkAddMeasures, checkDeleteMeasure, checkReplaceMeasures } from './checks/measures'
import { offeredFor, type SchemeView } from './checks/offered'
import { programmeFacts } from './checks/programme'
import { checkDeleteWeek, checkSaveWeek } from './checks/weekly'
import { evaluatePerson, type Evaluation } from './evaluate'
import { permissionReasons, type WriteArea } from './permissions'
import { eventDateReasons, judgedTime, type EventDateCheck } from './window'

export type { CheckContext, CheckResult } from './checks/context'

/** R4 view of one scheme from `evaluatePerson` (`ingen` = no status to offer from). */
function schemeView(ev: Evaluation, scheme: Scheme): SchemeView {
  const status = ev.schemes[scheme].status
  return { status: status === 'ingen' ? null : status, category: ev.categories.find((c) => c.scheme === scheme) ?? null }
}

/**
 * R4: decision types the dialog offers for `scheme` at `today`, from the person's status
 * and category (`evaluatePerson`). Empty when the person has no category or status there.
 */
export function offeredDecisionTypes(snapshot: PersonSnapshot, scheme: Scheme, today: IsoDate): DecisionType[] {
  return offeredFor(snapshot, scheme, schemeView(evaluatePerson(snapshot, today), scheme))
}

/** R9: which role family a command needs. */
function areaOf(c: Command): WriteArea {
  switch (c.type) {
    case 'registerDecision':
    case 'registerContact':
    case 'registerClaim':
      return c.payload.scheme
    case 'saveWeek':
    case 'deleteWeek':
    case 'registerLanguageTrack':
      return 'norsk'
    case 'saveAsylnorskWeek':
      return 'asylnorsk'
    case 'registerAsylnorskOffer':
      return 'asylnorskOffer'
    default:
      return 'intro'
  }
}

/** Every person reference of a command with its field (batch commands hold one per row). */
function personIdsOf(c: Exclude<Command, { type: 'registerAsylnorskOffer' }>): [string, string][] {
  const out: [string, string][] = [['personId', c.payload.personId]]
  if (c.type === 'addMeasures') c.payload.measures.forEach((m, i) => out.push([`measures.${i}.personId`, m.personId]))
  if (c.type === 'replaceMeasures') c.payload.replacements.forEach((r, i) => out.push([`replacements.${i}.personId`, r.personId]))
  if (c.type === 'registerDecision' && c.payload.ending) out.push(['ending.personId', c.payload.ending.personId])
  return out
}

/** An R8 event date check; `null` dates (unknown rows) are skipped. */
const ev = (date: IsoDate | null | undefined, field: string, mayBeFuture: boolean): EventDateCheck[] =>
  date ? [{ date, field, mayBeFuture }] : []

/**
 * R4 for a decision: the type must be offered in the status the person had before this
 * decision (an edit, same id, is judged without its earlier version); then the fields; a
 * permanent stop's ending is checked with R5.6 under `ending.`.
 */
function decisionChecks(input: CheckInput, d: DecisionCommandPayload): EventDateCheck[] {
  const { snapshot, today, f } = input
  const others = snapshot.registrations.decisions.filter((x) => x.id !== d.id)
  const before = others.length === snapshot.registrations.decisions.length ? snapshot : { ...snapshot, registrations: { ...snapshot.registrations, decisions: others } }
  const evaluation = evaluatePerson(before, today)
  const view = schemeView(evaluation, d.scheme)
  if (!offeredFor(before, d.scheme, view).includes(d.type)) {
    f.error('DECISION_TYPE_NOT_OFFERED', 'type', { type: d.type, status: view.status ?? 'ingen' })
  }
  checkDecisionFields(input, d)
  if (!d.ending) return ev(d.decisionDate, 'decisionDate', false)
  checkEnding(input, d.ending, programmeFacts(snapshot, completionDeadline(evaluation)), 'ending.', true)
  return [...ev(d.decisionDate, 'decisionDate', false), ...ev(d.ending.endDate, 'ending.endDate', false)]
}

function completionDeadline(e: Evaluation): IsoDate | null {
  return e.schemes.intro.deadlines.find((x) => x.key === 'introCompletion')?.date ?? null
}

/** The per-command rules; returns the command's R8.1 event dates. */
function commandChecks(input: CheckInput, c: Command): EventDateCheck[] {
  const { snapshot, today } = input
  const lazy = () => evaluatePerson(snapshot, today)
  const programme = () => programmeFacts(snapshot, completionDeadline(lazy()))
  switch (c.type) {
    case 'registerDecision':
      return decisionChecks(input, c.payload)
    case 'registerContact':
      checkContact(input, c.payload)
      return ev(c.payload.date, 'date', false)
    case 'registerClaim':
      checkClaim(input, c.payload)
      return ev(c.payload.date, 'date', false)
    case 'saveWeek': {
      const hours = lazy().categories.find((x) => x.scheme === 'norsk')?.hours?.total ?? null
      return ev(checkSaveWeek(input, c.payload, hours), 'isoWeek', true)
    }
    case 'deleteWeek':
      return ev(checkDeleteWeek(input, c.payload), 'id', true)
    case 'addMeasures':
      checkAddMeasures(input, c.payload.measures, programme())
      return c.payload.measures.flatMap((m, i) => ev(m.fromDate, `measures.${i}.fromDate`, true))
    case 'replaceMeasures':
      checkReplaceMeasures(input, c.payload.replacements, programme())
      return c.payload.replacements.flatMap((r, i) => ev(r.fromDate, `replacements.${i}.fromDate`, true))
    case 'deleteMeasure':
      return ev(checkDeleteMeasure(input, c.payload, programme())?.fromDate, 'id', true)
    case 'registerAbsence':
      checkAbsence(input, c.payload, programme())
      return ev(c.payload.toDate, 'toDate', false)
    case 'registerHoliday':
      checkHoliday(input, c.payload, programme())
      return ev(c.payload.toDate, 'toDate', false)
    case 'registerParentalLeaveAbsence':
      checkParentalLeaveAbsence(input, c.payload, programme())
      return ev(c.payload.toDate, 'toDate', false)
    case 'registerEnding':
      checkEnding(input, c.payload, programme())
      return ev(c.payload.endDate, 'endDate', false)
    case 'registerLanguageTrack':
      checkLanguageTrack(input, c.payload)
      return ev(c.payload.date, 'date', false)
    case 'saveAsylnorskWeek':
      return ev(checkAsylnorskWeek(input, c.payload, lazy().categories), 'isoWeek', true)
    case 'registerAsylnorskOffer':
      return []
  }
}

/**
 * R0: checks one command against the person's snapshot. Order: input shape; A5 recorded
 * time; R9 role and scope (a refusal stops here, so nothing about an out-of-scope person
 * leaks); the command's own rules (R4–R7); R8 on its event dates.
 * `snapshot` is null only for `registerAsylnorskOffer`, which belongs to no person (its
 * existing offers come in `context.asylnorskOffers`). Pure and deterministic: the same
 * input gives the same reasons in the same order.
 */
export function checkCommand(command: Command, snapshot: PersonSnapshot | null, context: CheckContext): CheckResult {
  const f = new Findings()
  const parsed = commandSchema.safeParse(command)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) f.error('INVALID_INPUT', issue.path.filter((p) => p !== 'payload').join('.') || 'command')
    return f.result()
  }
  const c = parsed.data
  const judged = judgedTime(context)
  f.add(judged.errors)
  if (c.type === 'registerAsylnorskOffer') {
    f.add(permissionReasons(context.user, 'asylnorskOffer', { municipality: c.payload.municipality }))
    if (f.errors.length === 0) checkOffer(f, c.payload, context.asylnorskOffers ?? [])
    return f.result()
  }
  if (!snapshot) return f.error('PERSON_NOT_FOUND', 'personId').result()
  const mismatch = personIdsOf(c).find(([, id]) => id !== snapshot.person.id)
  if (mismatch) return f.error('PERSON_MISMATCH', mismatch[0]).result()
  const refused = permissionReasons(context.user, areaOf(c), snapshot.person)
  if (refused.length > 0) return f.add(refused).result()
  const input: CheckInput = { snapshot, ctx: context, today: context.today, f }
  const events = commandChecks(input, c)
  if (judged.date !== null) {
    for (const e of events) f.add(eventDateReasons(e, judged.date, context.today, context.user.roles))
  }
  return f.result()
}
