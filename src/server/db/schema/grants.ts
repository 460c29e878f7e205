import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { grantKinds } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Grants paid for a person (norsktilskot utbetalt), read-only (D3). */
export const grants = pgTable(
  'grants',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    municipality: text('municipality').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: grantKinds }).notNull(),
    amountNok: integer('amount_nok').notNull(),
    paidDate: date('paid_date', { mode: 'string' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('grants_person_idx').on(t.personId), index('grants_seq_idx').on(t.seq)],
)
