import { commandSchema, type Command, type CommandPayload, type CommandType } from '../domain/command'
import type { PersonSnapshot } from '../domain/snapshot'
import { NOT_A_CALENDAR_DATE } from '../domain/common'
import { Findings, type CheckContext, type CheckInput, type CheckResult } from './checks/context'
import { programmeFacts } from './checks/programme'
import { completionDeadline } from './command-decision'
import { commandSpec, type PersonCommandSpec, type PersonFacts } from './command-specs'
import { evaluatePerson, type Evaluation } from './evaluate'
import { permissionReasons } from './permissions'
import { eventDateReasons, judgedTime } from './window'

export type { CheckContext, CheckResult } from './checks/context'
export { offeredDecisionTypes, offeredDecisionTypesOf } from './command-decision'

/** Evaluation and programme facts, each computed at most once per check. */
function lazyFacts(snapshot: PersonSnapshot, today: string): PersonFacts {
  let evaluation: Evaluation | undefined
  const facts: PersonFacts = {
    evaluation: () => (evaluation ??= evaluatePerson(snapshot, today)),
    programme: () => programmeFacts(snapshot, completionDeadline(facts.evaluation()), facts.evaluation().regime.introNorsk.regime),
  }
  return facts
}

/**
 * R0: checks one command against the person's snapshot. Order: input shape; A5 recorded
 * time; R9 role and scope (a refusal stops here, so nothing about an out-of-scope person
 * leaks); the command's own rules (R4–R7); R8 on its event dates. Every step comes from
 * the command's description in `commandSpecs`.
 * `snapshot` is null only for commands on the municipality (`asylnorsk.registerOffer`,
 * whose existing offers come in `context.asylnorskOffers`). Pure and deterministic: the
 * same input gives the same reasons in the same order.
 */
export function checkCommand(command: Command, snapshot: PersonSnapshot | null, context: CheckContext): CheckResult {
  const f = new Findings()
  const parsed = commandSchema.safeParse(command)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.filter((p) => p !== 'payload').join('.') || 'command'
      // A well-shaped date that does not exist keeps its own reason (R0), as before the shared schema refused it.
      if (issue.message === NOT_A_CALENDAR_DATE)
        f.error('INVALID_DATE', field, { date: String(issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k], command)) })
      else f.error('INVALID_INPUT', field)
    }
    return f.result()
  }
  return checkParsedCommand(parsed.data, snapshot, context, f)
}

/**
 * `checkCommand` for a command already parsed by `commandSchema` (the device's save path
 * parses once and keeps the parsed command for its outbox row): the same steps after the
 * input shape, in the same order.
 */
export function checkParsedCommand(c: Command, snapshot: PersonSnapshot | null, context: CheckContext, f: Findings = new Findings()): CheckResult {
  const judged = judgedTime(context)
  f.add(judged.errors)
  const spec = commandSpec(c.type)
  const payload = c.payload as CommandPayload<CommandType>
  if (spec.permission === 'municipality') {
    f.add(permissionReasons(context.user, spec.area(payload), { municipality: spec.municipality(payload) }))
    if (f.errors.length === 0) spec.check(f, payload, context.asylnorskOffers ?? [])
    return f.result()
  }
  if (!snapshot) return f.error('PERSON_NOT_FOUND', 'personId').result()
  return checkOnPerson(spec, payload, snapshot, context, f, judged.date)
}

function checkOnPerson<T extends CommandType>(
  spec: PersonCommandSpec<T>,
  payload: CommandPayload<T>,
  snapshot: PersonSnapshot,
  context: CheckContext,
  f: Findings,
  judgedDate: string | null,
): CheckResult {
  const mismatch = spec.personRefs(payload).find(([, id]) => id !== snapshot.person.id)
  if (mismatch) return f.error('PERSON_MISMATCH', mismatch[0]).result()
  const refused = permissionReasons(context.user, spec.area(payload), snapshot.person)
  if (refused.length > 0) return f.add(refused).result()
  const input: CheckInput = { snapshot, ctx: context, today: context.today, f }
  spec.check(input, payload, lazyFacts(snapshot, context.today))
  if (judgedDate !== null) {
    for (const e of spec.eventDates(payload, snapshot)) f.add(eventDateReasons(e, judgedDate, context.today, context.user.roles))
  }
  return f.result()
}
