import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Change, ChangeSet, Cursor } from '../../shared/sync'
import { entitySchemas, personOwnedEntities } from '../../shared/sync'
import { entityTables, ownedTables } from '../db/entities'
import { indexPersonName, unindexPersonName } from '../db/name-index'
import type { Replica, ReplicaDb } from '../db/open'
import { heldChanges, outbox, persons, syncState } from '../db/schema'
import { hasOpenWork } from './problems'

type Tx = Parameters<Parameters<ReplicaDb['transaction']>[0]>[0]

/** What the pull stores with each page, in the same transaction as its changes (A4). */
export interface PageEnd {
  cursor: Cursor
  serverTime: string
  serverOffsetMs: number
  /** True on the last page of a cycle: the replica is now complete. */
  complete: boolean
}

/**
 * Applies one page of change sets and the new cursor in ONE transaction, so an interrupted
 * pull resumes exactly where it stopped and never stores a cursor without its changes.
 */
export function applyPage(replica: Replica, changeSets: ChangeSet[], end: PageEnd): void {
  replica.db.transaction((tx) => {
    const held = heldRows(tx)
    for (const set of changeSets) for (const change of set.changes) applyChange(replica, tx, change, held)
    forgetReleasedHolds(tx, held)
    releaseKeptPersons(replica, tx)
    storeCursor(tx, end)
  })
}

/**
 * A4: persons kept after a scope exit whose unsent and refused work is now resolved leave the
 * replica with this pull (every pull applies at least its last page, even an empty one).
 */
function releaseKeptPersons(replica: Replica, tx: Tx): void {
  const kept = tx.select({ id: persons.id }).from(persons).where(eq(persons.keptAfterScopeExit, true)).all()
  for (const { id } of kept) if (!hasOpenWork(tx, id)) dropPerson(replica, tx, id)
}

/**
 * A4: rows with a pending (unsent or unanswered) local mutation, as `<entity>:<id>`. The pull
 * does not overwrite them: the caseworker's edit stays on screen and keeps the server version
 * it started from, so the push meets the register's change as a `stale_base` conflict
 * instead of the edit vanishing. After a verdict the row is no longer held and the next pull
 * brings the register's state.
 */
function heldRows(tx: Tx): Set<string> {
  const rows = tx
    .select({ refs: outbox.entityRefs })
    .from(outbox)
    .where(inArray(outbox.state, ['pending', 'sent']))
    .all()
  const held = new Set<string>()
  for (const r of rows) for (const ref of JSON.parse(r.refs) as { entity: string; id: string }[]) held.add(`${ref.entity}:${ref.id}`)
  return held
}

/** A4 "warn before pushing": the register's version of a row this device holds an edit of. */
function noteHeldChange(tx: Tx, key: string, version: number): void {
  tx.insert(heldChanges).values({ key, version }).onConflictDoUpdate({ target: heldChanges.key, set: { version } }).run()
}

/** Notes of rows no longer held (their edit got its verdict) are history: the next state comes from the register. */
function forgetReleasedHolds(tx: Tx, held: ReadonlySet<string>): void {
  for (const { key } of tx.select({ key: heldChanges.key }).from(heldChanges).all()) if (!held.has(key)) tx.delete(heldChanges).where(eq(heldChanges.key, key)).run()
}

/**
 * `reset_required` (A4): wipe every synced table and apply the complete fresh download in
 * one transaction, so the replica swaps from the old lineage to the new one at once.
 * The person list, the session profile and queued audit reads are the user's, not synced.
 */
export function applyReset(replica: Replica, changeSets: ChangeSet[], end: PageEnd): void {
  replica.db.transaction((tx) => {
    for (const { table } of Object.values(entityTables)) tx.delete(table).run()
    replica.sqlite.prepare('DELETE FROM person_names').run()
    for (const set of changeSets) for (const change of set.changes) applyChange(replica, tx, change)
    storeCursor(tx, end)
  })
}

function storeCursor(tx: Tx, end: PageEnd): void {
  const patch: Partial<typeof syncState.$inferInsert> = {
    cursorEpoch: end.cursor.epoch,
    cursorSeq: end.cursor.seq,
    serverOffsetMs: end.serverOffsetMs,
  }
  if (end.complete) Object.assign(patch, { lastSyncAt: end.serverTime, firstSyncComplete: true })
  tx.update(syncState).set(patch).where(eq(syncState.id, 1)).run()
}

function applyChange(replica: Replica, tx: Tx, change: Change, held: ReadonlySet<string> = new Set()): void {
  if (change.kind === 'scopeExit') return dropPerson(replica, tx, change.personId)
  const { table, key } = entityTables[change.entity]
  if (held.has(`${change.entity}:${change.id}`)) {
    // Only a version past the one the edit started from is someone else's change (our own applied edits come back equal).
    const local = tx.select({ v: entityTables[change.entity].serverVersion }).from(table).where(eq(key, change.id)).get() as { v: number | null } | undefined
    if (change.version > (local?.v ?? 0)) noteHeldChange(tx, `${change.entity}:${change.id}`, change.version)
    return
  }
  if (change.kind === 'delete') {
    tx.update(table).set({ deleted: true, serverVersion: change.version }).where(eq(key, change.id)).run()
    if (change.entity === 'person') unindexPersonName(replica.sqlite, change.id)
    return
  }
  const data = entitySchemas[change.entity].parse(change.data) as Record<string, unknown>
  const row: Record<string, unknown> = { ...data, serverVersion: change.version, deleted: false }
  // A person that arrives through the pull is in scope: no longer a read-only cached copy.
  if (change.entity === 'person') {
    row.cachedReadOnly = false
    // Back in scope (moved back, or the scope exit was undone): writable again.
    row.keptAfterScopeExit = false
    dropCachedRows(tx, change.id)
  }
  tx.insert(table).values(row).onConflictDoUpdate({ target: key, set: row }).run()
  if (change.entity === 'person') indexPersonName(replica.sqlite, data as never)
}

/**
 * Scope exit: the person and all their rows leave the replica. A person cached read-only by
 * a DUF look-up is outside scope by definition, so a scope exit does not touch them. A person
 * with unsent or refused work stays, read-only (`keptAfterScopeExit`), until it is resolved.
 */
function dropPerson(replica: Replica, tx: Tx, personId: string): void {
  const row = tx.select({ cached: persons.cachedReadOnly }).from(persons).where(eq(persons.id, personId)).get()
  if (row?.cached) return
  // A4: unsent or refused work is never thrown away with the person: kept read-only until resolved.
  if (row && hasOpenWork(tx, personId)) {
    tx.update(persons).set({ keptAfterScopeExit: true }).where(eq(persons.id, personId)).run()
    return
  }
  dropOwnedRows(tx, personId)
  tx.delete(persons).where(eq(persons.id, personId)).run()
  unindexPersonName(replica.sqlite, personId)
}

/**
 * A cached person (D5) arriving through the pull: their rows from the look-up go. The pull
 * brings every live row of a person who enters the scope (after the person, in the same
 * change set), but never the delete of a row removed while the device was not following
 * them. Rows the pull already versioned (`serverVersion` set) stay.
 */
function dropCachedRows(tx: Tx, personId: string): void {
  const row = tx.select({ cached: persons.cachedReadOnly }).from(persons).where(eq(persons.id, personId)).get()
  if (!row?.cached) return
  for (const entity of personOwnedEntities) {
    const { table, personId: col, serverVersion } = ownedTables[entity]
    tx.delete(table)
      .where(and(eq(col, personId), isNull(serverVersion)))
      .run()
  }
}

function dropOwnedRows(tx: Tx, personId: string): void {
  for (const entity of personOwnedEntities) {
    const { table, personId: col } = ownedTables[entity]
    tx.delete(table).where(eq(col, personId)).run()
  }
}
