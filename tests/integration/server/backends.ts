import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../../src/server'
import type { OpenedDatabase } from '../../../src/server'

let template: Promise<Blob> | null = null

/**
 * A migrated, seeded PGlite data folder without `server_meta` (so every copy gets its own epoch
 * and secret), made once per test file: PGlite's initdb costs seconds per database.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const o = await openDatabase({ dataDir: ':memory:' })
    await o.db.execute(sql`delete from server_meta`)
    const blob = await o.dump!()
    await o.close()
    return blob
  })()
  return template
}

/**
 * The database backends every server test runs on: PGlite in memory always, and real
 * PostgreSQL when `TEST_DATABASE_URL` (an admin connection) is set. On PostgreSQL each
 * `options()` call creates a fresh, uniquely named database, dropped after the test file.
 */
export interface Backend {
  name: 'pglite' | 'postgres'
  /** Connection options for a fresh, empty database. */
  options(): Promise<{ databaseUrl?: string; dataDir?: string; pgliteTemplate?: Blob }>
  /** A fresh database, migrated and seeded, closed after the file. */
  open(): Promise<OpenedDatabase>
}

const adminUrl = process.env.TEST_DATABASE_URL

export function backends(): Backend[] {
  const created: string[] = []
  const opened: OpenedDatabase[] = []
  afterAll(async () => {
    for (const o of opened.splice(0)) await o.close().catch(() => undefined)
    if (!adminUrl || !created.length) return
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  })
  const make = (name: Backend['name'], options: Backend['options']): Backend => ({
    name,
    options,
    async open() {
      const o = await openDatabase(await options())
      opened.push(o)
      return o
    },
  })
  const list = [make('pglite', async () => ({ dataDir: ':memory:', pgliteTemplate: await pgliteTemplate() }))]
  if (adminUrl) {
    list.push(
      make('postgres', async () => {
        const name = `nir_test_${randomBytes(6).toString('hex')}`
        const admin = new pg.Client({ connectionString: adminUrl })
        await admin.connect()
        await admin.query(`CREATE DATABASE "${name}"`)
        await admin.end()
        created.push(name)
        const url = new URL(adminUrl)
        url.pathname = `/${name}`
        return { databaseUrl: url.toString() }
      }),
    )
  }
  return list
}
