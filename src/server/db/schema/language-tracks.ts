import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { syncColumns } from './sync-columns'

/** Language and training track (kartlegging, R6.5): a change is a new dated row, keeping history. */
export const languageTracks = pgTable(
  'language_tracks',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    motherTongue: text('mother_tongue').notNull(),
    language1: text('language1').notNull(),
    language2: text('language2'),
    track: text('track', { enum: ['1', '2', '3', '4'] }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('language_tracks_person_idx').on(t.personId), index('language_tracks_seq_idx').on(t.seq)],
)
