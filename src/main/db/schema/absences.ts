import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { AbsenceRow } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Absence (fråvær) in the introduction programme for a period, one row per absence type (domain `absenceSchema`, D8.3, R5.5). */
export const absences = sqliteTable(
  'absences',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    rows: text('rows', { mode: 'json' }).$type<AbsenceRow[]>().notNull(),
    ...syncColumns(),
  },
  (t) => [index('absences_person_idx').on(t.personId)],
)
