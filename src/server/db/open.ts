import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from './schema'
import { ensureServerMeta } from './meta'
import { seedReferenceData } from './seed-reference'
import type { RegisterDb } from './types'

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent an embedded PGlite database is used. */
  databaseUrl?: string
  /** PGlite data folder; `':memory:'` (or absent) for an in-memory database. */
  dataDir?: string
  /** Migrations folder; defaults to the committed `src/server/db/migrations` next to this file. */
  migrationsFolder?: string
  /**
   * PGlite only: start an in-memory database from a dumped data folder (see `dump()`) instead
   * of running initdb — about five times faster; used by tests that open many databases.
   */
  pgliteTemplate?: Blob
}

export interface OpenedDatabase {
  db: RegisterDb
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
  /** PGlite only: the data folder as a tarball, usable as `pgliteTemplate`. */
  dump?(): Promise<Blob>
}

const defaultMigrations = fileURLToPath(new URL('./migrations', import.meta.url))

/**
 * Opens the register database (A6): PostgreSQL when a URL is given, else embedded PGlite,
 * runs the committed drizzle migrations, creates `server_meta` on first start and seeds the
 * initial reference data (code lists, municipalities, districts) that is not there yet.
 */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const migrationsFolder = opts.migrationsFolder ?? defaultMigrations
  let opened: OpenedDatabase
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 })
    const db = drizzlePg(pool, { schema })
    await migratePg(db, { migrationsFolder })
    opened = { db: db as unknown as RegisterDb, kind: 'postgres', close: () => pool.end() }
  } else {
    const dir = opts.dataDir && opts.dataDir !== ':memory:' ? opts.dataDir : undefined
    if (dir) mkdirSync(dir, { recursive: true })
    const client = opts.pgliteTemplate && !dir ? new PGlite({ loadDataDir: opts.pgliteTemplate }) : new PGlite(dir)
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder })
    opened = { db: db as unknown as RegisterDb, kind: 'pglite', close: () => client.close(), dump: () => client.dumpDataDir('none') }
  }
  await ensureServerMeta(opened.db)
  await seedReferenceData(opened.db)
  return opened
}
