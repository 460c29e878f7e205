import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Replacing measures for a period, linked to the measures they replace (domain `replacementSchema`, D8.3, R5.4). */
export const replacements = sqliteTable(
  'replacements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    replacesMeasureIds: text('replaces_measure_ids', { mode: 'json' }).$type<string[]>().notNull(),
    groupCode: text('group_code').notNull(),
    measureCode: text('measure_code').notNull(),
    hoursPerWeek: real('hours_per_week').notNull(),
    ...syncColumns(),
  },
  (t) => [index('replacements_person_idx').on(t.personId)],
)
