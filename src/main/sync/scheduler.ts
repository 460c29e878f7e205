import type { SyncStatus } from '../../shared/api'
import type { Replica } from '../db/open'
import { readSyncState, updateSyncState } from '../db/state'
import type { DeviceEvents } from '../events'
import type { Logger } from '../log'
import { onCommandCommitted } from '../services/mutating'
import { runCycle } from './cycle'
import { retryNow } from './push'
import type { PullProgress } from './pull'
import type { RegisterClient } from './register-client'
import { deriveSyncStatus, pendingScopeExitsOf, recordLastError, recordScopeExitConfirmation } from './status'

/** How long after a save the push waits for more saves (A4 "sync right after a save"). */
export const SAVE_DEBOUNCE_MS = 1_000

export interface SyncSchedulerOptions {
  replica: Replica
  client: RegisterClient
  /** Access token of an online login; null after an offline unlock (no pull possible). `resume()` replaces it. */
  token: string | null
  log: Logger
  pullLimit: number
  /** Scheduled sync while online (A4: every few minutes). */
  intervalMs: number
  /** Reachability probe while offline. */
  healthIntervalMs: number
  now: () => Date
  /** Where `sync.status` and `sync.progress` go (the renderer listens instead of polling). */
  events: DeviceEvents
  /** The replica's first sync just completed (the session's `replicaReady` flips). */
  onFirstSyncComplete?: () => void
  /**
   * Issue 11.1: a new access token from the device's refresh token, or null when the register
   * refused it (a login is needed). Absent: a refused token waits for the password.
   */
  renewToken?: () => Promise<string | null>
  /** A6: the register answered that the user is disabled; the owner ends the session and retires the replica. */
  onUserDisabled?: () => void
}

/**
 * When sync cycles run (A4): at start, every `intervalMs` while online, and on demand. A
 * network failure anywhere marks the device offline; a `/health` probe every
 * `healthIntervalMs` brings it back and syncs. Only the timers and the running cycle live
 * here; everything the chip must still show after a restart is in `sync_state`.
 */
export class SyncScheduler {
  private running: Promise<void> | null = null
  private progress: PullProgress | null = null
  private timer: NodeJS.Timeout | null = null
  private probe: NodeJS.Timeout | null = null
  private readonly abort = new AbortController()
  private soon: NodeJS.Timeout | null = null
  /** A save arrived while a cycle ran: that cycle may have pushed before it, so run once more. */
  private again = false
  private unlisten: (() => void) | null = null

  constructor(private readonly o: SyncSchedulerOptions) {}

  /** Starts scheduling: online → sync now and every interval; offline unlock → probe. */
  start(): void {
    this.unlisten = onCommandCommitted(this.o.replica, () => this.requestSoon())
    if (this.o.token === null) {
      this.markOffline()
      return
    }
    if (readSyncState(this.o.replica).offlineSince) updateSyncState(this.o.replica, { offlineSince: null })
    this.timer = setInterval(() => this.run(), this.o.intervalMs).unref()
    this.run()
  }

  /** The caseworker asks to sync now: unsent work goes at once, whatever its retry timer says. */
  runNow(): SyncStatus {
    if (!this.abort.signal.aborted) retryNow(this.o.replica)
    return this.run()
  }

  /** Starts a cycle unless one is running, and returns at once. */
  run(): SyncStatus {
    if (this.abort.signal.aborted) return this.status()
    if (this.o.token === null || readSyncState(this.o.replica).offlineSince) {
      void this.checkHealth()
    } else if (!this.running) {
      this.running = this.cycle(this.o.token)
        .catch((err: unknown) => this.o.log.error('sync cycle failed', err))
        .finally(() => {
          this.running = null
          this.progress = null
          this.changed()
          if (this.again) {
            this.again = false
            this.run()
          }
        })
      this.changed()
    }
    return this.status()
  }

  /**
   * A4: a caseworker's save is pushed right away when online — debounced, so a burst of saves
   * (a week of participation, one dialog after another) travels in one cycle. The chip's
   * counts change at once. Offline the save waits for the probe like everything else.
   */
  requestSoon(): void {
    if (this.abort.signal.aborted) return
    this.changed()
    if (this.soon) clearTimeout(this.soon)
    this.soon = setTimeout(() => {
      this.soon = null
      if (this.running) this.again = true
      else if (this.online) this.run()
    }, SAVE_DEBOUNCE_MS).unref()
  }

  /** Resolves when no cycle is running (tests, logout). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running
  }

  /** A request to the register failed with a network error: offline since now. */
  markOffline(): void {
    if (this.abort.signal.aborted) return
    if (!readSyncState(this.o.replica).offlineSince) {
      updateSyncState(this.o.replica, { offlineSince: this.o.now().toISOString() })
      this.changed()
    }
    if (!this.probe) this.probe = setInterval(() => void this.checkHealth(), this.o.healthIntervalMs).unref()
  }

  /** A request outside the cycle (a DUF look-up) had its token refused: as a refused cycle does. */
  markLoginRequired(): void {
    if (this.abort.signal.aborted) return
    recordLastError(this.o.replica, 'LOGIN_REQUIRED')
    this.changed()
  }

  get online(): boolean {
    return this.o.token !== null && !readSyncState(this.o.replica).offlineSince
  }

  status(): SyncStatus {
    return deriveSyncStatus(this.o.replica, { running: this.running !== null, progress: this.progress }, this.o.now())
  }

  /**
   * The caseworker confirms a pull that removes many persons (A4): audited, then the next
   * cycle may remove them. Without a pending stop it does nothing but report the status.
   */
  confirmScopeExits(): SyncStatus {
    const pending = pendingScopeExitsOf(readSyncState(this.o.replica))
    if (!pending || this.running) return this.status()
    recordScopeExitConfirmation(this.o.replica, pending, this.o.now())
    this.changed()
    return this.run()
  }

  /**
   * Issue 7.6: a fresh token after the register refused the old one (or after an offline
   * unlock). The register just answered, so the device is online: the probe stops, the
   * interval starts, `LOGIN_REQUIRED` is cleared and a cycle starts. The outbox is untouched;
   * that cycle pushes what waited. A cycle still running with the old token ends first (its
   * 401 would otherwise write `LOGIN_REQUIRED` back), then the new one runs.
   */
  async resume(token: string): Promise<SyncStatus> {
    if (this.abort.signal.aborted) return this.status()
    this.o.token = token
    await this.whenIdle()
    if (this.probe) clearInterval(this.probe)
    this.probe = null
    if (!this.timer) this.timer = setInterval(() => this.run(), this.o.intervalMs).unref()
    updateSyncState(this.o.replica, { offlineSince: null })
    if (readSyncState(this.o.replica).lastError === 'LOGIN_REQUIRED') recordLastError(this.o.replica, null)
    return this.run()
  }

  /** Stops timers and aborts the running request; call before closing the replica. */
  async stop(): Promise<void> {
    this.abort.abort()
    this.unlisten?.()
    if (this.soon) clearTimeout(this.soon)
    if (this.timer) clearInterval(this.timer)
    if (this.probe) clearInterval(this.probe)
    this.timer = this.probe = null
    await this.running?.catch(() => undefined)
  }

  /** A fresh access token without the caseworker (issue 11.1); null when none can be had. Network failures throw. */
  async renewToken(): Promise<string | null> {
    if (!this.o.renewToken || this.abort.signal.aborted) return null
    const token = await this.o.renewToken()
    if (token && !this.abort.signal.aborted) this.o.token = token
    return token
  }

  private async cycle(token: string, renewed = false): Promise<void> {
    const wasReady = readSyncState(this.o.replica).firstSyncComplete
    const outcome = await runCycle({
      replica: this.o.replica,
      client: this.o.client,
      token,
      pullLimit: this.o.pullLimit,
      signal: this.abort.signal,
      log: this.o.log,
      now: this.o.now,
      onProgress: (p) => {
        this.progress = p
        this.o.events.emit('sync.progress', p)
      },
    })
    // Issue 11.1: the 10-minute access token expired (or was refused): renew it once and sync again.
    if (!renewed && !outcome.ok && 'code' in outcome && outcome.code === 'LOGIN_REQUIRED') {
      const fresh = await this.renewToken().catch(() => null)
      if (fresh) return this.cycle(fresh, true)
    }
    if (!outcome.ok && 'offline' in outcome && outcome.offline) this.markOffline()
    // After this cycle has settled: the handler stops this scheduler, which waits for the running cycle.
    if (!outcome.ok && 'code' in outcome && outcome.code === 'USER_DISABLED') setImmediate(() => this.o.onUserDisabled?.())
    if (!wasReady && !this.abort.signal.aborted && readSyncState(this.o.replica).firstSyncComplete) this.o.onFirstSyncComplete?.()
  }

  private async checkHealth(): Promise<void> {
    if (!(await this.o.client.health()) || this.abort.signal.aborted) return
    if (this.probe) clearInterval(this.probe)
    this.probe = null
    updateSyncState(this.o.replica, { offlineSince: null })
    retryNow(this.o.replica)
    // Unlocked offline (issue 11.1): the stored refresh token gets an access token without asking.
    if (this.o.token === null && (await this.renewToken().catch(() => null)) !== null) {
      await this.resume(this.o.token!)
      return
    }
    // No refresh token, or the register refused it: no token to pull with until the caseworker logs in again.
    recordLastError(this.o.replica, this.o.token === null ? 'LOGIN_REQUIRED' : null)
    this.changed()
    if (this.o.token !== null) this.run()
  }

  /** Tells the renderer; never after `stop()`, when the replica is about to close. */
  private changed(): void {
    if (!this.abort.signal.aborted) this.o.events.emit('sync.status', this.status())
  }
}
