import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The user's pinned persons (personliste, D5); kept between logins, never touched by sync. */
export const personList = sqliteTable('person_list', {
  personId: text('person_id').primaryKey(),
  /** Device time the person was pinned (ISO 8601). */
  addedAt: text('added_at').notNull(),
})
