import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { decisionSchemes } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Participant certificates handed out (issue 10 point 3): the register knows what was issued. */
export const certificateIssues = pgTable(
  'certificate_issues',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    lang: text('lang', { enum: ['nb', 'nn'] }).notNull(),
    contentVersion: text('content_version').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuerName: text('issuer_name'),
    pendingCount: integer('pending_count').notNull(),
    ...syncColumns(),
  },
  (t) => [index('certificate_issues_person_idx').on(t.personId), index('certificate_issues_seq_idx').on(t.seq)],
)
