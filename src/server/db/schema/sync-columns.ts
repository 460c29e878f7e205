import { bigint, boolean, integer } from 'drizzle-orm/pg-core'

/**
 * Columns every synced table carries (A4): `version` counts the row's changes (1 on
 * create), `seq` is the global change sequence value of the change set that last touched
 * it (one PostgreSQL SEQUENCE, `change_seq`), `deleted` marks a tombstone that pull
 * still delivers as `delete`.
 */
export function syncColumns() {
  return {
    version: integer('version').notNull().default(1),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
  }
}
