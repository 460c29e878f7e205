import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { Change, ChangeSet, Cursor } from '../../shared/sync'
import { entitySchemas, personOwnedEntities } from '../../shared/sync'
import { entityTables, ownedTables } from '../db/entities'
import { clearNameIndex, indexPersonName, unindexPersonName } from '../db/name-index'
import type { Replica, ReplicaDb } from '../db/open'
import { heldChanges, outbox, personList, persons, syncState } from '../db/schema'
import { preparedOnce } from '../db/prepared'
import { upsertRow } from '../db/upsert'
import { hasOpenWork, problemStates } from './problems'

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
    for (const change of inApplyOrder(changeSets)) applyChange(replica, tx, change, held)
    forgetReleasedHolds(tx, held)
    releaseKeptPersons(replica, tx)
    if (end.complete) dropOrphanHistory(replica)
    storeCursor(tx, end)
  })
}

/**
 * The changes of the page in the order they are applied. A page of upserts only (every page of
 * a first sync) is applied entity by entity — each entity's rows in the order they came — so
 * the writes go table by table rather than jumping between a dozen tables' indexes for every
 * person (issue 12.5: 12 % of a 20,000-person first sync's device time). Upserts of different
 * rows commute: each writes its own row, and a person's upsert drops only rows without a
 * server version (a DUF look-up's), never rows of the pull; two versions of one row keep
 * their order. Deletes and scope exits depend on what precedes them: such a page keeps its order.
 */
function inApplyOrder(changeSets: ChangeSet[]): Iterable<Change> {
  const changes = changeSets.flatMap((set) => set.changes)
  if (changes.some((c) => c.kind !== 'upsert')) return changes
  const byEntity = new Map<string, Change[]>()
  for (const change of changes) {
    const entity = (change as Extract<Change, { kind: 'upsert' }>).entity
    let rows = byEntity.get(entity)
    if (!rows) byEntity.set(entity, (rows = []))
    rows.push(change)
  }
  return [...byEntity.values()].flat()
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
 * `pages` is consumed one page at a time inside the transaction (the download is staged on
 * disk, `ResetStaging`, issue 12.4g); an exception from it rolls the whole swap back.
 */
export function applyReset(replica: Replica, pages: Iterable<ChangeSet[]>, end: PageEnd): void {
  replica.db.transaction((tx) => {
    for (const { table } of Object.values(entityTables)) tx.delete(table).run()
    clearNameIndex(replica.sqlite)
    for (const page of pages) for (const set of page) for (const change of set.changes) applyChange(replica, tx, change)
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
  if (change.kind === 'delete' && change.entity === 'person') return removeDeletedPerson(replica, tx, change.id, change.version)
  const { table, key } = entityTables[change.entity]
  if (held.size > 0 && held.has(`${change.entity}:${change.id}`)) {
    // Only a version past the one the edit started from is someone else's change (our own applied edits come back equal).
    const local = tx.select({ v: entityTables[change.entity].serverVersion }).from(table).where(eq(key, change.id)).get() as { v: number | null } | undefined
    if (change.version > (local?.v ?? 0)) noteHeldChange(tx, `${change.entity}:${change.id}`, change.version)
    return
  }
  if (change.kind === 'delete') {
    tx.update(table).set({ deleted: true, serverVersion: change.version }).where(eq(key, change.id)).run()
    return
  }
  // The parse returns a new object, the row to write: the bookkeeping fields go on it, no copy.
  const row = entitySchemas[change.entity].parse(change.data) as Record<string, unknown>
  row.serverVersion = change.version
  row.deleted = false
  // A person that arrives through the pull is in scope: no longer a read-only cached copy.
  if (change.entity === 'person') {
    row.cachedReadOnly = false
    // Back in scope (moved back, or the scope exit was undone): writable again.
    row.keptAfterScopeExit = false
    dropCachedRows(replica, tx, change.id)
  }
  upsertRow(replica, change.entity, row)
  if (change.entity === 'person') indexPersonName(replica.sqlite, row as never)
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
  dropJudgedHistory(tx, personId)
}

/**
 * Judged outbox rows of persons no longer in the replica: an audit read queued for a person
 * who has since left is pushed after the person went, and its row is removed here, at the
 * end of the next pull.
 */
function dropOrphanHistory(replica: Replica): void {
  replica.sqlite
    .prepare(
      `DELETE FROM outbox WHERE person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = outbox.person_id)
         AND (state IN ('applied', 'withdrawn') OR (state IN ('rejected', 'conflict') AND resolution IS NOT NULL))`,
    )
    .run()
}

/**
 * Issue 11.7: outbox rows of a person who left, whose verdict the register has given and the
 * caseworker has seen (applied, withdrawn, resolved problems): their payloads hold the
 * person's data and the register keeps the record. Unsent rows never reach here (the person
 * is kept), except queued audit reads, which must still be pushed (A6).
 */
function dropJudgedHistory(tx: Tx, personId: string): void {
  tx.delete(outbox)
    .where(and(eq(outbox.personId, personId), or(inArray(outbox.state, ['applied', 'withdrawn']), and(inArray(outbox.state, problemStates), isNotNull(outbox.resolution)))))
    .run()
}

/**
 * Issue 11.7: a person deleted on the register leaves the replica with every row that names
 * them — their rows in every person-owned table, the name index, the pin on the person list
 * and the outbox history of work the register has already judged — not just `deleted = 1`.
 * Unsent or refused work keeps the person as after a scope exit (read-only, marked deleted)
 * until it is resolved; `releaseKeptPersons` then removes them the same way. A person cached
 * by a DUF look-up goes too: the register no longer has them.
 */
function removeDeletedPerson(replica: Replica, tx: Tx, personId: string, version: number): void {
  const row = tx.select({ cached: persons.cachedReadOnly }).from(persons).where(eq(persons.id, personId)).get()
  if (row && !row.cached && hasOpenWork(tx, personId)) {
    tx.update(persons).set({ deleted: true, serverVersion: version, keptAfterScopeExit: true }).where(eq(persons.id, personId)).run()
    return
  }
  if (row?.cached) tx.update(persons).set({ cachedReadOnly: false }).where(eq(persons.id, personId)).run()
  dropPerson(replica, tx, personId)
  tx.delete(personList).where(eq(personList.personId, personId)).run()
}

/**
 * A cached person (D5) arriving through the pull: their rows from the look-up go. The pull
 * brings every live row of a person who enters the scope (after the person, in the same
 * change set), but never the delete of a row removed while the device was not following
 * them. Rows the pull already versioned (`serverVersion` set) stay.
 */
function dropCachedRows(replica: Replica, tx: Tx, personId: string): void {
  // Prepared once: a first sync asks this for every person it applies (issue 12.4b).
  const row = preparedOnce(replica, 'apply.personCached', (db) =>
    db
      .select({ cached: persons.cachedReadOnly })
      .from(persons)
      .where(eq(persons.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: personId })
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
