import { doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Weekly participation in Norwegian training, one live row per person and ISO week (R6.4); evidence for residence and citizenship. */
export const weeklyParticipation = pgTable(
  'weekly_participation',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    isoYear: integer('iso_year').notNull(),
    isoWeek: integer('iso_week').notNull(),
    norskHours: doublePrecision('norsk_hours').notNull(),
    samfunnHours: doublePrecision('samfunn_hours').notNull(),
    absenceHours: doublePrecision('absence_hours').notNull(),
    ...syncColumns(),
  },
  (t) => [index('weekly_participation_person_idx').on(t.personId, t.isoYear, t.isoWeek), index('weekly_participation_seq_idx').on(t.seq)],
)
