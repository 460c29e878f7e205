import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { decisionSchemes, decisionTypes } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Decisions (vedtak) of both schemes; `scheme` says which (domain `decisionSchema`, D6.3 / D8.1). */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    type: text('type', { enum: decisionTypes }).notNull(),
    result: text('result', { enum: ['innvilga', 'avslag'] }).notNull(),
    decisionDate: text('decision_date').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    hours: real('hours'),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    leaveType: text('leave_type'),
    leaveUnit: text('leave_unit', { enum: ['kalenderdagar', 'verkedagar'] }),
    /** R5.4 self-study plan (norm 30); nullable like the domain's `nullish`, false by default. */
    selfStudy: integer('self_study', { mode: 'boolean' }).default(false),
    /** R12.3.1 months (2021 act): decided (granted INTRO_PROGRAM) and added (INTRO_UTVIDA_DELTAKING). */
    durationMonths: integer('duration_months'),
    extensionMonths: integer('extension_months'),
    ...syncColumns(),
  },
  (t) => [index('decisions_person_idx').on(t.personId)],
)
