import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The FTS5 name index's row per person (`src/main/db/name-index.ts`): `name_row` is the rowid
 * of the person's row in `person_names`. Why: `person_names.person_id` is UNINDEXED, so
 * re-indexing a person by `DELETE … WHERE person_id = ?` scanned the whole index for every
 * person a pull applied (42–59 % of a first sync at 20,000–50,000 persons, issue 12.4a);
 * a delete by rowid is one b-tree look-up.
 *
 * The other columns copy what a name search filters and sorts by from `persons` (issue 12.5):
 * reading each candidate's person row (a look-up in the `id` index, then the table) was most of
 * a three-letter search on 100,000 persons; this row is one look-up by the FTS rowid. Triggers
 * on `persons` (migration 0011) keep the copy exact whichever path writes the person;
 * `in_scope` is `deleted = 0 AND cached_read_only = 0`.
 */
export const personNameKeys = sqliteTable('person_name_keys', {
  nameRow: integer('name_row').primaryKey(),
  personId: text('person_id').notNull().unique(),
  municipality: text('municipality'),
  inScope: integer('in_scope', { mode: 'boolean' }).notNull().default(false),
  firstName: text('first_name'),
  middleName: text('middle_name'),
  lastName: text('last_name'),
  birthDate: text('birth_date'),
})
