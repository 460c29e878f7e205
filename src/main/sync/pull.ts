import { and, count, eq, inArray } from 'drizzle-orm'
import type { ChangeSet, Cursor, PullResponse } from '../../shared/sync'
import { zeroCursor } from '../../shared/sync'
import type { Replica } from '../db/open'
import { persons } from '../db/schema'
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
  /** The caseworker confirmed that this cycle may remove more than the guard allows (A4). */
  allowMassScopeExit: boolean
}

/** A4: a pull that would remove more than this share of the local persons stops and asks. */
export const SCOPE_EXIT_GUARD = 0.2

/**
 * The pull would remove more than `SCOPE_EXIT_GUARD` of the local persons. Nothing of it was
 * applied and the cursor did not move, so a confirmed pull picks it all up again.
 */
export class ScopeExitGuardError extends Error {
  override name = 'ScopeExitGuardError'
  constructor(
    /** Persons of the replica the pull would remove. */
    readonly count: number,
    /** Local persons (in scope, not cached read-only) when the cycle started. */
    readonly total: number,
  ) {
    super(`pull would remove ${count} of ${total} local persons`)
  }
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
 *
 * Scope-exit guard (A4): with persons already in the replica, the cycle first downloads all
 * its pages and counts the persons their scope exits would remove; above
 * `SCOPE_EXIT_GUARD` of the local persons it stops before applying anything
 * (`ScopeExitGuardError`) until the caseworker confirms. An incremental pull is small, so
 * holding it in memory is cheap; the first sync (nothing local to lose) streams page by page.
 */
export async function pullToCurrent(deps: PullDeps): Promise<void> {
  const local = localPersons(deps.replica)
  const guarded = local > 0 && !deps.allowMassScopeExit
  const cursor = cursorOf(readSyncState(deps.replica))
  if (!guarded) return streamPages(deps, cursor)
  const pages: OkPage[] = []
  for await (const page of fetchPages(deps, cursor)) {
    if (page === 'reset') return pullReset(deps)
    pages.push(page)
  }
  const removed = exitsOfLocalPersons(
    deps.replica,
    pages.flatMap((p) => p.changeSets),
  )
  if (removed > SCOPE_EXIT_GUARD * local) throw new ScopeExitGuardError(removed, local)
  let done = 0
  for (const page of pages) {
    applyPage(deps.replica, page.changeSets, pageEnd(page, deps.now()))
    done += page.changeSets.length
    deps.onProgress({ done, total: done + page.remaining })
  }
}

/** Applies each page as it arrives (first sync, or a confirmed mass scope exit). */
async function streamPages(deps: PullDeps, from: Cursor): Promise<void> {
  let done = 0
  for await (const page of fetchPages(deps, from)) {
    if (page === 'reset') return pullReset(deps)
    applyPage(deps.replica, page.changeSets, pageEnd(page, deps.now()))
    done += page.changeSets.length
    deps.onProgress({ done, total: done + page.remaining })
  }
}

/** The pages after `from`, in order; `'reset'` when the server asks for a reset. */
async function* fetchPages(deps: PullDeps, from: Cursor): AsyncGenerator<OkPage | 'reset'> {
  let cursor = from
  for (;;) {
    const res = await deps.client.pull(deps.token, cursor, deps.limit, deps.signal)
    deps.signal.throwIfAborted()
    if (res.status === 'reset_required') {
      yield 'reset'
      return
    }
    assertProgress(cursor, res)
    yield res
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

/** Persons of the user's scope in the replica (cached read-only look-ups are not in scope). */
function localPersons(replica: Replica): number {
  return replica.db
    .select({ n: count() })
    .from(persons)
    .where(and(eq(persons.deleted, false), eq(persons.cachedReadOnly, false)))
    .get()!.n
}

/** How many persons of the replica the page's scope exits would remove. */
function exitsOfLocalPersons(replica: Replica, changeSets: ChangeSet[]): number {
  const ids = changeSets.flatMap((s) => s.changes.flatMap((c) => (c.kind === 'scopeExit' ? [c.personId] : [])))
  if (ids.length === 0) return 0
  return replica.db
    .select({ n: count() })
    .from(persons)
    .where(and(inArray(persons.id, [...new Set(ids)]), eq(persons.deleted, false), eq(persons.cachedReadOnly, false)))
    .get()!.n
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
