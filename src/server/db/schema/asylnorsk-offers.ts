import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { asylnorskOfferKinds } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** A municipality's yearly asylnorsk/NKNV offer (R7.1, D7): the basis for the grant; synced to every device. */
export const asylnorskOffers = pgTable(
  'asylnorsk_offers',
  {
    id: text('id').primaryKey(),
    municipality: text('municipality').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: asylnorskOfferKinds }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('asylnorsk_offers_municipality_idx').on(t.municipality, t.year), index('asylnorsk_offers_seq_idx').on(t.seq)],
)
