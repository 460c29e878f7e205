import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { claimKinds, decisionSchemes } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Claims/applications from the person (domain `claimSchema`, D6.2). */
export const claims = sqliteTable(
  'claims',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    date: text('date').notNull(),
    kind: text('kind', { enum: claimKinds }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('claims_person_idx').on(t.personId)],
)
