import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** One row per accepted base-data import (A6): who, when, which file (sha256) and what it changed. */
export const importBatches = pgTable('import_batches', {
  id: text('id').primaryKey(),
  time: timestamp('time', { withTimezone: true }).notNull().defaultNow(),
  actor: text('actor').notNull(),
  sha256: text('sha256').notNull(),
  lines: integer('lines').notNull(),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
})
