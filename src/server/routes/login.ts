import { eq, sql } from 'drizzle-orm'
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
 * `POST /auth/login` (A7). Wrong username and wrong password answer alike (and cost the same
 * scrypt time), so usernames cannot be probed. Throttled twice: per IP by the route's rate
 * limit, and per user: the 5th failure in a row locks the user for 5 minutes (429 THROTTLED
 * with Retry-After), whatever IP the attempts come from. A disabled user is told so only
 * after the right password.
 */
export function loginRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/auth/login',
      { schema: { body: loginRequestSchema }, config: { rateLimit: { max: ctx.loginRateLimit, timeWindow: '1 minute' } } },
      async (req): Promise<LoginResponse> => {
        const { username, password, deviceId } = req.body
        const now = Date.now()
        const [row] = await ctx.db.select().from(users).where(eq(users.username, username))
        if (!row) {
          await verifyPassword(password, DUMMY_HASH)
          throw invalid()
        }
        if (row.lockedUntil && row.lockedUntil.getTime() > now) throw throttled(row.lockedUntil.getTime() - now)
        if (!(await verifyPassword(password, row.passwordHash))) {
          await recordFailure(ctx, row.id, username, deviceId, now)
          throw invalid()
        }
        if (row.disabled) throw new ApiError(403, 'USER_DISABLED', 'the user is disabled')
        await ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id))
        const { token, claims } = issueToken({ sub: row.id, deviceId }, ctx.tokenSecret, now)
        await appendAudit(ctx.db, { userId: row.id, username, deviceId, action: 'login' })
        const { epoch } = await getServerMeta(ctx.db)
        return { accessToken: token, expiresAt: new Date(claims.exp).toISOString(), user: toUser(row), serverTime: new Date(now).toISOString(), epoch }
      },
    )
}

function throttled(ms: number): ApiError {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return new ApiError(429, 'THROTTLED', `too many failed logins; try again in ${seconds} s`, { 'retry-after': String(seconds) })
}

async function recordFailure(ctx: ServerContext, userId: string, username: string, deviceId: string | undefined, now: number): Promise<void> {
  // increment in SQL: concurrent failures must all count
  const [r] = await ctx.db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(eq(users.id, userId))
    .returning({ failed: users.failedLogins })
  if (r && r.failed >= MAX_FAILED_LOGINS) {
    await ctx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: new Date(now + LOCK_MS) })
      .where(eq(users.id, userId))
  }
  await appendAudit(ctx.db, { userId, username, deviceId, action: 'login.failed', details: { failedInRow: r?.failed ?? null } })
}
