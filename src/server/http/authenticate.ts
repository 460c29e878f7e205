import { eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import type { Role } from '../../shared/domain'
import { verifyToken, type TokenClaims } from '../auth/token'
import { users } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { ApiError } from './errors'

export type UserRow = typeof users.$inferSelect

/**
 * The user behind `Authorization: Bearer <token>`. The token proves who; the database row
 * decides what now — a user disabled after login is refused at the next request, and a token
 * issued before the user's last logout or password change is refused (TOKEN_REVOKED, issue 11.1).
 */
export async function authenticate(db: RegisterDb, secret: string, req: FastifyRequest): Promise<UserRow & { deviceId: string | null; claims: TokenClaims }> {
  const header = req.headers.authorization ?? ''
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  if (!m) throw new ApiError(401, 'TOKEN_REQUIRED', 'an access token is required (Authorization: Bearer …)')
  const claims = verifyToken(m[1], secret)
  if (!claims) throw new ApiError(401, 'TOKEN_INVALID', 'the access token is invalid or expired; log in again')
  const [row] = await db.select().from(users).where(eq(users.id, claims.sub))
  if (!row) throw new ApiError(401, 'TOKEN_INVALID', 'the access token names no user')
  if (row.disabled) throw new ApiError(403, 'USER_DISABLED', 'the user is disabled')
  if (claims.gen !== row.tokenGeneration) throw new ApiError(401, 'TOKEN_REVOKED', 'the access token was revoked (logout or password change); log in again')
  return { ...row, deviceId: claims.deviceId ?? null, claims }
}

export function rolesOf(row: UserRow): Role[] {
  return row.roles as Role[]
}
