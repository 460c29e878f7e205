import type { LoginThrottle } from '../auth/throttle'
import type { RegisterDb } from '../db/types'

/** What every route needs: the database and the token secret (read once: it never changes). */
export interface ServerContext {
  db: RegisterDb
  tokenSecret: string
  /** Failed-login throttling (A7, issue 11 point 2); one per register process. */
  loginThrottle: LoginThrottle
  /** DUF look-ups per user and window; `DUF_LOOKUP_LIMIT` (routes/persons.ts) when absent. */
  dufLookupLimit?: DufLookupLimit
  /** Access-token lifetime; `TOKEN_TTL_MS` (10 minutes) when absent. Tests shorten it to see a refresh. */
  tokenTtlMs?: number
  /** The register's clock (ms since the epoch) for "today" in reports; `Date.now` when absent. */
  now?: () => number
}

/** At most `max` requests per user in any fixed window of `windowMs` (issue 6 point 13c). */
export interface DufLookupLimit {
  max: number
  windowMs: number
}
