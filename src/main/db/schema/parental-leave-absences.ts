import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Absence after ended parental leave; moves the completion deadline (domain `parentalLeaveAbsenceSchema`, D8.3, R5.2). */
export const parentalLeaveAbsences = sqliteTable(
  'parental_leave_absences',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    typeCode: text('type_code').notNull(),
    reason: text('reason'),
    ...syncColumns(),
  },
  (t) => [index('parental_leave_absences_person_idx').on(t.personId)],
)
