import { and, gt, inArray, lte, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loadDemo } from '../../../src/server'
import type { RegisterDb } from '../../../src/server'
import { rowsOf } from '../../../src/server/db/types'
import { entityStores, personOwnedStores, referenceStores } from '../../../src/server/db/entities'
import type { EntityStore } from '../../../src/server/db/entities'
import { measures, persons } from '../../../src/server/db/schema'
import { collectChanges } from '../../../src/server/sync/collect'
import type { PullScope } from '../../../src/server/sync/scope'
import { inPlace, visible } from '../../../src/server/sync/scope'
import { toDomain } from '../../../src/shared/sync'
import type { Change } from '../../../src/shared/sync'
import { backends } from './backends'
import { scope } from './pull-helpers'

type Stored = Record<string, unknown> & { version: number; seq: number; deleted: boolean }

/**
 * The rows of (after, upTo] read the way pull read them before issue 12.5: one drizzle
 * `select *` per table, each row decoded by the driver and copied by `toDomain`. The page query
 * now builds `data` in PostgreSQL; this is what it must equal, JSON for JSON.
 */
async function decodedRows(db: RegisterDb, s: PullScope, after: number, upTo: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>()
  const put = (seq: number, c: Change) => out.set(seq, [...(out.get(seq) ?? []), JSON.stringify(c)])
  const change = (st: EntityStore, r: Stored): Change =>
    r.deleted
      ? { kind: 'delete', entity: st.entity, id: String(r[st.keyField]), version: r.version }
      : { kind: 'upsert', entity: st.entity, id: String(r[st.keyField]), version: r.version, data: toDomain(st.entity, r) }
  const inRange = (st: EntityStore) => and(gt(st.table.seq, after), lte(st.table.seq, upTo))
  for (const st of referenceStores) for (const r of (await db.select().from(st.table).where(inRange(st))) as Stored[]) put(r.seq, change(st, r))
  if (!s.readsPersons) return out
  const pst = entityStores.person
  for (const r of (await db
    .select()
    .from(persons)
    .where(and(inRange(pst), s.writer || after === 0 ? visible(s) : inPlace(s)))) as unknown as Stored[]) {
    if (s.writer || !r.closed) put(r.seq, change(pst, r))
    else if (after > 0) put(r.seq, { kind: 'scopeExit', personId: String(r.id) })
  }
  const visibleIds = db.select({ id: persons.id }).from(persons).where(visible(s))
  for (const st of personOwnedStores) {
    for (const r of (await db
      .select()
      .from(st.table)
      .where(and(inRange(st), inArray(st.personId, visibleIds)))) as Stored[])
      put(r.seq, change(st, r))
  }
  return out
}

/** The page's row changes as JSON per set, sorted (events and moves are read as before and left out). */
async function collected(db: RegisterDb, s: PullScope, after: number, upTo: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>()
  for (const [seq, list] of await collectChanges(db, s, after, upTo)) out.set(seq, list.map((c) => JSON.stringify(c)).sort())
  return out
}

const sorted = (m: Map<number, string[]>) => new Map([...m].map(([k, v]) => [k, [...v].sort()]))

describe.each(backends())('pull page rows on $name (issue 12.5)', (backend) => {
  test('A4 the page query gives every change exactly as the per-table decoded rows did: same sets, same JSON (dates, jsonb, doubles, quotes, tombstones, closed persons)', async () => {
    const { db } = await backend.open()
    await loadDemo(db, { persons: 30, seed: 7, today: '2026-11-30' })
    // Values whose JSON could differ between PostgreSQL and the driver: a double without a short
    // decimal form, quotes, a backslash, a newline and non-Latin letters, a tombstone, a closed person.
    const [m] = await db.select({ id: measures.id }).from(measures).limit(1)
    await db.execute(sql`update measures set hours_per_week = 0.1::float8 + 0.2::float8 where id = ${m.id}`)
    const [p, q, c] = await db
      .select({ id: persons.id })
      .from(persons)
      .where(sql`follow_up_municipality = '4601'`)
      .orderBy(persons.id)
      .limit(3)
    await db.execute(sql`update persons set last_name = ${'Ø\'"\\ \n Łódź 名'}, middle_name = null where id = ${p.id}`)
    await db.execute(sql`update persons set deleted = true where id = ${q.id}`)
    await db.execute(sql`update persons set closed = true, seq = nextval('change_seq') where id = ${c.id}`)
    const [{ max }] = rowsOf<{ max: number }>(await db.execute(sql`select max(seq)::int as max from persons`))
    const cases: [string, PullScope, number][] = [
      ['writer from zero', scope('4601', ['kommuneintro']), 0],
      ['reader without write from zero (closed person left out)', scope('4601', ['kommuneles']), 0],
      ['reader without write mid-sync (closed person as scopeExit)', scope('4601', ['kommuneles']), 5],
      ['reference-only role', scope('4601', ['kommuneadministrator']), 0],
    ]
    for (const [name, s, after] of cases) {
      const got = await collected(db, s, after, max)
      expect(got.size, name).toBeGreaterThan(0)
      expect(got, name).toEqual(sorted(await decodedRows(db, s, after, max)))
    }
    const all = [...(await collected(db, cases[0][1], 0, max)).values()].flat().join('\n')
    expect(all).toContain('"hoursPerWeek":0.30000000000000004')
    expect(all).toContain(JSON.stringify('Ø\'"\\ \n Łódź 名'))
  }, 240_000)
})
