import { bigint, index, pgTable, serial, text } from 'drizzle-orm/pg-core'

/**
 * A person left (`exit`) or joined (`enter`) a follow-up municipality/district scope at
 * change set `seq` (A4); closing or reopening a person in place is an exit or an enter too,
 * for readers who do not see closed persons (R9). Pull turns an exit into `scopeExit` for devices of the old scope
 * and an enter into all current rows of the person for devices of the new scope.
 */
export const scopeEvents = pgTable(
  'scope_events',
  {
    id: serial('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    personId: text('person_id').notNull(),
    municipality: text('municipality').notNull(),
    district: text('district'),
    kind: text('kind', { enum: ['enter', 'exit'] }).notNull(),
  },
  (t) => [index('scope_events_scope_idx').on(t.municipality, t.seq)],
)
