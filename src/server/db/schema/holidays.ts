import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { holidayKinds } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Holidays and public feasts in the programme (domain `holidaySchema`, D8.3). */
export const holidays = pgTable(
  'holidays',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: holidayKinds }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('holidays_person_idx').on(t.personId), index('holidays_seq_idx').on(t.seq)],
)
