import { eq } from 'drizzle-orm'
import type { Role } from '../../shared/domain'
import { normaliseUsername } from '../../shared/domain'
import { users } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { getServerMeta } from '../db/meta'
import { pull } from '../sync/pull'
import { scopeOf } from '../sync/scope'

export interface ScopeEstimate {
  username: string
  persons: number
  rows: number
  changeSets: number
  bytes: number
  /** Expected first sync on a modest line (see `ASSUMED_*`), in seconds. */
  estimatedSeconds: number
}

/** Assumptions of the first-sync estimate: 2 MB/s effective and 150 ms per page round trip + apply. */
const ASSUMED_BYTES_PER_SECOND = 2_000_000
const ASSUMED_SECONDS_PER_PAGE = 0.15
const PAGE = 200

/**
 * Estimates a user's first sync before a laptop is handed out (A6) by running the real pull
 * from cursor zero and measuring what it would send: persons, rows, JSON bytes, pages.
 */
export async function estimateScope(db: RegisterDb, username: string): Promise<ScopeEstimate> {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(users.username, normaliseUsername(username)))
  if (!u) throw new Error(`no user ${username}`)
  const scope = scopeOf({ municipality: u.municipality, district: u.district, roles: u.roles as Role[] })
  const { epoch } = await getServerMeta(db)
  let cursor = { epoch, seq: 0 }
  const est = { username, persons: 0, rows: 0, changeSets: 0, bytes: 0, estimatedSeconds: 0 }
  let pages = 0
  for (;;) {
    const page = await pull(db, scope, cursor, PAGE, epoch)
    if (page.status !== 'ok') break
    pages++
    est.bytes += Buffer.byteLength(JSON.stringify(page))
    est.changeSets += page.changeSets.length
    for (const cs of page.changeSets) {
      est.rows += cs.changes.length
      est.persons += cs.changes.filter((c) => c.kind === 'upsert' && c.entity === 'person').length
    }
    cursor = page.cursor
    if (!page.hasMore) break
  }
  est.estimatedSeconds = Math.round((est.bytes / ASSUMED_BYTES_PER_SECOND + pages * ASSUMED_SECONDS_PER_PAGE) * 10) / 10
  return est
}
