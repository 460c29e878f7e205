import { openSync, writeSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { getServerMeta } from './db/meta'
import { openDatabase } from './db/open'
import type { RegisterDb } from './db/types'
import { loadDemo } from './demo/load'
import { LoginThrottle, type LoginThrottleOptions } from './auth/throttle'
import { buildApp } from './http/app'
import type { LogStream } from './http/log'
import type { DufLookupLimit } from './http/context'
import { refreshDueEvaluations } from './rules/evaluate'
import { osloDateOfMs } from '../shared/rules'

export interface StartRegisterOptions {
  databaseUrl?: string
  dataDir?: string
  host?: string
  /** 0 = any free port. */
  port?: number
  /** Load demo users and data when the database has no users yet. */
  demo?: { persons: number } | false
  /** Log requests and errors (pino, personal data redacted: http/log.ts); `stream` captures the lines (tests). */
  logger?: boolean | { stream: LogStream }
  /** Failed-login throttling; `LOGIN_THROTTLE` when absent (auth/throttle.ts). */
  loginThrottle?: Partial<LoginThrottleOptions>
  /**
   * Addresses (IPs or CIDRs) of the TLS proxy in front of the register: only a request whose
   * peer is one of them has its X-Forwarded-For believed (`NIR_TRUSTED_PROXY`). None: the peer
   * address is the client's.
   */
  trustedProxies?: string[]
  /** DUF look-ups per user and window (default `DUF_LOOKUP_LIMIT`: 30 per 10 minutes). */
  dufLookupLimit?: DufLookupLimit
  /** Where the migrations are when this code runs bundled (the desktop app's embedded register). */
  migrationsFolder?: string
  /** Access-token lifetime (default 10 minutes, auth/token.ts); tests shorten it to see the device refresh. */
  tokenTtlMs?: number
  /** The register's clock (ms since the epoch); `Date.now` when absent. Tests move "today" with it. */
  now?: () => number
}

export interface RunningRegister {
  url: string
  app: FastifyInstance
  db: RegisterDb
  close(): Promise<void>
}

/**
 * `NIR_REGISTER_LOG_FILE`: the register's log lines are appended to this file instead of going
 * to stdout (or nowhere). `npm test` sets it for every register its tests start, then scans
 * the file for personal data (`scripts/scan-register-log.ts`, issue 11 point 10). Appends with
 * `O_APPEND` in one write per line, so registers of parallel test workers do not interleave lines.
 */
function logFileStream(): { stream: LogStream } | null {
  const file = process.env.NIR_REGISTER_LOG_FILE
  if (!file) return null
  const fd = openSync(file, 'a')
  return { stream: { write: (line) => void writeSync(fd, line) } }
}

/** Opens the database, loads the demo when asked, and listens (A6, A8). */
export async function startRegister(opts: StartRegisterOptions = {}): Promise<RunningRegister> {
  const opened = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, migrationsFolder: opts.migrationsFolder })
  try {
    if (opts.demo) await loadDemo(opened.db, { persons: opts.demo.persons })
    // Issue 8 point 6: statuses whose day came while the register was down are made true before it serves.
    await refreshDueEvaluations(opened.db, osloDateOfMs((opts.now ?? Date.now)()))
    const { tokenSecret } = await getServerMeta(opened.db)
    const app = await buildApp(
      { db: opened.db, tokenSecret, loginThrottle: new LoginThrottle(opts.loginThrottle), dufLookupLimit: opts.dufLookupLimit, now: opts.now, tokenTtlMs: opts.tokenTtlMs },
      { logger: typeof opts.logger === 'object' ? opts.logger : (logFileStream() ?? opts.logger), trustedProxies: opts.trustedProxies },
    )
    const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 })
    return {
      url: address,
      app,
      db: opened.db,
      close: async () => {
        await app.close()
        await opened.close()
      },
    }
  } catch (e) {
    await opened.close()
    throw e
  }
}
