import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Weekly participation in Norwegian training, one live row per person and ISO week (domain `weeklyParticipationSchema`, R6.4). */
export const weeklyParticipation = sqliteTable(
  'weekly_participation',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    isoYear: integer('iso_year').notNull(),
    isoWeek: integer('iso_week').notNull(),
    norskHours: real('norsk_hours').notNull(),
    samfunnHours: real('samfunn_hours').notNull(),
    absenceHours: real('absence_hours').notNull(),
    ...syncColumns(),
  },
  (t) => [index('weekly_participation_person_idx').on(t.personId, t.isoYear, t.isoWeek)],
)
