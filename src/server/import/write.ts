import { getTableColumns, inArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import { entityStores } from '../db/entities'
import { movedRows, scopeEvents } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { nextSeqs } from '../sync/change-lock'
import type { RowChange } from './diff'

const CHUNK = 500

/**
 * Writes the changes of one import (inside its transaction, change lock held). One seq per
 * change-set group: reference data first (so devices know a municipality before a person
 * names it), then each touched person in order of first appearance. A person whose follow-up
 * municipality/district changed gets an `exit` event for the old place and an `enter` for
 * the new one at the person's seq; a person closed or reopened in place gets an `exit` or an
 * `enter` there (R9: readers without a writing role stop or start seeing them). A row moved to
 * another person is recorded in `moved_rows` at the new person's seq, so devices that follow
 * only the old person are told to drop it.
 */
export async function writeChanges(tx: RegisterDb, changes: RowChange[]): Promise<void> {
  const groups = [...new Set(changes.map((c) => c.group))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0))
  const seqs = await nextSeqs(tx, groups.length)
  const seqOf = new Map(groups.map((g, i) => [g, seqs[i]]))
  const byEntity = new Map<EntityName, RowChange[]>()
  // Push into the entity's array: rebuilding it per line was quadratic in the file (68 % of an import's CPU at 20,000 persons).
  for (const c of changes) {
    const list = byEntity.get(c.entity)
    if (list) list.push(c)
    else byEntity.set(c.entity, [c])
  }
  for (const [entity, list] of byEntity) {
    const upserts = list.filter((c) => c.kind !== 'deleted')
    for (let i = 0; i < upserts.length; i += CHUNK) await upsert(tx, entity, upserts.slice(i, i + CHUNK), seqOf)
    for (const d of list.filter((c) => c.kind === 'deleted')) await tombstone(tx, entity, d, seqOf.get(d.group)!)
  }
  const events = changes.flatMap((c) => scopeEventsOf(c, seqOf.get(c.group)!))
  for (let i = 0; i < events.length; i += CHUNK) await tx.insert(scopeEvents).values(events.slice(i, i + CHUNK))
  const moves = changes.flatMap((c) => (c.movedFrom ? [{ seq: seqOf.get(c.group)!, entity: c.entity, rowId: c.key, fromPersonId: c.movedFrom }] : []))
  for (let i = 0; i < moves.length; i += CHUNK) await tx.insert(movedRows).values(moves.slice(i, i + CHUNK))
}

async function upsert(tx: RegisterDb, entity: EntityName, list: RowChange[], seqOf: Map<string, number>): Promise<void> {
  const st = entityStores[entity]
  const values = list.map((c) => ({ ...c.row, version: c.version, seq: seqOf.get(c.group)!, deleted: false }))
  const set: Record<string, SQL> = {}
  for (const [prop, col] of Object.entries(getTableColumns(st.table))) {
    if (prop !== st.keyField) set[prop] = sql.raw(`excluded."${col.name}"`)
  }
  await tx
    .insert(st.table)
    .values(values as any)
    .onConflictDoUpdate({ target: st.key, set })
}

async function tombstone(tx: RegisterDb, entity: EntityName, c: RowChange, seq: number): Promise<void> {
  const st = entityStores[entity]
  await tx
    .update(st.table)
    .set({ deleted: true, version: c.version, seq } as any)
    .where(inArray(st.key, [c.key]))
}

function scopeEventsOf(c: RowChange, seq: number): (typeof scopeEvents.$inferInsert)[] {
  const before = c.previous
  if (!before || !c.row) return []
  const from = { municipality: before.municipality, district: before.district }
  const to = { municipality: String(c.row.followUpMunicipality), district: (c.row.followUpDistrict as string | null) ?? null }
  if (from.municipality !== to.municipality || from.district !== to.district) {
    return [
      { seq, personId: c.key, kind: 'exit', ...from },
      { seq, personId: c.key, kind: 'enter', ...to },
    ]
  }
  // Pull filters events by the person's current visibility, so a writer (who sees closed
  // persons) never gets the exit; a reopened person reaches a reader whole, not as a bare row.
  const closed = Boolean(c.row.closed)
  if (before.closed !== closed) return [{ seq, personId: c.key, kind: closed ? 'exit' : 'enter', ...to }]
  return []
}
