import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Districts (bydelar, domain `districtSchema`), keyed by code. */
export const districts = sqliteTable('districts', {
  code: text('code').primaryKey(),
  municipality: text('municipality').notNull(),
  name: text('name').notNull(),
  ...syncColumns(),
})
