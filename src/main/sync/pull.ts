import { and, count, eq, inArray } from 'drizzle-orm'
import type { ChangeSet, Cursor, PullResponse } from '../../shared/sync'
import { zeroCursor } from '../../shared/sync'
import type { Replica } from '../db/open'
import { persons } from '../db/schema'
import { cursorOf, readSyncState } from '../db/state'
import { applyPage, applyReset } from './apply'
import { ResetStaging } from './reset-staging'
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
  /** A first sync's commit budget in changes (`COMMIT_CHANGES`; tests set it low). */
  commitChanges?: number
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
 * Progress: `done` counts change sets applied in this cycle; `total` is the register's count
 * on the cycle's first page (`progressOf`).
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
  const progress = progressOf(deps)
  for (const page of pages) {
    applyPage(deps.replica, page.changeSets, pageEnd(page, deps.now()))
    progress(page)
  }
}

/**
 * A first sync commits when this many changes are held (issue 12.5), or `COMMIT_AFTER_MS`
 * after the first held page arrived, or on the last page: whichever comes first.
 */
export const COMMIT_CHANGES = 100_000
export const COMMIT_AFTER_MS = 5_000

/**
 * Applies the pages as they arrive (first sync, or a confirmed mass scope exit), several in
 * one transaction with the last one's cursor, while the next page is already on its way.
 *
 * Why several: the register's rows have random ids, so every page's rows land all over each
 * table's indexes, and a commit writes (and encrypts) every index page it touched. With a
 * commit per page of 500 change sets, a 20,000-person first sync wrote most of the replica
 * again on each of its 41 commits (with the WAL checkpoints that copy them): 31 % of the
 * device's CPU, against 1.3 % at 2,000 persons. Held pages are bounded (`COMMIT_CHANGES`, about
 * ten pages, ~100 MB) and so is the work a cut can lose (`COMMIT_AFTER_MS`): a download that
 * fails applies what has arrived before the error goes on, so the next sync resumes after the
 * last page received, as with a commit per page.
 * Progress counts a page when it arrives.
 */
async function streamPages(deps: PullDeps, from: Cursor): Promise<void> {
  const progress = progressOf(deps)
  let held: { page: OkPage; end: ReturnType<typeof pageEnd> }[] = []
  let changes = 0
  let since = 0
  const commit = () => {
    const pages = held
    held = []
    changes = 0
    if (pages.length === 0) return
    applyPage(
      deps.replica,
      pages.flatMap((p) => p.page.changeSets),
      pages[pages.length - 1].end,
    )
  }
  try {
    for await (const page of prefetched(fetchPages(deps, from))) {
      if (page === 'reset') {
        held = [] // pages of the lineage the reset replaces
        return await pullReset(deps)
      }
      if (held.length === 0) since = deps.now()
      held.push({ page, end: pageEnd(page, deps.now()) })
      changes += page.changeSets.reduce((n, set) => n + set.changes.length, 0)
      progress(page)
      if (changes >= (deps.commitChanges ?? COMMIT_CHANGES) || deps.now() - since >= COMMIT_AFTER_MS || !page.hasMore) commit()
    }
  } catch (err) {
    // Keep what arrived (not after a logout: the replica is closing). Should that apply fail
    // too, the download's error is the one to report; the next sync meets the page again.
    if (!deps.signal.aborted) {
      try {
        commit()
      } catch {
        // reported below as the download's error
      }
    }
    throw err
  }
}

/**
 * The pages of `pages`, asking for the next one as soon as one is handed out, so the register
 * prepares page k+1 while the device applies page k. A request still in flight when the
 * consumer stops is left to finish (its failure is not an unhandled rejection).
 */
async function* prefetched<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = pages.next()
  try {
    for (;;) {
      const r = await next
      if (r.done) return
      next = pages.next()
      next.catch(() => undefined)
      yield r.value
    }
  } finally {
    next.catch(() => undefined)
  }
}

/** The pages after `from`, in order; `'reset'` when the server asks for a reset. */
async function* fetchPages(deps: PullDeps, from: Cursor): AsyncGenerator<OkPage | 'reset'> {
  let cursor = from
  for (let first = true; ; first = false) {
    const res = await deps.client.pull(deps.token, cursor, deps.limit, deps.signal, first)
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
 * `reset_required`: download everything from cursor zero, staging each page on disk as it
 * arrives (`ResetStaging`, encrypted like the replica), then swap it in with one transaction
 * (applyReset) that reads the pages back one at a time, so the replica is never half old, half
 * new and the process never holds the whole download (issue 12.4g). An interruption leaves the
 * old replica and its cursor as they were; the next sync is told `reset_required` again.
 */
async function pullReset(deps: PullDeps): Promise<void> {
  const staging = new ResetStaging(deps.replica)
  try {
    const progress = progressOf(deps)
    let cursor: Cursor = zeroCursor
    for (let first = true; ; first = false) {
      const res = await deps.client.pull(deps.token, cursor, deps.limit, deps.signal, first)
      deps.signal.throwIfAborted()
      if (res.status === 'reset_required') throw new PullProtocolError('reset_required again while pulling from zero')
      assertProgress(cursor, res)
      staging.add(res.changeSets)
      progress(res)
      if (!res.hasMore) {
        applyReset(deps.replica, staging.read(), pageEnd(res, deps.now()))
        return
      }
      cursor = res.cursor
    }
  } finally {
    staging.close()
  }
}

/**
 * Progress of one cycle: the register counts what remains on the cycle's first page only (a
 * count on every page made each page cost more the earlier it was, issue 12.4d) and gives a
 * lower bound after it, so the total is the first count, raised if a later page says more.
 */
function progressOf(deps: PullDeps): (page: OkPage) => void {
  let done = 0
  let total = 0
  return (page) => {
    done += page.changeSets.length
    total = Math.max(total, done + page.remaining)
    deps.onProgress({ done, total })
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
