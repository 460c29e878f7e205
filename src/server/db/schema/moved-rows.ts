import { bigint, index, pgTable, serial, text } from 'drizzle-orm/pg-core'

/**
 * A person-owned row that a write moved from `fromPersonId` to another person at change set
 * `seq` (A4/A6; issue 7 point 8). The row itself now carries the new person, so devices that
 * follow only the old person would never hear of it: pull turns each record into a `delete`
 * of the row for devices that see the old person but not the row's current person.
 */
export const movedRows = pgTable(
  'moved_rows',
  {
    id: serial('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    fromPersonId: text('from_person_id').notNull(),
  },
  (t) => [index('moved_rows_seq_idx').on(t.seq), index('moved_rows_from_person_idx').on(t.fromPersonId)],
)
