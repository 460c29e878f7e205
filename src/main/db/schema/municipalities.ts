import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Municipalities (domain `municipalitySchema`), keyed by code. */
export const municipalities = sqliteTable('municipalities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  ...syncColumns(),
})
