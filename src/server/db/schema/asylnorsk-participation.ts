import { doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { asylnorskKinds } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Weekly participation in training for asylum seekers (R7.2), per kind. */
export const asylnorskParticipation = pgTable(
  'asylnorsk_participation',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    isoYear: integer('iso_year').notNull(),
    isoWeek: integer('iso_week').notNull(),
    kind: text('kind', { enum: asylnorskKinds }).notNull(),
    hours: doublePrecision('hours').notNull(),
    ...syncColumns(),
  },
  (t) => [index('asylnorsk_participation_person_idx').on(t.personId, t.isoYear, t.isoWeek), index('asylnorsk_participation_seq_idx').on(t.seq)],
)
