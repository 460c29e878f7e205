import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Role, User } from '../../shared/domain'
import { roleSchema, usernameSchema } from '../../shared/domain'
import { users } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { appendAudit } from '../audit/log'
import { hashPassword } from './password'
import { revokeAllTokens } from './refresh'

export interface NewUser {
  username: string
  password: string
  displayName: string
  municipality: string
  district?: string | null
  roles: Role[]
  /** May import base data (`POST /admin/import`); not a municipal role. */
  centralAdmin?: boolean
}

/**
 * Creates a user with a scrypt-hashed password; refuses unknown roles, a username with control
 * characters, and a taken username. The username is stored normalised (issue 11.3), and
 * "taken" compares case-insensitively, so `INTRO` can never be a second user beside `intro`.
 */
export async function createUser(db: RegisterDb, u: NewUser): Promise<User> {
  for (const r of u.roles) roleSchema.parse(r)
  const name = usernameSchema.safeParse(u.username)
  if (!name.success) throw new Error(`username ${JSON.stringify(u.username)} is not valid: ${name.error.issues.map((i) => i.message).join('; ')}`)
  const username = name.data
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username}`)
  if (existing.length) throw new Error(`username ${username} is taken`)
  const row = {
    id: randomUUID(),
    username,
    passwordHash: await hashPassword(u.password),
    displayName: u.displayName,
    municipality: u.municipality,
    district: u.district ?? null,
    roles: [...u.roles],
    centralAdmin: u.centralAdmin ?? false,
  }
  await db.insert(users).values(row)
  return toUser(row)
}

/** The user as devices and rules see it (no secrets). */
export function toUser(row: { id: string; username: string; displayName: string; municipality: string; district: string | null; roles: string[] }): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    municipality: row.municipality,
    district: row.district,
    roles: row.roles as Role[],
  }
}

/** The admin's password reset (CLI `set-password`): the new hash, and every token of the user revoked. */
export async function setPassword(db: RegisterDb, username: string, password: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username))
  if (!row) return false
  const hash = await hashPassword(password)
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, row.id))
    await revokeAllTokens(tx, row.id)
    await appendAudit(tx, { userId: row.id, username, action: 'password.reset' })
  })
  return true
}
