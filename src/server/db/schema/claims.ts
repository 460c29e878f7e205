import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { claimKinds, decisionSchemes } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Claims/applications from the person (D6.2); the date starts deadlines (R5.1, R6.2). */
export const claims = pgTable(
  'claims',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: claimKinds }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('claims_person_idx').on(t.personId), index('claims_seq_idx').on(t.seq)],
)
