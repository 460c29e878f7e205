import type { Change, ChangeSet, Cursor, PullResponse } from '../../shared/sync'
import { isPersonOwned } from '../../shared/sync'
import type { RegisterDb } from '../db/types'
import { pageSeqs } from './candidates'
import { collectChanges } from './collect'
import type { PullScope } from './scope'

export const DEFAULT_PULL_LIMIT = 200
export const MAX_PULL_LIMIT = 2000

/** Order inside a change set: reference data, the person, their rows, deletes of rows, the person's delete, exits. */
function rank(c: Change): number {
  if (c.kind === 'scopeExit') return 6
  if (c.entity !== 'person' && !isPersonOwned(c.entity)) return 0
  if (c.kind === 'upsert') return c.entity === 'person' ? 1 : 2
  return c.entity === 'person' ? 5 : 4
}

function dedupe(list: Change[]): Change[] {
  const seen = new Map<string, Change>()
  for (const c of list) seen.set(c.kind === 'scopeExit' ? `exit:${c.personId}` : `${c.entity}:${c.id}`, c)
  return [...seen.values()].sort((a, b) => rank(a) - rank(b))
}

/**
 * One page of `GET /sync/pull` (A4). A cursor from another database lineage (epoch) with
 * seq > 0 answers `reset_required`; the zero cursor starts at the current epoch. Pages hold up
 * to `limit` whole change sets in seq order; the new cursor is the last set's seq. An empty
 * page keeps the cursor: jumping to the sequence's current value could skip a set that a
 * writer has allocated but not yet committed. Reads run in one repeatable-read snapshot so
 * the page and `remaining` agree. `remaining` is counted on the first page from cursor zero
 * and when `count` is asked (a device's first page of a cycle); other pages give its lower
 * bound, so a page costs the same whatever its position (issue 12.4d, `pageSeqs`).
 */
export async function pull(db: RegisterDb, scope: PullScope, cursor: Cursor, limit: number, epoch: string, count = false): Promise<PullResponse> {
  const serverTime = new Date().toISOString()
  if (cursor.epoch !== epoch && cursor.seq > 0) return { status: 'reset_required', epoch, serverTime }
  const after = cursor.epoch === epoch ? cursor.seq : 0
  return db.transaction(
    async (tx) => {
      const { seqs, hasMore, remaining } = await pageSeqs(tx, scope, after, limit, count || after === 0)
      const upTo = seqs.length ? seqs[seqs.length - 1] : after
      const sets = seqs.length ? await collectChanges(tx, scope, after, upTo) : new Map<number, Change[]>()
      const changeSets: ChangeSet[] = seqs.map((seq) => ({ seq, changes: dedupe(sets.get(seq) ?? []) }))
      return { status: 'ok', changeSets, cursor: { epoch, seq: upTo }, hasMore, remaining, serverTime }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}
