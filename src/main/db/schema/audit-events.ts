import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Caseworker decisions the register must hear about (A4: a confirmed mass scope exit is
 * audited), queued on the device like reads until a later push sends them.
 */
export const auditEvents = sqliteTable('audit_events', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['scopeExitsConfirmed'] }).notNull(),
  /** Device time (ISO 8601). */
  at: text('at').notNull(),
  /** JSON with the event's values. */
  details: text('details').notNull(),
})
