import type { RegisterDb } from '../db/types'

/** What every route needs: the database and the token secret (read once: it never changes). */
export interface ServerContext {
  db: RegisterDb
  tokenSecret: string
  /** Login attempts per IP per minute (A7 throttling). */
  loginRateLimit: number
}
