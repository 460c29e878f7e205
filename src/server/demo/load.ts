import { count } from 'drizzle-orm'
import { createUser } from '../auth/users'
import { users } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { importNdjson } from '../import'
import { generateDemoNdjson } from './generate'
import { demoUsers } from './users'

/** Today's date in Norway: demo data must not lie in the future for a Norwegian caseworker. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * Loads the demo (A8) when the database has no users yet: Bergen (4601) gets `persons`
 * persons, Oslo and Trondheim a tenth as many each (DUF search outside scope, moves). Users
 * are created after the import, so a crash in between simply loads again at the next start
 * (the import is idempotent). Returns false when there were users already.
 */
export async function loadDemo(db: RegisterDb, opts: { persons: number; seed?: number; today?: string }): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users)
  if (n > 0) return false
  const small = Math.max(1, Math.round(opts.persons / 10))
  const text = generateDemoNdjson({
    seed: opts.seed ?? 1,
    today: opts.today ?? osloToday(),
    municipalities: [
      { code: '4601', count: opts.persons },
      { code: '0301', count: small },
      { code: '5001', count: small },
    ],
  })
  const res = await importNdjson(db, text, { actor: 'demo' })
  if (!res.ok) throw new Error(`demo data refused: ${JSON.stringify(res.errors.slice(0, 3))}`)
  for (const u of demoUsers) await createUser(db, u)
  return true
}
