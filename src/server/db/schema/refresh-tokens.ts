import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Device-bound refresh tokens (A7, issue 11 point 1). Only the SHA-256 of a token is stored.
 * A login starts a family; each use rotates: the used row gets `rotatedAt`, a new row of the
 * same family is issued. A rotated token presented again means it was copied, so the whole
 * family is revoked (`revokedAt`). Logout and a password change revoke every row of the user.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    familyId: text('family_id').notNull(),
    userId: text('user_id').notNull(),
    deviceId: text('device_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_user_idx').on(t.userId)],
)
