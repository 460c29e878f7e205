import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Districts (bydelar) of the cities that have them, reference data synced to every device. */
export const districts = pgTable(
  'districts',
  {
    code: text('code').primaryKey(),
    municipality: text('municipality').notNull(),
    name: text('name').notNull(),
    ...syncColumns(),
  },
  (t) => [index('districts_seq_idx').on(t.seq)],
)
