import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Residence permits (domain `permitSchema`). */
export const permits = sqliteTable(
  'permits',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    groundCode: text('ground_code').notNull(),
    permitType: text('permit_type').notNull(),
    legalBasis: text('legal_basis').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    grantedDate: text('granted_date').notNull(),
    ...syncColumns(),
  },
  (t) => [index('permits_person_idx').on(t.personId)],
)
