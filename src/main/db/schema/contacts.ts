import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { decisionSchemes } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Contacts with the person (domain `contactSchema`, D6.1 / D8.1). */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    date: text('date').notNull(),
    ...syncColumns(),
  },
  (t) => [index('contacts_person_idx').on(t.personId)],
)
