import type { Result, SessionState } from '../../shared/api'
import { fail, ok } from '../../shared/api'
import { readProfile, readSyncState } from '../db/state'
import { replicaFile, unlockReplica } from '../db/vault'
import { StartupError } from '../host/startup-error'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { renewer, sessionState } from './session'

/** A7: the app locks after 15 idle minutes; a deployment may shorten it, never lengthen it. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15
/** Wrong passwords at the lock screen before the session ends and a full login is needed. */
export const UNLOCK_ATTEMPTS = 5

export interface IdleLockOptions {
  /** Idle minutes before the lock (default 15; `NIR_IDLE_LOCK_MINUTES`). */
  idleLockMinutes?: number
  /** How often the idle time is looked at (default a quarter of it, at most 15 s); tests shorten it. */
  idleCheckIntervalMs?: number
}

export type LockCause = 'idle' | 'suspend' | 'lock-screen'

/** What a locked device still answers: the state, the way back in, and leaving. */
const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set(['session.state', 'session.login', 'session.logout', 'lock.unlock', 'lock.activity'])

/** The session without its replica and sync engine: who is logged in, with what token. */
type HeldSession = Omit<ActiveSession, 'replica' | 'sync'>

/** `NIR_IDLE_LOCK_MINUTES` read once at start-up; a value that is not a sensible number stops the start with a message. */
export function idleLockMinutesFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_IDLE_LOCK_MINUTES
  const minutes = Number(value)
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > DEFAULT_IDLE_LOCK_MINUTES) {
    throw new StartupError(`NIR_IDLE_LOCK_MINUTES must be a number of minutes above 0 and at most ${DEFAULT_IDLE_LOCK_MINUTES} (A7), not "${value}".`)
  }
  return minutes
}

/**
 * Issue 11 point 4 (A7). Every accepted contract call is activity (the renderer adds
 * `lock.activity` for keyboard and mouse input that calls nothing); after the idle time, or on
 * `lock(cause)` from Electron's power monitor, the sync stops and the replica closes, so its key
 * leaves memory. The user and token stay, so the same user unlocks with the password alone and
 * the sync resumes where it was; any other way in is a full login.
 */
export class IdleLock {
  readonly idleMs: number
  private readonly checkMs: number
  private held: { session: HeldSession; replicaReady: boolean } | null = null
  private lastActivity: number
  private timer: NodeJS.Timeout | null = null
  private failures = 0
  /** Unlock attempts one after the other: two at once must not open the replica twice. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly ctx: ServiceContext,
    options: IdleLockOptions,
  ) {
    this.idleMs = Math.round((options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000)
    this.checkMs = options.idleCheckIntervalMs ?? Math.min(15_000, Math.max(250, Math.floor(this.idleMs / 4)))
    this.lastActivity = ctx.now().getTime()
  }

  get locked(): boolean {
    return this.held !== null
  }

  /** The locked session's user and tokens, so a logout from the unlock screen revokes them on the register. */
  get heldSession(): HeldSession | null {
    return this.held?.session ?? null
  }

  /** Asked by `dispatch` before every call: `LOCKED` while locked (but for the open calls), else the call counts as activity. */
  gate(name: string): Result<never> | null {
    if (this.held) return OPEN_WHILE_LOCKED.has(name) ? null : fail('LOCKED')
    // Asking whether the session is open (a reload, a reconnect) is no sign that anyone is at the keyboard.
    if (name !== 'session.state') this.touch()
    return null
  }

  touch(): void {
    this.lastActivity = this.ctx.now().getTime()
    // Kept running from the first call on (unref'd: it never holds the process open); stopping it
    // while nobody is logged in would miss a login whose session opens after its first tick.
    this.timer ??= setInterval(() => void this.check(), this.checkMs).unref()
  }

  /** Locks when the idle time has passed (also what the timer calls). */
  async check(): Promise<void> {
    if (this.ctx.session && this.ctx.now().getTime() - this.lastActivity >= this.idleMs) await this.lock('idle')
  }

  /** Locks the open session now; false when there is none (logged out, or locked already). */
  async lock(cause: LockCause): Promise<boolean> {
    const s = this.ctx.session
    if (!s || this.held) return false
    const { replica, sync, ...session } = s
    this.held = { session, replicaReady: readSyncState(replica).firstSyncComplete }
    this.failures = 0
    // Through the setter, so the renderer hears `session.changed` with phase `locked` at once.
    this.ctx.session = null
    await sync.stop()
    replica.close()
    this.ctx.log.info(`session locked (${cause})`)
    return true
  }

  unlock(password: string): Promise<Result<SessionState>> {
    const next = this.queue.then(() => this.tryUnlock(password))
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Forgets a locked session (logout, or another login from the lock screen); true when there was one. */
  forget(): boolean {
    const was = this.held !== null
    this.held = null
    this.failures = 0
    return was
  }

  /** `SessionState` of a locked session: who it belongs to, so the unlock screen can say so. */
  lockedState(today: string): SessionState | null {
    const held = this.held
    if (!held) return null
    return { phase: 'locked', user: held.session.user, mode: held.session.mode, serverUrl: this.ctx.serverUrl, replicaReady: held.replicaReady, today }
  }

  private async tryUnlock(password: string): Promise<Result<SessionState>> {
    const held = this.held
    if (!held) return this.ctx.session ? ok(sessionState(this.ctx)) : fail('NOT_LOGGED_IN')
    const file = replicaFile(this.ctx.options.dataDir, this.ctx.serverUrl, held.session.user.username)
    const unlocked = await unlockReplica(file, password, { create: false, migrationsFolder: this.ctx.options.migrationsFolder })
    // Logged out (or in as someone else) while the key was derived: this answer is for nobody.
    if (this.held !== held) {
      if (unlocked.ok) unlocked.replica.close()
      return fail('SESSION_ENDED')
    }
    if (!unlocked.ok) {
      if (unlocked.reason !== 'WRONG_PASSWORD') return this.end('SESSION_ENDED')
      this.failures++
      if (this.failures >= UNLOCK_ATTEMPTS) return this.end('UNLOCK_ATTEMPTS_EXCEEDED')
      return fail('UNLOCK_WRONG_PASSWORD', 'password', { attemptsLeft: UNLOCK_ATTEMPTS - this.failures })
    }
    const { replica } = unlocked
    // The file is this user's by its name; the profile inside says the same, or nobody gets it.
    if (readProfile(replica)?.user.id !== held.session.user.id) {
      replica.close()
      return this.end('SESSION_ENDED')
    }
    const { token, tokens } = held.session
    // The same refresh token as before the lock: an access token that ended meanwhile is renewed without asking.
    const session: ActiveSession = { ...held.session, replica, sync: this.ctx.startSync(replica, token, tokens && renewer(this.ctx, tokens)) }
    this.held = null
    this.failures = 0
    this.ctx.session = session
    this.touch()
    this.ctx.log.info('session unlocked')
    return ok(sessionState(this.ctx))
  }

  /** The lock cannot be opened with a password (too many tries, a replica gone): back to the full login. */
  private async end(code: 'SESSION_ENDED' | 'UNLOCK_ATTEMPTS_EXCEEDED'): Promise<Result<SessionState>> {
    this.ctx.log.info(`locked session ended (${code})`)
    // Someone guessing at the unlock screen must not leave a refresh token behind: the next login is a full one.
    const held = this.held?.session
    if (held?.tokens) await held.tokens.logout(held.token).catch((err: unknown) => this.ctx.log.info(`logout not confirmed by the register: ${(err as Error).name}`))
    await this.ctx.closeSession()
    return fail(code, code === 'UNLOCK_ATTEMPTS_EXCEEDED' ? 'password' : undefined)
  }
}

/** The `lock.*` slice of the contract. */
export function lockHandlers(ctx: ServiceContext) {
  return {
    'lock.activity': async () => ok({ idleLockMs: ctx.idleLock.idleMs }),
    'lock.unlock': async ({ password }) => ctx.idleLock.unlock(password),
  } satisfies AreaHandlers<'lock'>
}
