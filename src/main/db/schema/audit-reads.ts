import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Person reads (D12) queued on the device until a later push sends them. */
export const auditReads = sqliteTable('audit_reads', {
  id: text('id').primaryKey(),
  personId: text('person_id').notNull(),
  /** Device time of the read (ISO 8601). */
  readAt: text('read_at').notNull(),
})
