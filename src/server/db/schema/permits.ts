import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Residence permits (opphaldsløyve) with history (D3). */
export const permits = pgTable(
  'permits',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    groundCode: text('ground_code').notNull(),
    permitType: text('permit_type').notNull(),
    legalBasis: text('legal_basis').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    grantedDate: date('granted_date', { mode: 'string' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('permits_person_idx').on(t.personId), index('permits_seq_idx').on(t.seq)],
)
