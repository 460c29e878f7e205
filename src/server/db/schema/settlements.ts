import { boolean, date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Settlements (busetting) from the settlement module (D3). */
export const settlements = pgTable(
  'settlements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    municipality: text('municipality').notNull(),
    byAgreement: boolean('by_agreement').notNull(),
    familyReunification: boolean('family_reunification').notNull(),
    ...syncColumns(),
  },
  (t) => [index('settlements_person_idx').on(t.personId), index('settlements_seq_idx').on(t.seq)],
)
