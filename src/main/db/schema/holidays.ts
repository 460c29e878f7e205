import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { holidayKinds } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Holidays and public feasts in the programme (domain `holidaySchema`, D8.3). */
export const holidays = sqliteTable(
  'holidays',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    kind: text('kind', { enum: holidayKinds }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('holidays_person_idx').on(t.personId)],
)
