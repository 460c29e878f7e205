import { copyFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import * as schema from './schema'
import { nativeBindingPath } from './native'

export type ReplicaDb = BetterSQLite3Database<typeof schema>

/** An open, unlocked replica: the raw connection (FTS, pragmas) and the drizzle view of it. */
export interface Replica {
  file: string
  sqlite: Database.Database
  db: ReplicaDb
  close(): void
}

export interface OpenReplicaOptions {
  file: string
  /** The 32-byte replica key (A7). */
  key: Buffer
  /** Generated drizzle migrations; defaults to the folder beside this file. */
  migrationsFolder?: string
  /** Clock for the backup file name. */
  now?: () => Date
}

/** See `openReplica`: how far the WAL grows before a commit checkpoints it. */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000

/** `PRAGMA cache_size` of the replica: negative = KiB, so 64 MB (see `openReplica`). */
export const REPLICA_CACHE_KIB = -65536

export const defaultMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** Thrown when the key does not open the file (wrong key or not a replica). */
export class ReplicaKeyError extends Error {
  constructor(file: string) {
    super(`replica ${file} does not open with this key`)
  }
}

/**
 * Opens (or creates) the encrypted replica and applies pending migrations. Before applying
 * migrations to an existing file it copies the file to `<file>.bak-<timestamp>`, so a failed
 * migration never destroys data (A3).
 */
export function openReplica(options: OpenReplicaOptions): Replica {
  const { file, key } = options
  const isNew = !existsSync(file)
  const binding = nativeBindingPath()
  const sqlite = new Database(file, binding ? { nativeBinding: binding } : {})
  try {
    // Raw 256-bit key (no passphrase KDF): the key is already random.
    sqlite.pragma(`key = "x'${key.toString('hex')}'"`)
    checkKey(sqlite, file)
    return prepareReplica(sqlite, file, isNew, options)
  } catch (err) {
    sqlite.close()
    throw err
  }
}

/**
 * The replica's settings and migrations on a connection that is already keyed. Exported for
 * the scale bench alone, which opens the same schema on a plain file to measure what the
 * encryption costs (issue 12.5); the app opens every replica through `openReplica`.
 */
export function prepareReplica(sqlite: Database.Database, file: string, isNew: boolean, options: Pick<OpenReplicaOptions, 'migrationsFolder' | 'now'> = {}): Replica {
  const folder = options.migrationsFolder ?? defaultMigrationsFolder
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // A deleted row (a person who left the municipality's scope, an unsent week deleted) is
  // overwritten with zeros, not left in free space until reused: the file is encrypted, but a
  // key that leaks later must not also give back what was deleted before (issue 11).
  sqlite.pragma('secure_delete = ON')
  // The commit that fills the WAL to this many pages copies it back into the file. At
  // SQLite's default (1,000 pages, ~100 saves here) that copy was 1 % of all saves, each
  // 8–10 ms: the save's p99. 10,000 pages (~40 MB of WAL) makes it one save in ~900 (~50 ms).
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
  // Each page read from the encrypted file is decrypted; SQLite's default cache (2 MB) let a
  // 50,000-person replica (~150 MB) decrypt the same pages again and again during a first
  // sync (+59 % over a plain file, issue 12.4c). 64 MB holds the hot indexes; memory is only
  // taken as pages are read.
  sqlite.pragma(`cache_size = ${REPLICA_CACHE_KIB}`)
  if (!isNew && hasPendingMigrations(sqlite, folder)) backup(sqlite, file, options.now?.() ?? new Date())
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: folder })
  return { file, sqlite, db, close: () => sqlite.close() }
}

function checkKey(sqlite: Database.Database, file: string): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new ReplicaKeyError(file)
    throw err
  }
}

function hasPendingMigrations(sqlite: Database.Database, folder: string): boolean {
  const latest = Math.max(...readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis))
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get()
  if (!table) return true
  const row = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number | null }
  return row.last === null || Number(row.last) < latest
}

function backup(sqlite: Database.Database, file: string, now: Date): void {
  // Fold the WAL into the main file first so the copy is complete on its own.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  copyFileSync(file, `${file}.bak-${stamp}`)
}
