import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Append-only audit log (A6, D12): every mutation and every person read, with who and when.
 * Nothing in the server updates or deletes these rows.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    time: timestamp('time', { withTimezone: true }).notNull().defaultNow(),
    userId: text('user_id'),
    username: text('username').notNull(),
    deviceId: text('device_id'),
    action: text('action').notNull(),
    personId: text('person_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_person_idx').on(t.personId)],
)
