import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Sync bookkeeping (A3), a single row with `id = 1`. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  cursorEpoch: text('cursor_epoch').notNull().default(''),
  cursorSeq: integer('cursor_seq').notNull().default(0),
  /** Server time (ISO 8601) of the last successful pull. */
  lastSyncAt: text('last_sync_at'),
  /** Server time minus device time, in milliseconds, at the last contact. */
  serverOffsetMs: integer('server_offset_ms').notNull().default(0),
  deviceId: text('device_id').notNull(),
  firstSyncComplete: integer('first_sync_complete', { mode: 'boolean' }).notNull().default(false),
  /** Device time (ISO 8601) since when the register has been unreachable; null when online. */
  offlineSince: text('offline_since'),
})
