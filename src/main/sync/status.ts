import { count, eq, min } from 'drizzle-orm'
import type { SyncStatus } from '../../shared/api'
import type { Replica } from '../db/open'
import { outbox, persons } from '../db/schema'
import { readSyncState, updateSyncState, type SyncStateRow } from '../db/state'
import { openProblemCondition, unsentCondition } from './problems'

/** A4 scope-exit guard stop waiting for the caseworker: persons to remove / local persons. */
export interface PendingScopeExits {
  count: number
  total: number
}

/** What the chip shows with no session (logout, before login). */
export const loggedOutStatus: SyncStatus = {
  state: 'loggedOut',
  progress: null,
  lastSyncAt: null,
  offlineSince: null,
  lastError: null,
  personsInReplica: 0,
  clockOffsetMs: 0,
  pendingScopeExits: null,
  pending: 0,
  oldestPendingAt: null,
  problems: 0,
  stale: false,
}

/** What only the running process knows: whether a cycle runs, and how far it got. */
export interface CycleRuntime {
  running: boolean
  progress: { done: number; total: number } | null
}

/**
 * The chip's status (A4) from `sync_state` — where the last error, a pending scope-exit stop
 * and the caseworker's allowance are kept, so a restart shows the same — plus the running
 * cycle. Precedence: syncing, offline, error, then up to date / not yet synced.
 */
export function deriveSyncStatus(replica: Replica, runtime: CycleRuntime, now: Date = new Date()): SyncStatus {
  const state = readSyncState(replica)
  const n = replica.db.select({ n: count() }).from(persons).where(eq(persons.deleted, false)).get()!.n
  const base = {
    progress: runtime.progress,
    lastSyncAt: state.lastSyncAt,
    offlineSince: state.offlineSince,
    lastError: state.lastError,
    personsInReplica: n,
    clockOffsetMs: state.serverOffsetMs,
    pendingScopeExits: pendingScopeExitsOf(state),
    ...queueCounts(replica, now),
  }
  if (runtime.running) return { ...base, state: 'syncing' }
  if (state.offlineSince) return { ...base, state: 'offline' }
  if (state.lastError) return { ...base, state: 'error' }
  return { ...base, state: state.firstSyncComplete ? 'upToDate' : 'notSynced' }
}

/** A4: unsent work older than this turns the chip red. */
export const STALE_AFTER_MS = 3 * 24 * 60 * 60 * 1000

/**
 * The chip's queue counts (A4). `pending` counts the caseworker's unsent commands only: audit
 * reads travel the same queue but opening a person is not "work not sent". Aggregates, not
 * rows: it runs after every save, so its cost must not grow with the queue. Only age turns the
 * chip red: the register judges a registration at its recorded time (A5), so waiting to send
 * never pushes it out of the R8.1 window.
 */
export function queueCounts(replica: Replica, now: Date): Pick<SyncStatus, 'pending' | 'oldestPendingAt' | 'problems' | 'stale'> {
  const unsent = replica.db
    .select({ n: count(), oldest: min(outbox.recordedAt) })
    .from(outbox)
    .where(unsentCondition())
    .get()!
  const problems = replica.db.select({ n: count() }).from(outbox).where(openProblemCondition()).get()!.n
  const oldest = unsent.oldest ?? null
  return {
    pending: unsent.n,
    oldestPendingAt: oldest,
    problems,
    stale: oldest !== null && now.getTime() - Date.parse(oldest) > STALE_AFTER_MS,
  }
}

export function pendingScopeExitsOf(state: SyncStateRow): PendingScopeExits | null {
  if (!state.pendingScopeExits) return null
  const parsed = JSON.parse(state.pendingScopeExits) as Partial<PendingScopeExits>
  return typeof parsed.count === 'number' && typeof parsed.total === 'number' ? { count: parsed.count, total: parsed.total } : null
}

/** A cycle succeeded: no error, no stop, and a given allowance is used up. */
export function recordCycleSuccess(replica: Replica): void {
  updateSyncState(replica, { lastError: null, pendingScopeExits: null, scopeExitsAllowed: false })
}

/** A cycle failed with `code`; a scope-exit stop also keeps what it would remove. */
export function recordCycleFailure(replica: Replica, code: string, pending?: PendingScopeExits): void {
  updateSyncState(replica, pending ? { lastError: code, pendingScopeExits: JSON.stringify(pending) } : { lastError: code })
}

export function recordLastError(replica: Replica, code: string | null): void {
  updateSyncState(replica, { lastError: code })
}

/** The confirmation is a mutation: `services/scope-exits.ts` writes it through `mutating()`. */
export { recordScopeExitConfirmation } from '../services/scope-exits'
