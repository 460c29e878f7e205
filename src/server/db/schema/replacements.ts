import { date, doublePrecision, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Replacing measures for a period, linked to the measures they replace (domain `replacementSchema`, D8.3, R5.4). */
export const replacements = pgTable(
  'replacements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    replacesMeasureIds: jsonb('replaces_measure_ids').$type<string[]>().notNull(),
    groupCode: text('group_code').notNull(),
    measureCode: text('measure_code').notNull(),
    hoursPerWeek: doublePrecision('hours_per_week').notNull(),
    ...syncColumns(),
  },
  (t) => [index('replacements_person_idx').on(t.personId), index('replacements_seq_idx').on(t.seq)],
)
