import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema'

/**
 * The register's database handle, the same type over PGlite and node-postgres, so every
 * module works on both. A transaction (`PgTransaction`) is assignable to it.
 */
export type RegisterDb = PgDatabase<PgQueryResultHKT, typeof schema>

/** Rows of a raw `db.execute(sql)`: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}
