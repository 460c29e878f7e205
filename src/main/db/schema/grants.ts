import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { grantKinds } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Grants paid (domain `grantSchema`). */
export const grants = sqliteTable(
  'grants',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    municipality: text('municipality').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: grantKinds }).notNull(),
    amountNok: integer('amount_nok').notNull(),
    paidDate: text('paid_date').notNull(),
    ...syncColumns(),
  },
  (t) => [index('grants_person_idx').on(t.personId)],
)
