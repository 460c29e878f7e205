import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { refreshTokens, users } from '../db/schema'
import type { RegisterDb } from '../db/types'

/**
 * A refresh token lives 30 days from its last use: a laptop that stays offline for a month
 * of field work still resumes syncing without asking; one unused for longer needs a login.
 */
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')

export interface IssuedRefresh {
  refreshToken: string
  refreshExpiresAt: string
}

/** Starts (or continues) a family with a fresh random token bound to `deviceId`; only its hash is stored. */
export async function issueRefreshToken(db: RegisterDb, o: { userId: string; deviceId: string; familyId?: string }, now = Date.now()): Promise<IssuedRefresh> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now + REFRESH_TTL_MS)
  await db.insert(refreshTokens).values({
    tokenHash: hashOf(token),
    familyId: o.familyId ?? randomUUID(),
    userId: o.userId,
    deviceId: o.deviceId,
    createdAt: new Date(now),
    expiresAt,
  })
  return { refreshToken: token, refreshExpiresAt: expiresAt.toISOString() }
}

/** Why a refresh token was refused; each is a 401 with this code. */
export type RefreshRefusal = 'REFRESH_INVALID' | 'REFRESH_REUSED' | 'REFRESH_DEVICE_MISMATCH' | 'REFRESH_REVOKED'

export type RotateOutcome = { ok: true; userId: string; issued: IssuedRefresh } | { ok: false; code: RefreshRefusal }

/**
 * Uses a refresh token once (A7): it must exist, be unexpired, unrevoked and presented by the
 * device it was bound to. It is marked rotated and a new token of the same family is issued.
 * A rotated token presented again was copied (the device only ever holds the newest), and a
 * token presented by another device was taken from its laptop: either revokes the whole
 * family and every access token of the user, so neither the thief nor the copy can go on. The conditional update makes two
 * concurrent uses of one token end as one rotation and one reuse.
 */
export async function rotateRefreshToken(db: RegisterDb, token: string, deviceId: string, now = Date.now()): Promise<RotateOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashOf(token)))
    if (!row || row.expiresAt.getTime() <= now) return { ok: false as const, code: 'REFRESH_INVALID' as const }
    if (row.revokedAt) return { ok: false as const, code: 'REFRESH_REVOKED' as const }
    if (row.deviceId !== deviceId) {
      await revokeStolenFamily(tx, row, now)
      return { ok: false as const, code: 'REFRESH_DEVICE_MISMATCH' as const }
    }
    const used = await tx
      .update(refreshTokens)
      .set({ rotatedAt: new Date(now) })
      .where(and(eq(refreshTokens.tokenHash, row.tokenHash), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
      .returning({ familyId: refreshTokens.familyId })
    if (!used.length) {
      await revokeStolenFamily(tx, row, now)
      return { ok: false as const, code: 'REFRESH_REUSED' as const }
    }
    const issued = await issueRefreshToken(tx, { userId: row.userId, deviceId, familyId: row.familyId }, now)
    return { ok: true as const, userId: row.userId, issued }
  })
}

/**
 * A theft was seen: the family ends, and so does every access token of the user, since the
 * thief may hold one of this family's, valid up to 10 minutes more. Access tokens are
 * stateless, so the user's generation is raised as a logout does; the user's other devices
 * get a 401, renew with their own refresh tokens and go on without asking (main/sync/scheduler.ts).
 */
async function revokeStolenFamily(db: RegisterDb, row: { familyId: string; userId: string }, now: number): Promise<void> {
  await revokeFamily(db, row.familyId, now)
  await db
    .update(users)
    .set({ tokenGeneration: sql`${users.tokenGeneration} + 1` })
    .where(eq(users.id, row.userId))
}

async function revokeFamily(db: RegisterDb, familyId: string, now: number): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
}

/**
 * Logout and password change (issue 11 point 1): every access token of the user stops at
 * once (the generation they carry is no longer the user's) and every refresh token is revoked.
 */
export async function revokeAllTokens(db: RegisterDb, userId: string, now = Date.now()): Promise<void> {
  await db
    .update(users)
    .set({ tokenGeneration: sql`${users.tokenGeneration} + 1` })
    .where(eq(users.id, userId))
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
}

/** The user of a live (unrevoked, unexpired) refresh token presented by its own device, without using it up; for logout. */
export async function userOfRefreshToken(db: RegisterDb, token: string, deviceId: string, now = Date.now()): Promise<string | null> {
  const [row] = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashOf(token)))
  if (!row || row.revokedAt || row.deviceId !== deviceId || row.expiresAt.getTime() <= now) return null
  return row.userId
}
