import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { LoginResponse } from '../../shared/sync'
import { deviceBindRequestSchema, passwordChangeRequestSchema, refreshRequestSchema } from '../../shared/sync'
import { plainText } from '../../shared/domain'
import { appendAudit } from '../audit/log'
import { hashPassword, verifyPassword } from '../auth/password'
import { issueRefreshToken, revokeAllTokens, rotateRefreshToken, userOfRefreshToken } from '../auth/refresh'
import { issueToken, verifyToken } from '../auth/token'
import { checkSecondFactor } from '../auth/totp'
import { toUser } from '../auth/users'
import { getServerMeta } from '../db/meta'
import { users } from '../db/schema'
import { authenticate } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'

/** A refresh token can be bound only this soon after a password login (the login itself, then `POST /auth/device`). */
export const DEVICE_BIND_WINDOW_MS = 5 * 60 * 1000

const logoutBodySchema = z.object({ refreshToken: plainText(100).min(1).optional(), deviceId: plainText(100).min(1).optional() }).strict()

/**
 * Token life after login (A7, issue 11 point 1):
 * - `POST /auth/refresh` renews a 10-minute access token with a device-bound refresh token,
 *   rotating it (auth/refresh.ts); no password, no code, so an offline-unlocked laptop resumes
 *   syncing when the register is back.
 * - `POST /auth/device` binds a refresh token to the device, with the access token of a
 *   password login minutes old (the device knows its id only after the login unlocked it).
 * - `POST /auth/logout` and `POST /auth/password` revoke every token of the user.
 */
export function authRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.post('/auth/refresh', { schema: { body: refreshRequestSchema } }, async (req): Promise<LoginResponse> => {
    const { refreshToken, deviceId } = req.body
    const now = Date.now()
    const rotated = await rotateRefreshToken(ctx.db, refreshToken, deviceId, now)
    if (!rotated.ok) {
      // Only the refusal is audited (a use every 10 minutes is not worth a row); no token in it.
      await appendAudit(ctx.db, { username: '', deviceId, action: 'token.refused', details: { code: rotated.code } })
      throw new ApiError(401, rotated.code, 'the refresh token is not valid; log in again')
    }
    const [row] = await ctx.db.select().from(users).where(eq(users.id, rotated.userId))
    if (!row) throw new ApiError(401, 'REFRESH_INVALID', 'the refresh token names no user')
    if (row.disabled) throw new ApiError(403, 'USER_DISABLED', 'the user is disabled')
    const { token, claims } = issueToken({ sub: row.id, deviceId, gen: row.tokenGeneration, via: 'refresh' }, ctx.tokenSecret, now, ctx.tokenTtlMs)
    const { epoch } = await getServerMeta(ctx.db)
    return { accessToken: token, expiresAt: new Date(claims.exp).toISOString(), user: toUser(row), serverTime: new Date(now).toISOString(), epoch, ...rotated.issued }
  })

  r.post('/auth/device', { schema: { body: deviceBindRequestSchema } }, async (req) => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    const now = Date.now()
    // A refreshed token must not mint a new family: that would make a stolen one immortal.
    if (user.claims.via !== 'login' || now - user.claims.iat > DEVICE_BIND_WINDOW_MS) {
      throw new ApiError(401, 'DEVICE_BIND_NEEDS_LOGIN', 'a refresh token is bound only right after a password login')
    }
    return issueRefreshToken(ctx.db, { userId: user.id, deviceId: req.body.deviceId }, now)
  })

  r.post('/auth/logout', { schema: { body: logoutBodySchema } }, async (req) => {
    // The access token may have expired while offline: the device's refresh token names the user too.
    const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    const claims = header ? verifyToken(header[1]!, ctx.tokenSecret) : null
    const { refreshToken, deviceId } = req.body
    const userId = claims?.sub ?? (refreshToken && deviceId ? await userOfRefreshToken(ctx.db, refreshToken, deviceId) : null)
    if (!userId) throw new ApiError(401, 'TOKEN_REQUIRED', 'a valid access or refresh token is required')
    const [row] = await ctx.db.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, userId))
    if (!row) throw new ApiError(401, 'TOKEN_INVALID', 'the token names no user')
    await revokeAllTokens(ctx.db, row.id)
    await appendAudit(ctx.db, { userId: row.id, username: row.username, deviceId: claims?.deviceId ?? deviceId, action: 'logout' })
    return { ok: true }
  })

  r.post('/auth/password', { schema: { body: passwordChangeRequestSchema } }, async (req) => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    const now = Date.now()
    const wait = ctx.loginThrottle.waitMs(user.username, req.ip, now)
    if (wait > 0) throw new ApiError(429, 'THROTTLED', 'too many failed attempts', { 'retry-after': String(Math.ceil(wait / 1000)) })
    const passwordOk = await verifyPassword(req.body.currentPassword, user.passwordHash)
    const second = passwordOk ? await checkSecondFactor(ctx.db, user, req.body.totp, ctx.tokenSecret, now) : 'TOTP_INVALID'
    if (!passwordOk || second !== 'ok') {
      if (second !== 'TOTP_REQUIRED') ctx.loginThrottle.failure(user.username, req.ip, now)
      const code = !passwordOk ? 'INVALID_CREDENTIALS' : second
      throw new ApiError(401, code, 'the current password or the one-time code is wrong')
    }
    const hash = await hashPassword(req.body.newPassword)
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id))
      await revokeAllTokens(tx, user.id, now)
      await appendAudit(tx, { userId: user.id, username: user.username, deviceId: user.deviceId, action: 'password.changed' })
    })
    return { ok: true }
  })
}
