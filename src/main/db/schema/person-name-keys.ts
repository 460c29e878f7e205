import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The FTS5 name index's row per person (`src/main/db/name-index.ts`): `name_row` is the rowid
 * of the person's row in `person_names`. Why: `person_names.person_id` is UNINDEXED, so
 * re-indexing a person by `DELETE … WHERE person_id = ?` scanned the whole index for every
 * person a pull applied (42–59 % of a first sync at 20,000–50,000 persons, issue 12.4a);
 * a delete by rowid is one b-tree look-up.
 */
export const personNameKeys = sqliteTable('person_name_keys', {
  nameRow: integer('name_row').primaryKey(),
  personId: text('person_id').notNull().unique(),
})
