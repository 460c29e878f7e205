import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Ending of the introduction programme (avslutning, domain `endingSchema`, D8.4, R5.6). */
export const endings = sqliteTable(
  'endings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    endDate: text('end_date').notNull(),
    reasonCode: text('reason_code').notNull(),
    hoursPerWeek: real('hours_per_week'),
    ...syncColumns(),
  },
  (t) => [index('endings_person_idx').on(t.personId)],
)
