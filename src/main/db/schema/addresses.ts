import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { addressSources } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Addresses with source and history (domain `addressSchema`). */
export const addresses = sqliteTable(
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
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    ...syncColumns(),
  },
  (t) => [index('addresses_person_idx').on(t.personId)],
)
