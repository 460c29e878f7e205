import type { Reason, Result } from '../../shared/api'
import { failWith, ok } from '../../shared/api'
import { and, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm'
import {
  auditCommandPayloadSchemas,
  commandPayloadSchemas,
  commandSchema,
  readsPersonData,
  type AuditCommand,
  type AuditCommandType,
  type Command,
  type User,
} from '../../shared/domain'
import {
  checkCommand,
  commandEffects,
  commandSpec,
  effectRef,
  hasWriteRole,
  osloDateOfMs,
  refKey,
  RULES_VERSION,
  type CheckContext,
  type Effect,
  type EntityRef,
} from '../../shared/rules'
import type { SyncProblemRow } from '../../shared/api'
import { entityTables, toDomain } from '../db/entities'
import type { Replica, ReplicaDb } from '../db/open'
import { outbox, persons } from '../db/schema'
import { problemStates } from '../sync/problems'
import { readSyncState, setNextOutboxSeq, type SyncStateRow } from '../db/state'
import { preparedOnce } from '../db/prepared'
import { upsertRow } from '../db/upsert'
import { judgeOnDevice } from './evaluation'
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

/**
 * What the write step receives: the transaction, the outbox id the mutation will get, and for
 * a command with rules the effects already written and the warnings it was accepted with.
 */
export interface MutationWrite {
  tx: ReplicaDb
  mutationId: string
  effects: Effect[]
  warnings: Reason[]
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
 * `checkCommand` on the replica snapshot (commands with rules; every error in one pass) →
 * ONE transaction that writes the command's effects (`commandEffects`, the rows the register
 * will write too), runs `write` and appends the outbox row with the next gap-free per-device
 * `seq`, its entity refs, base versions and dependency. A refusal writes nothing; an
 * exception inside `write` rolls back the rows and the outbox entry alike (and is rethrown:
 * a bug, not a reason). Warnings of an accepted command do not stop it: `write` gets them.
 */
export function mutating<T>(ctx: MutationContext, command: DeviceCommand, write: (w: MutationWrite) => T): Result<T> {
  const refused = accessReasons(ctx, command)
  if (refused.length > 0) return failWith(refused)
  let effects: Effect[] = []
  let warnings: Reason[] = []
  let queuedCommand = command
  const state = readSyncState(ctx.replica)
  if (isRulesCommand(command)) {
    // Parsed once: the checks, the effects and the outbox row all read the parsed command —
    // exactly the shape the schema accepts, nothing the caller added.
    const parsed = commandSchema.safeParse(command)
    const judged = parsed.success
      ? judgeOnDevice(ctx.replica, parsed.data, checkContext(ctx, state), true)
      : { result: checkCommand(command, null, checkContext(ctx, state)), snapshot: null }
    if (judged.result.errors.length > 0) return failWith(judged.result.errors.map((r) => ({ ...r, severity: 'error' as const })))
    if (!parsed.success) throw new Error(`${command.type}: a malformed command passed its check`)
    warnings = judged.result.warnings.map((r) => ({ ...r, severity: 'warning' as const }))
    queuedCommand = parsed.data
    effects = commandEffects(queuedCommand, judged.snapshot)
  }
  const mutationId = uuidv7(ctx.now.getTime())
  // better-sqlite3's own transaction (a savepoint when one is open): drizzle's wrapper builds a
  // whole query API object per transaction, a tenth of a save's garbage. `tx` is the same
  // connection, so everything written through it is inside this transaction.
  const tx = ctx.replica.db
  const value = ctx.replica.sqlite.transaction(() => {
    const bookkeeping = writeEffects(ctx.replica, tx, effects)
    const result = write({ tx, mutationId, effects, warnings })
    if (queued(queuedCommand)) appendOutbox(ctx, state, queuedCommand as Command | AuditCommand, mutationId, bookkeeping)
    if (isRulesCommand(queuedCommand)) resolveResubmitted(ctx.replica, naturalKeyOf(queuedCommand), bookkeeping.entityRefs)
    return result
  })()
  // A4: a caseworker's registration goes to the register soon when online; an audit read waits for the next cycle.
  if (isRulesCommand(queuedCommand)) committedListeners.get(ctx.replica)?.()
  return ok(value)
}

/** Per open replica: what runs after a caseworker command commits (the sync scheduler's "sync soon"). */
const committedListeners = new WeakMap<Replica, () => void>()

/** Registers the one listener of `replica` (the scheduler of its session); returns the unregister. */
export function onCommandCommitted(replica: Replica, listener: () => void): () => void {
  committedListeners.set(replica, listener)
  return () => {
    if (committedListeners.get(replica) === listener) committedListeners.delete(replica)
  }
}

/**
 * A4 fix and resubmit: saving the same row again (same entity refs) or the same record (same
 * natural key) after the register refused it supersedes the refused attempt. Its problem is
 * resolved `resubmitted` in the save's own transaction, so the list never shows a fixed problem.
 */
function resolveResubmitted(replica: Replica, naturalKey: string | null, refs: readonly EntityRef[]): void {
  const open = preparedOnce(replica, 'outbox.openProblems', (db) =>
    db
      .select({ id: outbox.id, naturalKey: outbox.naturalKey, entityRefs: outbox.entityRefs })
      .from(outbox)
      .where(and(inArray(outbox.state, problemStates), isNull(outbox.resolution)))
      .prepare(),
  ).all()
  const keys = new Set(refs.map(refKey))
  for (const p of open) {
    const sameKey = naturalKey !== null && p.naturalKey === naturalKey
    const sameRow = (JSON.parse(p.entityRefs) as EntityRef[]).some((r) => keys.has(refKey(r)))
    if (sameKey || sameRow) replica.db.update(outbox).set({ resolution: 'resubmitted' }).where(eq(outbox.id, p.id)).run()
  }
}

/** What the outbox row records about the rows a mutation touches (A4). */
interface EffectBookkeeping {
  entityRefs: EntityRef[]
  /** `<entity>:<id>` → the replica's server version before the edit (null: not on the register yet). */
  baseVersions: Record<string, number | null>
  /** The latest unsent mutation that created or changed one of these rows, when there is one. */
  dependsOn: string | null
  /** The rows as they were before the effects (row null: did not exist or was deleted), for the conflict view. */
  baseRows: SyncProblemRow[]
}

/**
 * Writes a command's effects to the replica's synced tables: an upsert keeps the row's server
 * version (the base the register will compare), a delete sets the tombstone flag. Returns
 * what the outbox row needs to know about the rows it touched.
 */
function writeEffects(replica: Replica, tx: ReplicaDb, effects: readonly Effect[]): EffectBookkeeping {
  const out: EffectBookkeeping = { entityRefs: [], baseVersions: {}, dependsOn: null, baseRows: [] }
  for (const e of effects) {
    const ref = effectRef(e)
    const { table, key } = entityTables[e.entity]
    // Every replica table has the sync columns `serverVersion` and `deleted` (db/schema syncColumns).
    const before = preparedOnce(replica, `effect.before:${e.entity}`, (db) =>
      db
        .select()
        .from(table)
        .where(eq(key, sql.placeholder('id')))
        .prepare(),
    ).get({ id: ref.id }) as (Record<string, unknown> & { serverVersion: number | null; deleted: boolean }) | undefined
    const current = before ? { v: before.serverVersion } : undefined
    out.entityRefs.push(ref)
    out.baseVersions[refKey(ref)] = current?.v ?? null
    out.baseRows.push({
      entity: ref.entity,
      id: ref.id,
      version: current?.v ?? null,
      row: before && !before.deleted ? (toDomain(ref.entity, before) as Record<string, unknown>) : null,
    })
    if (current && current.v === null) out.dependsOn ??= pendingWriterOf(tx, ref)
    if (e.op === 'delete') {
      tx.update(table)
        .set({ deleted: true } as never)
        .where(eq(key, ref.id))
        .run()
    } else {
      upsertRow(replica, e.entity, { ...e.row, deleted: false })
    }
  }
  return out
}

/** A4 `depends_on`: the latest unsent mutation that touched a row the register does not have yet. */
function pendingWriterOf(tx: ReplicaDb, ref: EntityRef): string | null {
  const row = tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.state, ['pending', 'sent']), like(outbox.entityRefs, `%${JSON.stringify(ref)}%`)))
    .orderBy(desc(outbox.seq))
    .limit(1)
    .get()
  return row?.id ?? null
}

function accessReasons({ user, replica }: MutationContext, command: DeviceCommand): Reason[] {
  if (!isRulesCommand(command)) return deviceSpecs[command.type].access(user)
  const area = commandSpec(command.type).area(command.payload as never)
  // R9 role first, before the snapshot is even built; scope is judged by `checkCommand`.
  if (!hasWriteRole(user.roles, area)) return [{ code: 'NOT_PERMITTED', field: 'command', values: { area }, severity: 'error' }]
  // A4: a person kept only for their unsent/refused work is read-only until it is resolved.
  const personId = personOf(command)
  const kept = personId
    ? preparedOnce(replica, 'person.kept', (db) =>
        db
          .select({ kept: persons.keptAfterScopeExit })
          .from(persons)
          .where(eq(persons.id, sql.placeholder('personId')))
          .prepare(),
      ).get({ personId })
    : undefined
  return kept?.kept ? [{ code: 'PERSON_KEPT_AFTER_SCOPE_EXIT', field: 'personId', severity: 'error' }] : []
}

function queued(command: DeviceCommand): boolean {
  return isRulesCommand(command) || deviceSpecs[command.type].queued
}

function checkContext(ctx: MutationContext, state: SyncStateRow): CheckContext {
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

/** The outbox insert, prepared once per replica: every column a placeholder of the same name. */
const outboxInsertColumns = [
  'id',
  'seq',
  'command',
  'payload',
  'contractVersion',
  'rulesVersion',
  'naturalKey',
  'entityRefs',
  'baseVersions',
  'baseRows',
  'dependsOn',
  'recordedAt',
  'recordedAtServerEstimate',
  'userId',
  'personId',
] as const satisfies readonly (keyof typeof outbox.$inferInsert)[]

function appendOutbox(ctx: MutationContext, state: SyncStateRow, command: Command | AuditCommand, id: string, bookkeeping: EffectBookkeeping): void {
  // A rules command arrives parsed (`mutating`); an audit record is parsed here.
  const payload = isRulesCommand(command) ? command.payload : auditCommandPayloadSchemas[command.type].parse(command.payload)
  const insert = preparedOnce(ctx.replica, 'outbox.insert', (db) =>
    db
      .insert(outbox)
      .values(Object.fromEntries(outboxInsertColumns.map((c) => [c, sql.placeholder(c)])) as never)
      .prepare(),
  )
  insert.run({
    id,
    seq: state.nextOutboxSeq,
    command: command.type,
    payload: JSON.stringify(payload),
    contractVersion: CONTRACT_VERSION,
    rulesVersion: RULES_VERSION,
    naturalKey: naturalKeyOf(command),
    entityRefs: JSON.stringify(bookkeeping.entityRefs),
    baseVersions: JSON.stringify(bookkeeping.baseVersions),
    baseRows: JSON.stringify(bookkeeping.baseRows),
    dependsOn: bookkeeping.dependsOn,
    recordedAt: withOffset(ctx.now),
    recordedAtServerEstimate: new Date(ctx.now.getTime() + state.serverOffsetMs).toISOString(),
    userId: ctx.user.id,
    personId: personOf(command),
  } satisfies Record<(typeof outboxInsertColumns)[number], unknown>)
  // Same connection, same transaction: the sequence moves only if the row is kept.
  setNextOutboxSeq(ctx.replica, state.nextOutboxSeq + 1)
}
