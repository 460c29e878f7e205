import { and, eq, gt, inArray, notInArray, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { entityStores, personOwnedStores, referenceStores } from '../db/entities'
import { movedRows, persons, scopeEvents } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { rowsOf } from '../db/types'
import type { PullScope } from './scope'
import { inPlace, visible } from './scope'

/**
 * The distinct change sets (seq values) after `after` that carry something for `scope`:
 * reference data for everyone; for readers of person data, rows of visible persons, person
 * rows in the place (a closed person becomes a `scopeExit` for non-writers), `enter` events
 * of persons now visible, `exit` events of persons no longer visible, and rows moved away from
 * a visible person to one the scope does not see (`movedAwayCond`). Filtering events
 * by the person's *current* state means a person who left and came back gets all rows once,
 * and never a stray exit.
 */
export function candidateSeqsSql(tx: RegisterDb, scope: PullScope, after: number): SQL {
  const parts: SQL[] = referenceStores.map((st) => sql`${tx.select({ seq: st.table.seq }).from(st.table).where(gt(st.table.seq, after))}`)
  if (scope.readsPersons) {
    const person = entityStores.person.table
    const placeCond = scope.writer || after === 0 ? visible(scope) : inPlace(scope)
    parts.push(
      sql`${tx
        .select({ seq: persons.seq })
        .from(person)
        .where(and(gt(persons.seq, after), placeCond))}`,
    )
    const visibleIds = tx.select({ id: persons.id }).from(persons).where(visible(scope))
    for (const st of personOwnedStores) {
      parts.push(
        sql`${tx
          .select({ seq: st.table.seq })
          .from(st.table)
          .where(and(gt(st.table.seq, after), inArray(st.personId, visibleIds)))}`,
      )
    }
    parts.push(
      sql`${tx
        .select({ seq: scopeEvents.seq })
        .from(scopeEvents)
        .where(eventCond(tx, scope, after))}`,
    )
    if (after > 0)
      parts.push(
        sql`${tx
          .select({ seq: movedRows.seq })
          .from(movedRows)
          .where(movedAwayCond(tx, scope, after))}`,
      )
  }
  return sql.join(parts, sql` union `)
}

/**
 * Rows moved (point 8) after `after` from a person the scope sees to a person it does not: the
 * device may hold the row under the old person and must drop it. A device pulling from zero
 * holds nothing yet, so it gets none. Judged by the row's current owner, as events are.
 */
export function movedAwayCond(tx: RegisterDb, scope: PullScope, after: number): SQL {
  const visibleIds = tx.select({ id: persons.id }).from(persons).where(visible(scope))
  const ownerNotVisible = personOwnedStores.map((st) =>
    and(eq(movedRows.entity, st.entity), inArray(movedRows.rowId, tx.select({ id: st.key }).from(st.table).where(notInArray(st.personId, visibleIds)))),
  )
  return and(gt(movedRows.seq, after), inArray(movedRows.fromPersonId, visibleIds), or(...ownerNotVisible))!
}

/** Scope events after `after` in the scope's place that still mean something now (see above). */
export function eventCond(tx: RegisterDb, scope: PullScope, after: number): SQL {
  const liveVisible = tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(visible(scope), eq(persons.deleted, false)))
  const nowVisible = tx.select({ id: persons.id }).from(persons).where(visible(scope))
  return and(
    gt(scopeEvents.seq, after),
    eq(scopeEvents.municipality, scope.municipality),
    scope.district ? eq(scopeEvents.district, scope.district) : undefined,
    or(and(eq(scopeEvents.kind, 'enter'), inArray(scopeEvents.personId, liveVisible)), and(eq(scopeEvents.kind, 'exit'), sql`${scopeEvents.personId} not in ${nowVisible}`)),
  )!
}

/** The first `limit` change sets after `after`, and how many follow them. */
export async function pageSeqs(tx: RegisterDb, scope: PullScope, after: number, limit: number): Promise<{ seqs: number[]; remaining: number }> {
  const union = candidateSeqsSql(tx, scope, after)
  const page = rowsOf<{ seq: string | number }>(await tx.execute(sql`select seq from (${union}) u order by seq limit ${limit}`)).map((r) => Number(r.seq))
  if (page.length < limit) return { seqs: page, remaining: 0 }
  const last = page[page.length - 1]
  const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from (${union}) u where seq > ${last}`))
  return { seqs: page, remaining: Number(row.n) }
}
