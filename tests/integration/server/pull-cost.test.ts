import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { getServerMeta, importNdjson } from '../../../src/server'
import type { RegisterDb } from '../../../src/server'
import { rowsOf } from '../../../src/server/db/types'
import { candidateSeqsSql, pageSeqsSql } from '../../../src/server/sync/candidates'
import { pull } from '../../../src/server/sync/pull'
import { decodeCursor, zeroCursor } from '../../../src/shared/sync'
import type { ChangeSet } from '../../../src/shared/sync'
import { backends } from './backends'
import { smallFeed } from './fixtures'
import { pullAll, scope } from './pull-helpers'

interface PlanNode {
  'Node Type': string
  'Actual Rows': number
  'Actual Loops': number
  'Rows Removed by Filter'?: number
  'Rows Removed by Index Recheck'?: number
  Plans?: PlanNode[]
}

/** Rows a query reads from tables and indexes (kept or filtered out), from EXPLAIN ANALYZE: a count, not a time. */
async function rowsExamined(db: RegisterDb, query: SQL): Promise<number> {
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (analyze, format json) ${query}`))
  const raw = Object.values(row)[0]
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[]
  const walk = (n: PlanNode): number =>
    (/Scan/.test(n['Node Type']) ? (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) * n['Actual Loops'] : 0) +
    (n.Plans ?? []).reduce((s, c) => s + walk(c), 0)
  return walk(plan[0].Plan)
}

const writer = scope('4601', ['kommuneintro'])
const LIMIT = 5

describe.each(backends())('pull cost on $name (issue 12.4d)', (backend) => {
  test('R12.4d every page of a first sync reads about as many rows as the first, far fewer than everything after the cursor; an old cursor resumes', async () => {
    const { db } = await backend.open()
    const res = await importNdjson(db, smallFeed(150, 20), { actor: 'test' })
    if (!res.ok) throw new Error(JSON.stringify(res.errors))
    await db.execute(sql`analyze`)
    const { pages } = await pullAll(db, writer, zeroCursor, LIMIT)
    expect(pages.length).toBeGreaterThan(8)
    const cursorBefore = (page: number) => (page === 0 ? 0 : pages[page - 1][pages[page - 1].length - 1].seq)
    const probes = [0, 1, Math.floor(pages.length / 2), pages.length - 2]
    const cost: number[] = []
    for (const page of probes) cost.push(await rowsExamined(db, pageSeqsSql(db, writer, cursorBefore(page), LIMIT)))
    // What the page query read before (the whole union after the cursor) on the first page.
    const everything = await rowsExamined(db, sql`select seq from (${candidateSeqsSql(db, writer, 0)}) u order by seq limit ${LIMIT + 1}`)
    // Bounded by the page, not by the position: a late page may read a little more than the
    // first (a branch whose table holds no more rows of the scope reads the other scopes' rows
    // after the cursor to the end, and small tables are hashed whole), never the rest of the sync.
    for (const c of cost) {
      expect(c).toBeLessThanOrEqual(3 * cost[0])
      expect(c).toBeLessThan(everything / 4)
    }

    // A cursor as a device stored it mid-sync (`epoch:seq`, the format before this change too)
    // resumes with the rest, page sizes free; the first page counts what remains exactly.
    const { epoch } = await getServerMeta(db)
    const k = 3
    const old = decodeCursor(`${epoch}:${cursorBefore(k)}`)!
    const rest: ChangeSet[] = []
    let cursor = old
    for (let first = true; ; first = false) {
      const page = await pull(db, writer, cursor, 5, epoch, first)
      if (page.status !== 'ok') throw new Error('reset')
      if (first) expect(page.remaining).toBe(pages.slice(k).flat().length - page.changeSets.length)
      else expect(page.remaining).toBe(page.hasMore ? 1 : 0)
      rest.push(...page.changeSets)
      cursor = page.cursor
      if (!page.hasMore) break
    }
    expect(rest).toEqual(pages.slice(k).flat())
  }, 240_000)
})
