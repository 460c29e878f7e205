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
  /**
   * JSON `{count, total}` while a pull waits for the caseworker to confirm a mass scope exit
   * (A4, 20 % guard); null otherwise. Kept here so it survives a restart.
   */
  pendingScopeExits: text('pending_scope_exits'),
  /** The caseworker confirmed the pending scope exits: the next cycle may apply them. */
  scopeExitsAllowed: integer('scope_exits_allowed', { mode: 'boolean' }).notNull().default(false),
  /** Reason code of the last failed cycle; null after a success. */
  lastError: text('last_error'),
  /** Next value of the outbox's per-device sequence. */
  nextOutboxSeq: integer('next_outbox_seq').notNull().default(1),
})
