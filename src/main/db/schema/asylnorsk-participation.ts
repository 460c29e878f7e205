import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { asylnorskKinds } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Weekly participation in training for asylum seekers (domain `asylnorskParticipationSchema`, R7.2). */
export const asylnorskParticipation = sqliteTable(
  'asylnorsk_participation',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    isoYear: integer('iso_year').notNull(),
    isoWeek: integer('iso_week').notNull(),
    kind: text('kind', { enum: asylnorskKinds }).notNull(),
    hours: real('hours').notNull(),
    ...syncColumns(),
  },
  (t) => [index('asylnorsk_participation_person_idx').on(t.personId, t.isoYear, t.isoWeek)],
)
