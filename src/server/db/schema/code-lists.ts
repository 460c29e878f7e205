import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { codeListNames } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Code list entries (reference data, rules.md R10), synced to every device. */
export const codeLists = pgTable(
  'code_lists',
  {
    id: text('id').primaryKey(),
    list: text('list', { enum: codeListNames }).notNull(),
    code: text('code').notNull(),
    nameNb: text('name_nb').notNull(),
    nameNn: text('name_nn').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull(),
    ...syncColumns(),
  },
  (t) => [index('code_lists_seq_idx').on(t.seq)],
)
