import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { syncColumns } from './columns'

/** Language and training track (kartlegging), dated rows keeping history (domain `languageTrackSchema`, R6.5). */
export const languageTracks = sqliteTable(
  'language_tracks',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: text('date').notNull(),
    motherTongue: text('mother_tongue').notNull(),
    language1: text('language1').notNull(),
    language2: text('language2'),
    track: text('track', { enum: ['1', '2', '3', '4'] }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('language_tracks_person_idx').on(t.personId)],
)
