import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Absence after ended parental leave; moves the completion deadline (domain `parentalLeaveAbsenceSchema`, D8.3, R5.2). */
export const parentalLeaveAbsences = pgTable(
  'parental_leave_absences',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    typeCode: text('type_code').notNull(),
    reason: text('reason'),
    ...syncColumns(),
  },
  (t) => [index('parental_leave_absences_person_idx').on(t.personId), index('parental_leave_absences_seq_idx').on(t.seq)],
)
