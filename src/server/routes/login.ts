import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { LoginResponse } from '../../shared/sync'
import { loginRequestSchema } from '../../shared/sync'
import { appendAudit } from '../audit/log'
import { DUMMY_HASH, verifyPassword } from '../auth/password'
import { issueRefreshToken } from '../auth/refresh'
import { issueToken } from '../auth/token'
import { checkSecondFactor } from '../auth/totp'
import { toUser } from '../auth/users'
import { getServerMeta } from '../db/meta'
import { users } from '../db/schema'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'

/** Failed logins in a row that lock the user, and for how long (A7). */
export const MAX_FAILED_LOGINS = 5
export const LOCK_MS = 5 * 60 * 1000

const invalid = () => new ApiError(401, 'INVALID_CREDENTIALS', 'wrong username or password')

/**
 * `POST /auth/login` (A7, issue 11 point 2). Wrong username and wrong password answer alike,
 * cost the same scrypt time and the same audit write, and are throttled alike
 * (`LoginThrottle`: progressive waits per username and IP, a looser cap per IP, failures only),
 * so usernames cannot be probed and an attacker elsewhere cannot lock a caseworker out. A
 * throttled attempt is answered 429 THROTTLED with Retry-After before its password is looked
 * at. The IP is the peer's, or X-Forwarded-For's only when the peer is the configured trusted
 * proxy (`NIR_TRUSTED_PROXY`, Fastify `trustProxy`). A disabled user is told so only after the
 * right password.
 *
 * A user enrolled in TOTP (issue 11 point 1) needs the one-time code or a recovery code too:
 * without one the answer is 401 TOTP_REQUIRED (the password was right, nothing is counted), a
 * wrong or replayed one is 401 TOTP_INVALID and counts as a failure of the same throttle. The
 * access token carries the user's token generation; with a `deviceId` the answer also carries
 * a refresh token bound to that device (auth/refresh.ts).
 */
export function loginRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const throttle = ctx.loginThrottle
  app.withTypeProvider<ZodTypeProvider>().post('/auth/login', { schema: { body: loginRequestSchema } }, async (req): Promise<LoginResponse> => {
    const { username, password, deviceId, totp } = req.body
    const now = Date.now()
    const wait = throttle.waitMs(username, req.ip, now)
    if (wait > 0) throw throttled(wait)
    const [row] = await ctx.db.select().from(users).where(eq(users.username, username))
    const passwordOk = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH)
    if (!row || !passwordOk) {
      throttle.failure(username, req.ip, now)
      // Unknown users are audited too: same work, same time, and the attempt is on record.
      await appendAudit(ctx.db, { userId: row?.id ?? null, username, deviceId, action: 'login.failed', details: { knownUser: !!row } })
      throw invalid()
    }
    const second = await checkSecondFactor(ctx.db, row, totp, ctx.tokenSecret, now)
    if (second === 'TOTP_REQUIRED') throw new ApiError(401, 'TOTP_REQUIRED', 'this user needs the one-time code')
    if (second === 'TOTP_INVALID') {
      throttle.failure(username, req.ip, now)
      await appendAudit(ctx.db, { userId: row.id, username, deviceId, action: 'login.failed', details: { knownUser: true, secondFactor: true } })
      throw new ApiError(401, 'TOTP_INVALID', 'the one-time code is wrong or already used')
    }
    throttle.success(username, req.ip)
    if (row.disabled) throw new ApiError(403, 'USER_DISABLED', 'the user is disabled')
    const { token, claims } = issueToken({ sub: row.id, deviceId, gen: row.tokenGeneration, via: 'login' }, ctx.tokenSecret, now, ctx.tokenTtlMs)
    const refresh = deviceId ? await issueRefreshToken(ctx.db, { userId: row.id, deviceId }, now) : {}
    await appendAudit(ctx.db, { userId: row.id, username, deviceId, action: 'login' })
    const { epoch } = await getServerMeta(ctx.db)
    return { accessToken: token, expiresAt: new Date(claims.exp).toISOString(), user: toUser(row), serverTime: new Date(now).toISOString(), epoch, ...refresh }
  })
}

function throttled(ms: number): ApiError {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return new ApiError(429, 'THROTTLED', `too many failed logins; try again in ${seconds} s`, { 'retry-after': String(seconds) })
}
