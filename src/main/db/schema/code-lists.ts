import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { codeListNames } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Reference data entries (domain `codeListEntrySchema`). */
export const codeLists = sqliteTable(
  'code_lists',
  {
    id: text('id').primaryKey(),
    list: text('list', { enum: codeListNames }).notNull(),
    code: text('code').notNull(),
    nameNb: text('name_nb').notNull(),
    nameNn: text('name_nn').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    sortOrder: integer('sort_order').notNull(),
    ...syncColumns(),
  },
  (t) => [index('code_lists_list_idx').on(t.list, t.sortOrder)],
)
