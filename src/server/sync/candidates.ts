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
 *
 * With `first`, each branch keeps only its first `first` distinct seqs, read in seq order from
 * its seq index and stopped there (issue 12.4d): a page then examines the rows of its own change
 * sets, not everything after the cursor, so page 40 costs what page 1 does. The union of those
 * still holds the first `first` seqs overall, since each branch's share of them is among its own first.
 */
export function candidateSeqsSql(tx: RegisterDb, scope: PullScope, after: number, first?: number): SQL {
  const head = (q: SQL): SQL => (first === undefined ? q : sql`(${q} order by seq limit ${first})`)
  const parts: SQL[] = referenceStores.map((st) => head(sql`${tx.selectDistinct({ seq: st.table.seq }).from(st.table).where(gt(st.table.seq, after))}`))
  if (scope.readsPersons) {
    const person = entityStores.person.table
    const placeCond = scope.writer || after === 0 ? visible(scope) : inPlace(scope)
    parts.push(
      head(
        sql`${tx
          .selectDistinct({ seq: persons.seq })
          .from(person)
          .where(and(gt(persons.seq, after), placeCond))}`,
      ),
    )
    const visibleIds = tx.select({ id: persons.id }).from(persons).where(visible(scope))
    for (const st of personOwnedStores) {
      parts.push(
        head(
          sql`${tx
            .selectDistinct({ seq: st.table.seq })
            .from(st.table)
            .where(and(gt(st.table.seq, after), inArray(st.personId, visibleIds)))}`,
        ),
      )
    }
    parts.push(
      head(
        sql`${tx
          .selectDistinct({ seq: scopeEvents.seq })
          .from(scopeEvents)
          .where(eventCond(tx, scope, after))}`,
      ),
    )
    if (after > 0)
      parts.push(
        head(
          sql`${tx
            .selectDistinct({ seq: movedRows.seq })
            .from(movedRows)
            .where(movedAwayCond(tx, scope, after))}`,
        ),
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

/** The first `limit` + 1 candidate seqs after `after`, in order (the extra one says whether more follow). */
export function pageSeqsSql(tx: RegisterDb, scope: PullScope, after: number, limit: number): SQL {
  return sql`select seq from (${candidateSeqsSql(tx, scope, after, limit + 1)}) u order by seq limit ${limit + 1}`
}

/**
 * The first `limit` change sets after `after` (keyset on the cursor's seq), whether more follow
 * (one extra seq is read), and how many follow. Counting what follows reads every candidate after
 * the page, so it runs only when asked (`count`: the first page of a device's pull cycle, and
 * every page from cursor zero, as devices before this change expect); otherwise `remaining` is
 * its lower bound, 1 while more follow (issue 12.4d).
 */
export async function pageSeqs(tx: RegisterDb, scope: PullScope, after: number, limit: number, count: boolean): Promise<{ seqs: number[]; hasMore: boolean; remaining: number }> {
  const rows = rowsOf<{ seq: string | number }>(await tx.execute(pageSeqsSql(tx, scope, after, limit))).map((r) => Number(r.seq))
  const seqs = rows.slice(0, limit)
  const hasMore = rows.length > limit
  if (!hasMore) return { seqs, hasMore, remaining: 0 }
  if (!count) return { seqs, hasMore, remaining: 1 }
  const last = seqs[seqs.length - 1]
  const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from (${candidateSeqsSql(tx, scope, after)}) u where seq > ${last}`))
  return { seqs, hasMore, remaining: Number(row.n) }
}
