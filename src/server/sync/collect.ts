import { and, eq, gt, inArray, lte } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Change } from '../../shared/sync'
import { toDomain } from '../../shared/sync'
import type { EntityStore } from '../db/entities'
import { entityStores, personOwnedStores, referenceStores } from '../db/entities'
import { movedRows, persons, scopeEvents } from '../db/schema'
import type { RegisterDb } from '../db/types'
import type { PullScope } from './scope'
import { eventCond, movedAwayCond } from './candidates'
import { inPlace, visible } from './scope'

type Stored = Record<string, unknown> & { version: number; seq: number; deleted: boolean }
type ChangeSets = Map<number, Change[]>

/** A stored row as a change: `upsert` with its domain data, or `delete` for a tombstone. */
export function rowChange(st: EntityStore, r: Stored): Change {
  const id = String(r[st.keyField])
  return r.deleted ? { kind: 'delete', entity: st.entity, id, version: r.version } : { kind: 'upsert', entity: st.entity, id, version: r.version, data: toDomain(st.entity, r) }
}

function add(sets: ChangeSets, seq: number, c: Change): void {
  const list = sets.get(seq)
  if (list) list.push(c)
  else sets.set(seq, [c])
}

/**
 * Every change in the seq range (after, upTo] for `scope`, grouped by change set. The range
 * ends on a change-set boundary (the page's last seq), so no set is split.
 */
export async function collectChanges(tx: RegisterDb, scope: PullScope, after: number, upTo: number): Promise<ChangeSets> {
  const sets: ChangeSets = new Map()
  const inRange = (st: EntityStore) => and(gt(st.table.seq, after), lte(st.table.seq, upTo))
  for (const st of referenceStores) {
    for (const r of (await tx.select().from(st.table).where(inRange(st))) as Stored[]) add(sets, r.seq, rowChange(st, r))
  }
  if (!scope.readsPersons) return sets
  const pst = entityStores.person
  const personRows = (await tx
    .select()
    .from(persons)
    .where(and(inRange(pst), inPlaceOrVisible(scope, after)))) as unknown as Stored[]
  for (const r of personRows) {
    const shown = scope.writer || !r.closed
    if (shown) add(sets, r.seq, rowChange(pst, r))
    else if (after > 0) add(sets, r.seq, { kind: 'scopeExit', personId: String(r.id) })
  }
  const visibleIds = tx.select({ id: persons.id }).from(persons).where(visible(scope))
  for (const st of personOwnedStores) {
    const rows = (await tx
      .select()
      .from(st.table)
      .where(and(inRange(st), inArray(st.personId, visibleIds)))) as Stored[]
    for (const r of rows) add(sets, r.seq, rowChange(st, r))
  }
  const events = await tx
    .select()
    .from(scopeEvents)
    .where(and(eventCond(tx, scope, after), lte(scopeEvents.seq, upTo)))
  for (const e of events.filter((ev) => ev.kind === 'exit')) add(sets, e.seq, { kind: 'scopeExit', personId: e.personId })
  const enters = events.filter((ev) => ev.kind === 'enter')
  if (enters.length) await addEnteredPersons(tx, sets, enters)
  if (after > 0) await addMovedAway(tx, sets, scope, after, upTo)
  return sets
}

/**
 * A row moved from a person this scope sees to one it does not (issue 7 point 8) arrives as a
 * `delete` of the row at its current version: the device drops it from the old person. If it
 * moves into view again later, its upsert (or the new person's arrival) brings it back.
 */
async function addMovedAway(tx: RegisterDb, sets: ChangeSets, scope: PullScope, after: number, upTo: number): Promise<void> {
  const moves = await tx
    .select()
    .from(movedRows)
    .where(and(movedAwayCond(tx, scope, after), lte(movedRows.seq, upTo)))
  for (const st of personOwnedStores) {
    const mine = moves.filter((m) => m.entity === st.entity)
    if (!mine.length) continue
    const rows = (await tx
      .select()
      .from(st.table)
      .where(
        inArray(
          st.key,
          mine.map((m) => m.rowId),
        ),
      )) as Stored[]
    const version = new Map(rows.map((r) => [String(r.id), r.version]))
    for (const m of mine) add(sets, m.seq, { kind: 'delete', entity: st.entity, id: m.rowId, version: version.get(m.rowId)! })
  }
}

/** Same choice as the candidate query: non-writers past zero also see closed persons, as exits. */
function inPlaceOrVisible(scope: PullScope, after: number) {
  return scope.writer || after === 0 ? visible(scope) : inPlace(scope)
}

/** A person who entered the scope arrives whole: every live row, in the change set of the move. */
async function addEnteredPersons(tx: RegisterDb, sets: ChangeSets, enters: { seq: number; personId: string }[]): Promise<void> {
  const seqOf = new Map(enters.map((e) => [e.personId, e.seq]))
  const ids = [...seqOf.keys()]
  const live = (st: EntityStore, col: PgColumn) => and(inArray(col, ids), eq(st.table.deleted, false))
  const pst = entityStores.person
  for (const r of (await tx.select().from(persons).where(live(pst, persons.id))) as unknown as Stored[]) {
    add(sets, seqOf.get(String(r.id))!, rowChange(pst, r))
  }
  for (const st of personOwnedStores) {
    for (const r of (await tx.select().from(st.table).where(live(st, st.personId))) as Stored[]) {
      add(sets, seqOf.get(String(r.personId))!, rowChange(st, r))
    }
  }
}
