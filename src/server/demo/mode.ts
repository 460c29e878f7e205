import { and, eq, inArray } from 'drizzle-orm'
import { verifyPassword } from '../auth/password'
import { users } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { DEMO_PASSWORD, demoUsers } from './users'

/**
 * Whether `npm run server` loads the demo users and data (issue 6 point 13b). The demo users
 * share a published password and include a central administrator, so they load only into the
 * embedded default (PGlite in `.data/register`, no `DATABASE_URL`) or when asked for with
 * `--demo`; a real database starts empty unless told otherwise. `--no-demo` wins over both.
 */
export function demoWanted(args: readonly string[], databaseUrl: string | undefined): boolean {
  if (args.includes('--no-demo')) return false
  if (args.includes('--demo')) return true
  return !databaseUrl
}

/** The one line a register with no users prints, so the operator knows the next step. */
export const NO_USERS_HINT =
  'The register has no users yet: create the first central administrator with `npm run server -- create-admin NAME` (password from NIR_ADMIN_PASSWORD or a prompt).'

/**
 * Issue 11 point 9: demo users never outside demo mode. A database that once ran as the demo
 * (the embedded default) and is now served without it would still let anyone in as `nir-admin`
 * with the published password. Returns the usernames of demo users, not disabled, whose
 * password is still `DEMO_PASSWORD`; a real user who happens to share a demo name but has their
 * own password is not one.
 */
export async function publishedDemoUsers(db: RegisterDb): Promise<string[]> {
  const rows = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(
        inArray(
          users.username,
          demoUsers.map((u) => u.username),
        ),
        eq(users.disabled, false),
      ),
    )
  const found: string[] = []
  for (const r of rows) if (await verifyPassword(DEMO_PASSWORD, r.passwordHash)) found.push(r.username)
  return found.sort()
}
