import { date, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import type { StoredEvaluation } from '../../../shared/rules'
import { persons } from './persons'

/**
 * The shared rules' result per person (A6), computed on import and by `recompute`, for
 * reports on the register. Not a synced entity: devices compute their own from the same
 * base data (A9 parity), so this table never enters the pull.
 */
export const personEvaluations = pgTable(
  'person_evaluations',
  {
    personId: text('person_id')
      .primaryKey()
      .references(() => persons.id),
    /** `RULES_VERSION` of the rules that produced `result`: a new version means recompute. */
    rulesVersion: text('rules_version').notNull(),
    /** The "today" the rules judged with (Oslo calendar date). Statuses refer to it; deadlines are dates, read with `evaluationAt`. */
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    /** Dates only (issue 8 point 6): days left and overdue are derived when read, never stored. */
    result: jsonb('result').$type<StoredEvaluation>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The first day after `evaluatedOn` on which a status in `result` changes with no new data
     * (`statusChangesOn`: a start, a leave or stop beginning or ending, an ending); null when
     * none does. Reads and the register's start re-evaluate the rows due by then (issue 8 point 6).
     */
    statusChangesOn: date('status_changes_on', { mode: 'string' }),
  },
  (t) => [index('person_evaluations_status_changes_on_idx').on(t.statusChangesOn)],
)
