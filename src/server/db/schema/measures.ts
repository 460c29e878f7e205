import { date, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Measures (tiltak) of the introduction programme (domain `measureSchema`, D8.3, R5.3). */
export const measures = pgTable(
  'measures',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    groupCode: text('group_code').notNull(),
    measureCode: text('measure_code').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    hoursPerWeek: doublePrecision('hours_per_week').notNull(),
    ...syncColumns(),
  },
  (t) => [index('measures_person_idx').on(t.personId), index('measures_seq_idx').on(t.seq)],
)
