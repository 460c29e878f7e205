import { integer } from 'drizzle-orm/sqlite-core'

/**
 * Bookkeeping columns of every synced table (A3): the server's version of the row (null
 * until the server has it) and the tombstone flag of a row deleted on the server.
 */
export function syncColumns() {
  return {
    serverVersion: integer('server_version'),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
  }
}
