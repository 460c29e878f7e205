import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Int2021Fact } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Registrations of the 2021 act (R12.3.2), dated rows keeping history (domain `int2021RegistrationSchema`). */
export const int2021Registrations = sqliteTable(
  'int2021_registrations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: text('date').notNull(),
    recordedAt: text('recorded_at'),
    fact: text('fact', { mode: 'json' }).$type<Int2021Fact>().notNull(),
    ...syncColumns(),
  },
  (t) => [index('int2021_registrations_person_idx').on(t.personId)],
)
