import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { LoginResponse } from '../../shared/sync'
import { loginRequestSchema } from '../../shared/sync'
import { appendAudit } from '../audit/log'
import { DUMMY_HASH, verifyPassword } from '../auth/password'
import { issueToken } from '../auth/token'
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
 */
export function loginRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const throttle = ctx.loginThrottle
  app.withTypeProvider<ZodTypeProvider>().post('/auth/login', { schema: { body: loginRequestSchema } }, async (req): Promise<LoginResponse> => {
    const { username, password, deviceId } = req.body
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
    throttle.success(username, req.ip)
    if (row.disabled) throw new ApiError(403, 'USER_DISABLED', 'the user is disabled')
    const { token, claims } = issueToken({ sub: row.id, deviceId }, ctx.tokenSecret, now)
    await appendAudit(ctx.db, { userId: row.id, username, deviceId, action: 'login' })
    const { epoch } = await getServerMeta(ctx.db)
    return { accessToken: token, expiresAt: new Date(claims.exp).toISOString(), user: toUser(row), serverTime: new Date(now).toISOString(), epoch }
  })
}

function throttled(ms: number): ApiError {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return new ApiError(429, 'THROTTLED', `too many failed logins; try again in ${seconds} s`, { 'retry-after': String(seconds) })
}
