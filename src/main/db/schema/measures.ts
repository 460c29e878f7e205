import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Measures (tiltak) of the introduction programme (domain `measureSchema`, D8.3, R5.3). */
export const measures = sqliteTable(
  'measures',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    groupCode: text('group_code').notNull(),
    measureCode: text('measure_code').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    hoursPerWeek: real('hours_per_week').notNull(),
    ...syncColumns(),
  },
  (t) => [index('measures_person_idx').on(t.personId)],
)
