import { boolean, date, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { decisionSchemes, decisionTypes } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Decisions (vedtak) of the norsk and intro schemes in one table; `scheme` says which (D6.3, D8.1, R4). */
export const decisions = pgTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    type: text('type', { enum: decisionTypes }).notNull(),
    result: text('result', { enum: ['innvilga', 'avslag'] }).notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    hours: doublePrecision('hours'),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    leaveType: text('leave_type'),
    leaveUnit: text('leave_unit', { enum: ['kalenderdagar', 'verkedagar'] }),
    /** R5.4 self-study plan (norm 30); nullable like the domain's `nullish`, false by default. */
    selfStudy: boolean('self_study').default(false),
    /** R12.3.1 months (2021 act): decided (granted INTRO_PROGRAM) and added (INTRO_UTVIDA_DELTAKING). */
    durationMonths: integer('duration_months'),
    extensionMonths: integer('extension_months'),
    ...syncColumns(),
  },
  (t) => [index('decisions_person_idx').on(t.personId), index('decisions_seq_idx').on(t.seq)],
)
