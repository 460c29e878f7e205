import type { z } from 'zod'
import type { Reason, Result } from '../../shared/api'
import type { Contract, ContractName, OutputOf } from '../../shared/api'
import type { User } from '../../shared/domain'
import type { Replica } from '../db/open'
import { consoleLogger, type Logger } from '../log'
import { DeviceEvents } from '../events'
import { SyncScheduler } from '../sync/scheduler'
import { loggedOutStatus } from '../sync/status'
import { RegisterClient } from '../sync/register-client'
import type { TokenKeeper } from '../sync/token-keeper'
import { normaliseServerUrl } from '../db/vault'
import { osloDateOfMs } from '../../shared/rules'
import { sessionState } from './session'
import { IdleLock, type IdleLockOptions } from './idle-lock'
import { retireDisabledReplica } from './retire'

/** A handler of one contract entry: validated input in, Result out. */
export type Handler<K extends ContractName> = (input: z.output<Contract[K]['input']>) => Promise<Result<OutputOf<K>>>

/** The handlers of one screen area (`session`, `persons`, …), derived from the contract. */
export type AreaHandlers<A extends string> = {
  [K in ContractName as K extends `${A}.${string}` ? K : never]: Handler<K>
}

export type Services = { [K in ContractName]: Handler<K> }

export interface ServiceOptions extends IdleLockOptions {
  /** Device data folder; replicas live in `<dataDir>/replicas`. */
  dataDir: string
  serverUrl: string
  log?: Logger
  fetch?: typeof fetch
  /** Change sets per pull page (default 500). */
  pullLimit?: number
  /** Scheduled sync while online (default 3 minutes, A4). */
  syncIntervalMs?: number
  /** Reachability probe while offline (default 15 s). */
  healthIntervalMs?: number
  /** Demo/test mode: synthetic national ids are searchable (R11.2). */
  allowSynthetic?: boolean
  migrationsFolder?: string
  requestTimeoutMs?: number
  now?: () => Date
  /** How often an open session looks whether the Oslo date has turned (default 1 minute). */
  dayCheckIntervalMs?: number
  /** The municipality's logo printed on participant certificates (a PNG; `NIR_CERTIFICATE_LOGO`, issue 10 point 3). */
  certificateLogoPng?: Uint8Array
}

/** The logged-in (unlocked) user with their open replica. */
export interface ActiveSession {
  user: User
  mode: 'online' | 'offline'
  /** In memory only, never stored. */
  token: string | null
  /** The device-bound refresh token (issue 11.1); absent when none could be had. */
  tokens?: TokenKeeper
  replica: Replica
  sync: SyncScheduler
}

/** What every service shares: options, the register client, and the current session. */
export class ServiceContext {
  readonly serverUrl: string
  readonly client: RegisterClient
  readonly log: Logger
  readonly now: () => Date
  /** What the transports forward to the renderer (IPC in Electron, `GET /api/events` in browser mode). */
  readonly events: DeviceEvents
  /** Issue 11.4: locks the session after the idle time or on sleep (idle-lock.ts). */
  readonly idleLock: IdleLock
  private active: ActiveSession | null = null
  /** What the next screen must tell the caseworker (`SessionState.notice`); set by login and by a disabled user's retirement. */
  notice: Reason | null = null
  private dayWatch: NodeJS.Timeout | null = null

  constructor(readonly options: ServiceOptions) {
    this.serverUrl = normaliseServerUrl(options.serverUrl)
    this.client = new RegisterClient(this.serverUrl, { fetch: options.fetch, timeoutMs: options.requestTimeoutMs })
    this.log = options.log ?? consoleLogger
    this.now = options.now ?? (() => new Date())
    this.events = new DeviceEvents(this.log)
    this.idleLock = new IdleLock(this, options)
  }

  get session(): ActiveSession | null {
    return this.active
  }

  /** Every login and logout goes through here, so the renderer always hears of it. */
  set session(next: ActiveSession | null) {
    this.active = next
    this.events.emit('session.changed', sessionState(this))
    if (!next) this.events.emit('sync.status', loggedOutStatus)
    this.watchTheDay(next !== null)
  }

  /**
   * `SessionState.today` is the date every screen and check of the renderer judges with: a
   * laptop left open past midnight must not go on with yesterday. While a session is open, main
   * looks once a minute and tells the renderer when the Oslo date has turned.
   */
  private watchTheDay(open: boolean): void {
    if (this.dayWatch) clearInterval(this.dayWatch)
    this.dayWatch = null
    if (!open) return
    let day = osloDateOfMs(this.now().getTime())
    this.dayWatch = setInterval(() => {
      const now = osloDateOfMs(this.now().getTime())
      if (now === day || !this.active) return
      day = now
      this.events.emit('session.changed', sessionState(this))
    }, this.options.dayCheckIntervalMs ?? 60_000).unref()
  }

  /** Starts the sync engine of a freshly unlocked replica. */
  startSync(replica: Replica, token: string | null, renewToken?: () => Promise<string | null>): SyncScheduler {
    const engine = new SyncScheduler({
      replica,
      client: this.client,
      token,
      log: this.log,
      pullLimit: this.options.pullLimit ?? 500,
      intervalMs: this.options.syncIntervalMs ?? 180_000,
      healthIntervalMs: this.options.healthIntervalMs ?? 15_000,
      now: this.now,
      events: this.events,
      onFirstSyncComplete: () => this.events.emit('session.changed', sessionState(this)),
      renewToken,
      onUserDisabled: () => void this.retireDisabledUser(),
    })
    engine.start()
    return engine
  }

  /**
   * A6 / issue 11.7: a sync cycle heard that the user is disabled. The session ends, the
   * replica is wiped (or sealed with its unsent work, `retireDisabledReplica`) and the login
   * screen says why.
   */
  async retireDisabledUser(): Promise<void> {
    const s = this.active
    if (!s) return
    this.active = null
    await s.sync.stop()
    this.notice = retireDisabledReplica(s.replica.file, s.replica, this.now())
    this.log.info(`user disabled on the register: replica ${this.notice.code === 'USER_DISABLED' ? 'wiped' : 'sealed with unsent work'}`)
    this.session = null
  }

  /** Locks: stops sync and closes the replica. */
  async closeSession(): Promise<void> {
    // A locked session ends here too (logout or another login from the unlock screen).
    if (this.idleLock.forget() && !this.active) this.events.emit('session.changed', sessionState(this))
    const s = this.active
    if (!s) return
    this.session = null
    await s.sync.stop()
    s.replica.close()
  }
}
