import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Citizenships with history (domain `citizenshipSchema`). */
export const citizenships = sqliteTable(
  'citizenships',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    country: text('country').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    ...syncColumns(),
  },
  (t) => [index('citizenships_person_idx').on(t.personId)],
)
