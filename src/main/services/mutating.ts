import type { Reason, Result } from '../../shared/api'
import { failWith, ok } from '../../shared/api'
import { auditCommandPayloadSchemas, commandPayloadSchemas, readsPersonData, type AuditCommand, type AuditCommandType, type Command, type User } from '../../shared/domain'
import { commandSpec, hasWriteRole, osloDateOfMs, RULES_VERSION, type CheckContext } from '../../shared/rules'
import type { Replica, ReplicaDb } from '../db/open'
import { outbox } from '../db/schema'
import { readSyncState, updateSyncState } from '../db/state'
import { checkOnDevice } from './evaluation'
import { uuidv7 } from './uuid7'

/**
 * Version of the commands' input schemas, stored with each outbox row so the register knows
 * which shape it is reading (A4). Bump it when a payload schema changes incompatibly.
 */
export const CONTRACT_VERSION = 1

/**
 * Changes to the replica that concern this device alone (the person list, D5): they go
 * through the same wrapper — access check, one transaction — but queue nothing, because the
 * register keeps no person lists.
 */
export type LocalCommand = { type: 'personList.add'; payload: { personId: string } } | { type: 'personList.remove'; payload: { personId: string } }

/** Everything that changes the replica on a caseworker's behalf. */
export type DeviceCommand = Command | AuditCommand | LocalCommand

/** Who acts, on which replica, when. */
export interface MutationContext {
  replica: Replica
  user: User
  now: Date
}

/** What the write step receives: the transaction, and the outbox id the mutation will get. */
export interface MutationWrite {
  tx: ReplicaDb
  mutationId: string
}

/** How the device treats the commands that have no rules check (audit records, local lists). */
interface DeviceCommandSpec {
  /** R9 / D2: reasons to refuse before anything is read or written. */
  access: (user: User) => Reason[]
  /** False for local-only changes: no outbox row. */
  queued: boolean
  personId: (payload: { personId?: string }) => string | null
}

const readers = (user: User): Reason[] => (readsPersonData(user.roles) ? [] : [{ code: 'NO_PERSON_ACCESS', field: 'personId' }])
const anyone = (): Reason[] => []

const deviceSpecs: Record<AuditCommandType | LocalCommand['type'], DeviceCommandSpec> = {
  // D12: a read is audited only for users who may read person data at all.
  'audit.read': { access: readers, queued: true, personId: (p) => p.personId ?? null },
  // A4: whoever holds the session confirms what their own pull removes.
  'audit.scopeExitsConfirmed': { access: anyone, queued: true, personId: () => null },
  'personList.add': { access: readers, queued: false, personId: (p) => p.personId ?? null },
  'personList.remove': { access: anyone, queued: false, personId: (p) => p.personId ?? null },
}

function isRulesCommand(c: DeviceCommand): c is Command {
  return Object.hasOwn(commandPayloadSchemas, c.type)
}

/**
 * The one path by which a service changes the replica (style.md 7, A3): access check →
 * `checkCommand` on the replica snapshot (commands with rules) → ONE transaction that runs
 * `write` and appends the outbox row with the next gap-free per-device `seq`. A refusal
 * writes nothing; an exception inside `write` rolls back the row and the outbox entry alike
 * (and is rethrown: a bug, not a reason). Warnings of an accepted command do not stop it.
 */
export function mutating<T>(ctx: MutationContext, command: DeviceCommand, write: (w: MutationWrite) => T): Result<T> {
  const refused = accessReasons(ctx, command)
  if (refused.length > 0) return failWith(refused)
  if (isRulesCommand(command)) {
    const checked = checkOnDevice(ctx.replica, command, checkContext(ctx))
    if (checked.errors.length > 0) return failWith(checked.errors.map((r) => ({ ...r, severity: 'error' as const })))
  }
  const mutationId = uuidv7(ctx.now.getTime())
  const value = ctx.replica.db.transaction((tx) => {
    const result = write({ tx, mutationId })
    if (queued(command)) appendOutbox(ctx, tx, command as Command | AuditCommand, mutationId)
    return result
  })
  return ok(value)
}

function accessReasons({ user }: MutationContext, command: DeviceCommand): Reason[] {
  if (!isRulesCommand(command)) return deviceSpecs[command.type].access(user)
  const area = commandSpec(command.type).area(command.payload as never)
  // R9 role first, before the snapshot is even built; scope is judged by `checkCommand`.
  return hasWriteRole(user.roles, area) ? [] : [{ code: 'NOT_PERMITTED', field: 'command', values: { area }, severity: 'error' }]
}

function queued(command: DeviceCommand): boolean {
  return isRulesCommand(command) || deviceSpecs[command.type].queued
}

function checkContext(ctx: MutationContext): CheckContext {
  const state = readSyncState(ctx.replica)
  return {
    user: { roles: ctx.user.roles, municipality: ctx.user.municipality, district: ctx.user.district },
    recordedAt: ctx.now.toISOString(),
    today: osloDateOfMs(ctx.now.getTime()),
    lastSyncAt: state.lastSyncAt,
  }
}

/** The person a command concerns (for the outbox's per-person index and badges). */
function personOf(command: DeviceCommand): string | null {
  if (!isRulesCommand(command)) return deviceSpecs[command.type].personId(command.payload as { personId?: string })
  const payload = command.payload as { personId?: unknown }
  return typeof payload.personId === 'string' ? payload.personId : null
}

function naturalKeyOf(command: DeviceCommand): string | null {
  return isRulesCommand(command) ? commandSpec(command.type).naturalKey(command.payload as never) : null
}

/** ISO 8601 with the device's own offset (A3 `recorded_at`), e.g. `2025-02-14T10:00:00.000+01:00`. */
export function withOffset(d: Date): string {
  const offsetMin = -d.getTimezoneOffset()
  const local = new Date(d.getTime() + offsetMin * 60_000).toISOString().slice(0, -1)
  const sign = offsetMin < 0 ? '-' : '+'
  const abs = Math.abs(offsetMin)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

function appendOutbox(ctx: MutationContext, tx: ReplicaDb, command: Command | AuditCommand, id: string): void {
  const state = readSyncState(ctx.replica)
  const schema = isRulesCommand(command) ? commandPayloadSchemas[command.type] : auditCommandPayloadSchemas[command.type]
  tx.insert(outbox)
    .values({
      id,
      seq: state.nextOutboxSeq,
      command: command.type,
      // The parsed payload: exactly the shape the schema accepts, nothing the caller added.
      payload: JSON.stringify(schema.parse(command.payload)),
      contractVersion: CONTRACT_VERSION,
      rulesVersion: RULES_VERSION,
      naturalKey: naturalKeyOf(command),
      recordedAt: withOffset(ctx.now),
      recordedAtServerEstimate: new Date(ctx.now.getTime() + state.serverOffsetMs).toISOString(),
      userId: ctx.user.id,
      personId: personOf(command),
    })
    .run()
  // Same connection, same transaction: the sequence moves only if the row is kept.
  updateSyncState(ctx.replica, { nextOutboxSeq: state.nextOutboxSeq + 1 })
}
