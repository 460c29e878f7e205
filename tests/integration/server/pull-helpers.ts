import { expect } from 'vitest'
import { getServerMeta } from '../../../src/server'
import type { RegisterDb } from '../../../src/server'
import type { Role } from '../../../src/shared/domain'
import type { ChangeSet, Cursor } from '../../../src/shared/sync'
import { pull } from '../../../src/server/sync/pull'
import { scopeOf } from '../../../src/server/sync/scope'
import type { PullScope } from '../../../src/server/sync/scope'
import { TestReplica } from './replica'

export function scope(municipality: string, roles: Role[], district: string | null = null): PullScope {
  return scopeOf({ municipality, district, roles })
}

/** Pulls pages until `hasMore` is false; returns the pages' change sets and the final cursor. */
export async function pullAll(db: RegisterDb, s: PullScope, from: Cursor, limit = 200, into = new TestReplica()) {
  const { epoch } = await getServerMeta(db)
  const pages: ChangeSet[][] = []
  let cursor = from
  for (let i = 0; i < 10_000; i++) {
    const res = await pull(db, s, cursor, limit, epoch)
    if (res.status !== 'ok') throw new Error('unexpected reset_required')
    pages.push(res.changeSets)
    into.apply(res.changeSets)
    if (res.changeSets.length) expect(res.cursor.seq).toBe(res.changeSets[res.changeSets.length - 1].seq)
    cursor = res.cursor
    if (!res.hasMore) break
    expect(res.remaining).toBeGreaterThan(0)
  }
  return { pages, cursor, replica: into }
}
