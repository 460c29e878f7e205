import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { SyncStatus } from '../../shared/api'
import type { Replica } from '../db/open'
import { auditEvents, persons } from '../db/schema'
import { readSyncState, updateSyncState } from '../db/state'
import type { Logger } from '../log'
import { pullToCurrent, ScopeExitGuardError, type PullProgress } from './pull'
import { HttpError, NetworkError, type RegisterClient } from './register-client'

export interface SyncEngineOptions {
  replica: Replica
  client: RegisterClient
  /** Access token of an online login; null after an offline unlock (no pull possible). */
  token: string | null
  log: Logger
  pullLimit: number
  /** Scheduled sync while online (A4: every few minutes). */
  intervalMs: number
  /** Reachability probe while offline. */
  healthIntervalMs: number
  now: () => Date
}

/**
 * Runs sync cycles (pull now; push comes later) and tracks connectivity (A4): a cycle at
 * start, every `intervalMs` while online, and on demand. A network failure anywhere marks
 * the device offline; a `/health` probe every `healthIntervalMs` brings it back and syncs.
 */
export class SyncEngine {
  private running: Promise<void> | null = null
  private progress: PullProgress | null = null
  private lastError: string | null = null
  /** A pull stopped by the scope-exit guard, waiting for the caseworker (A4). */
  private pendingScopeExits: { count: number; total: number } | null = null
  private allowMassScopeExit = false
  private timer: NodeJS.Timeout | null = null
  private probe: NodeJS.Timeout | null = null
  private readonly abort = new AbortController()

  constructor(private readonly o: SyncEngineOptions) {}

  /** Starts scheduling: online → sync now and every interval; offline unlock → probe. */
  start(): void {
    if (this.o.token === null) {
      this.markOffline()
      return
    }
    if (readSyncState(this.o.replica).offlineSince) updateSyncState(this.o.replica, { offlineSince: null })
    this.timer = setInterval(() => this.run(), this.o.intervalMs).unref()
    this.run()
  }

  /** Starts a cycle unless one is running, and returns at once. */
  run(): SyncStatus {
    if (this.abort.signal.aborted) return this.status()
    if (this.o.token === null || readSyncState(this.o.replica).offlineSince) {
      void this.checkHealth()
    } else if (!this.running) {
      this.running = this.cycle().finally(() => {
        this.running = null
        this.progress = null
      })
    }
    return this.status()
  }

  /** Resolves when no cycle is running (tests, logout). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running
  }

  /** A request to the register failed with a network error: offline since now. */
  markOffline(): void {
    if (this.abort.signal.aborted) return
    if (!readSyncState(this.o.replica).offlineSince) updateSyncState(this.o.replica, { offlineSince: this.o.now().toISOString() })
    if (!this.probe) this.probe = setInterval(() => void this.checkHealth(), this.o.healthIntervalMs).unref()
  }

  get online(): boolean {
    return this.o.token !== null && !readSyncState(this.o.replica).offlineSince
  }

  status(): SyncStatus {
    const state = readSyncState(this.o.replica)
    const n = this.o.replica.db.select({ n: count() }).from(persons).where(eq(persons.deleted, false)).get()!.n
    const base = {
      progress: this.progress,
      lastSyncAt: state.lastSyncAt,
      offlineSince: state.offlineSince,
      lastError: this.lastError,
      personsInReplica: n,
      clockOffsetMs: state.serverOffsetMs,
      pendingScopeExits: this.pendingScopeExits,
    }
    if (this.running) return { ...base, state: 'syncing' }
    if (state.offlineSince) return { ...base, state: 'offline' }
    if (this.lastError) return { ...base, state: 'error' }
    return { ...base, state: state.firstSyncComplete ? 'upToDate' : 'notSynced' }
  }

  /**
   * The caseworker confirms a pull that removes many persons (A4): audited (queued for the
   * register like reads), then the next cycle may remove them. Without a pending stop it
   * does nothing but report the status.
   */
  confirmScopeExits(): SyncStatus {
    const pending = this.pendingScopeExits
    if (!pending || this.running) return this.status()
    this.o.replica.db
      .insert(auditEvents)
      .values({ id: randomUUID(), kind: 'scopeExitsConfirmed', at: this.o.now().toISOString(), details: JSON.stringify(pending) })
      .run()
    this.pendingScopeExits = null
    this.lastError = null
    this.allowMassScopeExit = true
    return this.run()
  }

  /** Stops timers and aborts the running request; call before closing the replica. */
  async stop(): Promise<void> {
    this.abort.abort()
    if (this.timer) clearInterval(this.timer)
    if (this.probe) clearInterval(this.probe)
    this.timer = this.probe = null
    await this.running?.catch(() => undefined)
  }

  private async cycle(): Promise<void> {
    try {
      await pullToCurrent({
        replica: this.o.replica,
        client: this.o.client,
        token: this.o.token!,
        limit: this.o.pullLimit,
        signal: this.abort.signal,
        onProgress: (p) => (this.progress = p),
        now: () => this.o.now().getTime(),
        allowMassScopeExit: this.allowMassScopeExit,
      })
      this.lastError = null
      this.allowMassScopeExit = false
    } catch (err) {
      if (this.abort.signal.aborted) return
      this.lastError = this.classify(err)
    }
  }

  private classify(err: unknown): string {
    if (err instanceof ScopeExitGuardError) {
      this.pendingScopeExits = { count: err.count, total: err.total }
      this.o.log.info(`sync stopped: ${err.message}; waiting for confirmation`)
      return 'SCOPE_EXITS_NEED_CONFIRMATION'
    }
    if (err instanceof NetworkError) {
      this.markOffline()
      return 'REGISTER_UNREACHABLE'
    }
    if (err instanceof HttpError && err.status === 401) return 'LOGIN_REQUIRED'
    if (err instanceof HttpError && err.status === 426) return 'UPDATE_REQUIRED'
    this.o.log.error('sync cycle failed', err)
    return 'SYNC_FAILED'
  }

  private async checkHealth(): Promise<void> {
    if (!(await this.o.client.health()) || this.abort.signal.aborted) return
    if (this.probe) clearInterval(this.probe)
    this.probe = null
    updateSyncState(this.o.replica, { offlineSince: null })
    if (this.o.token === null) {
      // Unlocked offline: there is no token to pull with until the caseworker logs in again.
      this.lastError = 'LOGIN_REQUIRED'
      return
    }
    this.lastError = null
    this.run()
  }
}
