import type { Command, PersonSnapshot } from '../../shared/domain'
import {
  checkCommand,
  checkParsedCommand,
  commandSpecs,
  evaluatePerson,
  osloDateOfMs,
  programmePlan,
  snapshotFromBase,
  type CheckContext,
  type CheckResult,
  type Evaluation,
  type ProgrammePlan,
} from '../../shared/rules'
import type { PersonBundle } from '../../shared/sync'
import type { Replica } from '../db/open'
import { offersOnDevice, ruleCodeLists } from '../db/rule-reads'
import { readPersonBundle } from '../db/row-readers'

export { offersOnDevice, ruleCodeLists }

/**
 * The person's categories, statuses and deadlines computed on the device by the shared rules
 * from the replica — the same `snapshotFromBase` + `evaluatePerson` the central register runs
 * on import, so both show the same result for the same data. "Today" is the device's date in
 * Norway (R11.11).
 */
export function evaluateOnDevice(replica: Replica, bundle: PersonBundle, now: Date): Evaluation {
  return evaluatePerson(snapshotFromBase(bundle, ruleCodeLists(replica)), osloDateOfMs(now.getTime()))
}

/**
 * R5.4: the person's programme plan as the rules read it from the same snapshot they judge
 * (plan flags are not reference data, so no code lists are needed).
 */
export function introPlanOnDevice(bundle: PersonBundle): ProgrammePlan {
  return programmePlan(snapshotFromBase(bundle, []))
}

/**
 * The rules' input for a person from the replica (the server's `serverSnapshot` from
 * PostgreSQL is its twin, A9), or null when the person is not in the replica: base data and
 * registrations from the bundle, the follow-up municipality's asylnorsk offers.
 */
export function snapshotOnDevice(replica: Replica, personId: string): PersonSnapshot | null {
  // The rule fields and rows only (`readPersonBundle`): the save path's read.
  const bundle = readPersonBundle(replica, personId)
  return bundle ? snapshotFromBase(bundle, ruleCodeLists(replica), offersOnDevice(replica, bundle.person.followUpMunicipality)) : null
}

/** The person a command is about; null for a command on the municipality (`asylnorsk.registerOffer`) or a malformed one. */
function commandPersonId(command: Command): string | null {
  const id = (command as { payload?: { personId?: unknown } }).payload?.personId
  // `?.`: the command is not parsed yet here, and an unknown type names no person.
  return commandSpecs[command.type]?.permission !== 'person' || typeof id !== 'string' ? null : id
}

/** What the device judged a command on: the result, and the snapshot the effects are computed from. */
export interface DeviceJudgement {
  result: CheckResult
  snapshot: PersonSnapshot | null
}

/**
 * R0 on the device: `checkCommand` against the replica's snapshot (the server's `checkOnServer`
 * twin). A command on the municipality is judged against the municipality's offers in the replica.
 */
export function judgeOnDevice(replica: Replica, command: Command, context: CheckContext, parsed = false): DeviceJudgement {
  const personId = commandPersonId(command)
  const snapshot = personId === null ? null : snapshotOnDevice(replica, personId)
  const municipality = municipalityOf(command)
  const ctx = municipality === null || context.asylnorskOffers ? context : { ...context, asylnorskOffers: offersOnDevice(replica, municipality) }
  // `parsed`: the caller parsed the command with `commandSchema` already (the save path).
  return { result: parsed ? checkParsedCommand(command, snapshot, ctx) : checkCommand(command, snapshot, ctx), snapshot }
}

/** R0 on the device: the reasons only. */
export function checkOnDevice(replica: Replica, command: Command, context: CheckContext): CheckResult {
  return judgeOnDevice(replica, command, context).result
}

/** The municipality a command on the municipality names (the yearly offer, R7.1), else null. */
function municipalityOf(command: Command): string | null {
  const m = (command as { payload?: { municipality?: unknown } }).payload?.municipality
  return commandSpecs[command.type]?.permission === 'municipality' && typeof m === 'string' ? m : null
}
