import { date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { testLevels, testParts } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Test results from the national competence agency, read-only (D3). */
export const testResults = pgTable(
  'test_results',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    part: text('part', { enum: testParts }).notNull(),
    level: text('level', { enum: testLevels }).notNull(),
    testDate: date('test_date', { mode: 'string' }).notNull(),
    ...syncColumns(),
  },
  (t) => [index('test_results_person_idx').on(t.personId), index('test_results_seq_idx').on(t.seq)],
)
