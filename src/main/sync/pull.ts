import type { ChangeSet, Cursor, PullResponse } from '../../shared/sync'
import { zeroCursor } from '../../shared/sync'
import type { Replica } from '../db/open'
import { cursorOf, readSyncState } from '../db/state'
import { applyPage, applyReset } from './apply'
import type { RegisterClient } from './register-client'

export interface PullProgress {
  done: number
  total: number
}

export interface PullDeps {
  replica: Replica
  client: RegisterClient
  token: string
  /** Change sets per page asked of the server. */
  limit: number
  onProgress: (p: PullProgress) => void
  /** Aborts the in-flight request (logout). */
  signal: AbortSignal
  now: () => number
}

/** Thrown when the server's answers cannot make progress (a protocol bug, not a network issue). */
export class PullProtocolError extends Error {
  override name = 'PullProtocolError'
}

type OkPage = Extract<PullResponse, { status: 'ok' }>

/**
 * Pulls from the stored cursor until the server has no more (A4). Each page is applied with
 * its cursor in one transaction, so an interrupted pull resumes from the last stored page.
 * Progress: `done` counts change sets applied in this cycle; `total` is `done + remaining`
 * as of the latest page (known after the first page).
 */
export async function pullToCurrent(deps: PullDeps): Promise<void> {
  const { replica, client } = deps
  let cursor = cursorOf(readSyncState(replica))
  let done = 0
  for (;;) {
    const res = await client.pull(deps.token, cursor, deps.limit, deps.signal)
    deps.signal.throwIfAborted()
    if (res.status === 'reset_required') return pullReset(deps)
    assertProgress(cursor, res)
    applyPage(replica, res.changeSets, pageEnd(res, deps.now()))
    done += res.changeSets.length
    deps.onProgress({ done, total: done + res.remaining })
    if (!res.hasMore) return
    cursor = res.cursor
  }
}

/**
 * `reset_required`: download everything from cursor zero into memory, then swap it in with
 * one transaction (applyReset), so the replica is never half old, half new.
 */
async function pullReset(deps: PullDeps): Promise<void> {
  const sets: ChangeSet[] = []
  let cursor: Cursor = zeroCursor
  for (;;) {
    const res = await deps.client.pull(deps.token, cursor, deps.limit, deps.signal)
    deps.signal.throwIfAborted()
    if (res.status === 'reset_required') throw new PullProtocolError('reset_required again while pulling from zero')
    assertProgress(cursor, res)
    sets.push(...res.changeSets)
    deps.onProgress({ done: sets.length, total: sets.length + res.remaining })
    if (!res.hasMore) {
      applyReset(deps.replica, sets, pageEnd(res, deps.now()))
      return
    }
    cursor = res.cursor
  }
}

function pageEnd(res: OkPage, now: number) {
  return {
    cursor: res.cursor,
    serverTime: res.serverTime,
    serverOffsetMs: Math.round(Date.parse(res.serverTime) - now),
    complete: !res.hasMore,
  }
}

function assertProgress(before: Cursor, res: OkPage): void {
  if (res.hasMore && res.cursor.epoch === before.epoch && res.cursor.seq <= before.seq) {
    throw new PullProtocolError(`pull cursor did not advance past ${before.epoch}:${before.seq}`)
  }
}
