import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** Per device, the last outbox `seq` the register processed (A4): a gap answers `resend_from`. */
export const pushDevices = pgTable('push_devices', {
  deviceId: text('device_id').primaryKey(),
  userId: text('user_id').notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
