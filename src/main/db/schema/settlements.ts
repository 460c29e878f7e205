import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Settlements (domain `settlementSchema`). */
export const settlements = sqliteTable(
  'settlements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: text('date').notNull(),
    municipality: text('municipality').notNull(),
    byAgreement: integer('by_agreement', { mode: 'boolean' }).notNull(),
    familyReunification: integer('family_reunification', { mode: 'boolean' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('settlements_person_idx').on(t.personId)],
)
