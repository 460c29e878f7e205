import { date, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import type { Int2021Fact } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Registrations of the 2021 act (R12.3.2): dated rows keeping history. */
export const int2021Registrations = pgTable(
  'int2021_registrations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    recordedAt: text('recorded_at'),
    fact: jsonb('fact').$type<Int2021Fact>().notNull(),
    ...syncColumns(),
  },
  (t) => [index('int2021_registrations_person_idx').on(t.personId), index('int2021_registrations_seq_idx').on(t.seq)],
)
