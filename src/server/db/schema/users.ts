import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Users of the register (D2). `passwordHash` is `scrypt$N$r$p$salt$hash` (base64 parts).
 * `failedLogins`/`lockedUntil` are no longer used: a per-user lock let any attacker lock a
 * caseworker out; login throttling is per (user, IP) in memory (auth/throttle.ts, issue 11 point 2).
 * `centralAdmin` may import base data; it is not a municipal role.
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
})
