import { and, eq, gt, inArray, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { entityStores, personOwnedStores, referenceStores } from '../db/entities'
import { persons, scopeEvents } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { rowsOf } from '../db/types'
import type { PullScope } from './scope'
import { inPlace, visible } from './scope'

/**
 * The distinct change sets (seq values) after `after` that carry something for `scope`:
 * reference data for everyone; for readers of person data, rows of visible persons, person
 * rows in the place (a closed person becomes a `scopeExit` for non-writers), `enter` events
 * of persons now visible, and `exit` events of persons no longer visible. Filtering events
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
  }
  return sql.join(parts, sql` union `)
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
