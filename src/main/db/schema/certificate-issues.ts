import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { decisionSchemes } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Participant certificates handed out (issue 10 point 3; domain `certificateIssueSchema`). */
export const certificateIssues = sqliteTable(
  'certificate_issues',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    scheme: text('scheme', { enum: decisionSchemes }).notNull(),
    lang: text('lang', { enum: ['nb', 'nn'] }).notNull(),
    contentVersion: text('content_version').notNull(),
    issuedOn: text('issued_on').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuerName: text('issuer_name'),
    pendingCount: integer('pending_count').notNull(),
    ...syncColumns(),
  },
  (t) => [index('certificate_issues_person_idx').on(t.personId)],
)
