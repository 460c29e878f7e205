import { and, eq, getTableColumns, gt, inArray, lte, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Change } from '../../shared/sync'
import { toDomain } from '../../shared/sync'
import type { EntityStore, OwnedStore } from '../db/entities'
import { entityStores, personOwnedStores, referenceStores } from '../db/entities'
import { movedRows, persons, scopeEvents } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { rowsOf } from '../db/types'
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

interface Branch {
  st: EntityStore
  where: SQL
  /** The person table: a closed person is an exit for readers who do not write (R9). */
  person?: true
}

/** A row of the page query: branch, seq, version, tombstone, key, and the domain data as JSON. */
interface PageRow {
  b: number
  seq: string | number
  version: number
  deleted: boolean
  k: string
  d: Record<string, unknown> | string
}

/** `d` as an object: node-postgres and PGlite parse `json`; a driver that hands back text gets parsed here. */
function dataOf(r: PageRow): Record<string, unknown> {
  return (typeof r.d === 'string' ? JSON.parse(r.d) : r.d) as Record<string, unknown>
}

const fieldName = /^[A-Za-z][A-Za-z0-9]*$/

/**
 * The domain fields of a store's row as one `json_build_object`, keys in schema order: the same
 * object `toDomain` builds from a decoded row (dates as ISO text, jsonb as is, doubles in
 * PostgreSQL's shortest exact form, null for null), so `Change.data` and its JSON are unchanged,
 * but no row is decoded column by column and copied in JS.
 */
export function domainJsonSql(st: EntityStore): SQL {
  const cols = getTableColumns(st.table) as Record<string, PgColumn>
  const pairs = st.fields.map((f) => {
    // Field names come from the registry, not from input; still never put a stray quote into SQL.
    if (!fieldName.test(f) || !cols[f]) throw new Error(`register table of ${st.entity} has no column for field ${f}`)
    return sql`${sql.raw(`'${f}'`)}, ${sql.identifier(cols[f].name)}`
  })
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`
}

/** Every branch's rows of the page in one `union all`, each tagged with its branch number. */
function pageRowsSql(branches: Branch[]): SQL {
  return sql.join(
    branches.map(
      ({ st, where }, i) =>
        sql`(select ${sql.raw(String(i))} as b, ${sql.identifier('seq')} as seq, ${sql.identifier('version')} as version, ${sql.identifier('deleted')} as deleted, ${sql.identifier(st.key.name)}::text as k, ${domainJsonSql(st)} as d from ${st.table} where ${where})`,
    ),
    sql` union all `,
  )
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
  const branches: Branch[] = referenceStores.map((st) => ({ st, where: inRange(st)! }))
  if (scope.readsPersons) {
    branches.push({ st: entityStores.person, where: and(inRange(entityStores.person), inPlaceOrVisible(scope, after))!, person: true })
    // Each row's person is looked up by primary key (a correlated EXISTS; OFFSET 0 keeps the
    // planner from turning it into a hash of every visible person, built again for every table on
    // every page: a page's cost then grew with the municipality, not with the page).
    const ownerVisible = (st: OwnedStore) => sql`exists (select 1 from ${persons} where ${persons.id} = ${st.personId} and ${visible(scope)} offset 0)`
    for (const st of personOwnedStores) branches.push({ st, where: and(inRange(st), ownerVisible(st))! })
  }
  // One statement for every table's rows of the page (issue 12.5): a round trip per table cost
  // more than the rows themselves on a loaded machine. Branches are read in registry order, as before.
  const byBranch: PageRow[][] = branches.map(() => [])
  for (const r of rowsOf<PageRow>(await tx.execute(pageRowsSql(branches)))) byBranch[r.b].push(r)
  branches.forEach(({ st, person }, i) => {
    for (const r of byBranch[i]) {
      const seq = Number(r.seq)
      const data = dataOf(r)
      const shown = !person || scope.writer || !data.closed
      if (shown)
        add(
          sets,
          seq,
          r.deleted ? { kind: 'delete', entity: st.entity, id: r.k, version: r.version } : { kind: 'upsert', entity: st.entity, id: r.k, version: r.version, data: data as never },
        )
      else if (after > 0) add(sets, seq, { kind: 'scopeExit', personId: r.k })
    }
  })
  if (!scope.readsPersons) return sets
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
