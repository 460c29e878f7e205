import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { addressSources } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Addresses with source register and history (D3). */
export const addresses = pgTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    source: text('source', { enum: addressSources }).notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    postalPlace: text('postal_place').notNull(),
    municipality: text('municipality').notNull(),
    district: text('district'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    ...syncColumns(),
  },
  (t) => [index('addresses_person_idx').on(t.personId), index('addresses_seq_idx').on(t.seq)],
)
