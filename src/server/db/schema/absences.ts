import { date, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import type { AbsenceRow } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Absence (fråvær) in the introduction programme for a period, one row per absence type (domain `absenceSchema`, D8.3, R5.5). */
export const absences = pgTable(
  'absences',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    rows: jsonb('rows').$type<AbsenceRow[]>().notNull(),
    ...syncColumns(),
  },
  (t) => [index('absences_person_idx').on(t.personId), index('absences_seq_idx').on(t.seq)],
)
