import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { decisionSchemes } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Contacts with the person (D6.1 / D8.1), registered by the municipality. */
export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('contacts_person_idx').on(t.personId), index('contacts_seq_idx').on(t.seq)],
)
