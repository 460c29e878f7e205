import { sql } from 'drizzle-orm'
import type { RegisterDb } from '../db/types'
import { rowsOf } from '../db/types'

/** Advisory lock key of "writes that allocate change sequence values" ('NIRC'). */
const CHANGE_LOCK_KEY = 0x4e495243

/**
 * Serialises every writer of synced rows (import now, push later) for the rest of the
 * transaction. Why: a SEQUENCE hands out values in call order but transactions commit in any
 * order; if seq 11 were visible before seq 10 committed, a pull could move its cursor past 10
 * and never see it. Holding this lock from `nextval` to commit makes seq order = commit order.
 * Pulls do not take it: they only read committed rows.
 */
export async function takeChangeLock(tx: RegisterDb): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHANGE_LOCK_KEY})`)
}

/** Allocates `n` consecutive-in-order change sequence values (call after `takeChangeLock`). */
export async function nextSeqs(tx: RegisterDb, n: number): Promise<number[]> {
  if (n <= 0) return []
  const res = await tx.execute(sql`select nextval('change_seq')::bigint as seq from generate_series(1, ${n}::int)`)
  return rowsOf<{ seq: string | number }>(res)
    .map((r) => Number(r.seq))
    .sort((a, b) => a - b)
}
