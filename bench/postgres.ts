import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * A fresh PostgreSQL database for one bench when an admin URL is configured
 * (`NIR_BENCH_DATABASE_URL`, else `TEST_DATABASE_URL`, else `DATABASE_URL`), else null: the
 * bench then runs its register on PGlite and says so. `drop()` removes it again.
 */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env.NIR_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
  if (!admin) return null
  const name = `nir_bench_${randomBytes(5).toString('hex')}`
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    try {
      await c.query(q)
    } finally {
      await c.end()
    }
  }
  await run(`CREATE DATABASE "${name}"`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
}
