import { date, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Ending of the introduction programme (avslutning, domain `endingSchema`, D8.4, R5.6). */
export const endings = pgTable(
  'endings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    reasonCode: text('reason_code').notNull(),
    hoursPerWeek: doublePrecision('hours_per_week'),
    ...syncColumns(),
  },
  (t) => [index('endings_person_idx').on(t.personId), index('endings_seq_idx').on(t.seq)],
)
