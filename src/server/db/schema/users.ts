import { bigint, boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Users of the register (D2). `passwordHash` is `scrypt$N$r$p$salt$hash` (base64 parts).
 * `failedLogins`/`lockedUntil` are no longer used: a per-user lock let any attacker lock a
 * caseworker out; login throttling is per (user, IP) in memory (auth/throttle.ts, issue 11 point 2).
 * `centralAdmin` may import base data; it is not a municipal role.
 * `tokenGeneration` is carried by every access token; logout and a password change raise it,
 * so every token issued before is refused (issue 11 point 1). `totpSecret` is the TOTP secret
 * AES-GCM-encrypted (auth/totp.ts), null while the user is not enrolled; `totpLastStep` is the
 * last accepted 30-second step, so a code is never accepted twice.
 */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  municipality: text('municipality').notNull(),
  district: text('district'),
  roles: text('roles').array().notNull(),
  centralAdmin: boolean('central_admin').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  tokenGeneration: integer('token_generation').notNull().default(0),
  totpSecret: text('totp_secret'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
})
