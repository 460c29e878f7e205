import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { User } from '../../../shared/domain'

/** The last logged-in user's profile (single row `id = 1`), so the replica can be unlocked offline. */
export const sessionProfile = sqliteTable('session_profile', {
  id: integer('id').primaryKey(),
  user: text('user', { mode: 'json' }).$type<User>().notNull(),
  serverUrl: text('server_url').notNull(),
  /** Server time (ISO 8601) of the last online login. */
  loggedInAt: text('logged_in_at').notNull(),
})
