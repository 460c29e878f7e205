import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** One-time TOTP recovery codes (issue 11 point 1): SHA-256 only; `usedAt` set by the one login that used it. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
)
