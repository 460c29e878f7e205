import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Citizenship with history (D3). */
export const citizenships = pgTable(
  'citizenships',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    country: text('country').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    ...syncColumns(),
  },
  (t) => [index('citizenships_person_idx').on(t.personId), index('citizenships_seq_idx').on(t.seq)],
)
