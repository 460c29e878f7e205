import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Municipalities (kommunar), reference data synced to every device. */
export const municipalities = pgTable('municipalities', { code: text('code').primaryKey(), name: text('name').notNull(), ...syncColumns() }, (t) => [
  index('municipalities_seq_idx').on(t.seq),
])
