import { date, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import type { Evaluation } from '../../../shared/rules'
import { persons } from './persons'

/**
 * The shared rules' result per person (A6), computed on import and by `recompute`, for
 * reports on the register. Not a synced entity: devices compute their own from the same
 * base data (A9 parity), so this table never enters the pull.
 */
export const personEvaluations = pgTable('person_evaluations', {
  personId: text('person_id')
    .primaryKey()
    .references(() => persons.id),
  /** `RULES_VERSION` of the rules that produced `result`: a new version means recompute. */
  rulesVersion: text('rules_version').notNull(),
  /** The "today" the rules judged with (Oslo calendar date): deadlines' `daysLeft` refer to it. */
  evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
  result: jsonb('result').$type<Evaluation>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
})
