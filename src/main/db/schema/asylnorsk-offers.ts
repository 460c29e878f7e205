import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { asylnorskOfferKinds } from '../../../shared/domain'
import { syncColumns } from './columns'

/** A municipality's yearly asylnorsk/NKNV offer (domain `asylnorskOfferSchema`, R7.1, D7). */
export const asylnorskOffers = sqliteTable(
  'asylnorsk_offers',
  {
    id: text('id').primaryKey(),
    municipality: text('municipality').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: asylnorskOfferKinds }).notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    ...syncColumns(),
  },
  (t) => [index('asylnorsk_offers_municipality_idx').on(t.municipality, t.year)],
)
