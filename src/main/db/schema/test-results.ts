import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { testLevels, testParts } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Test results (domain `testResultSchema`). */
export const testResults = sqliteTable(
  'test_results',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    part: text('part', { enum: testParts }).notNull(),
    level: text('level', { enum: testLevels }).notNull(),
    testDate: text('test_date').notNull(),
    ...syncColumns(),
  },
  (t) => [index('test_results_person_idx').on(t.personId)],
)
