import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row (id = 1): the database lineage `epoch` (a UUID; a restore or re-import gets a new
 * one and every device resets, A4) and the HMAC secret for access tokens. The secret lives
 * in the database so several server instances behind a load balancer agree (A6).
 */
export const serverMeta = pgTable('server_meta', {
  id: integer('id').primaryKey(),
  epoch: text('epoch').notNull(),
  tokenSecret: text('token_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
