import { and, asc, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { PersonBundle } from '../../shared/sync'
import { appendAudit } from '../audit/log'
import { verifyToken } from '../auth/token'
import { persons } from '../db/schema'
import { authenticate, rolesOf } from '../http/authenticate'
import type { DufLookupLimit, ServerContext } from '../http/context'
import { ApiError } from '../http/errors'
import { loadServerBundle } from '../rules/snapshot'
import { scopeOf } from '../sync/scope'

/**
 * DUF look-ups per user and window (issue 6 point 13c; set 2026-12-01). Before it, one login
 * could walk the DUF numbers of the whole country at ~1,000 a second. A caseworker looks up a
 * few persons from other municipalities a day, so 30 in 10 minutes leaves a busy reception
 * day room while a walk of the 12-digit space stays out of reach. The register's operator may
 * set another value (`StartRegisterOptions.dufLookupLimit`).
 */
export const DUF_LOOKUP_LIMIT: DufLookupLimit = { max: 30, windowMs: 10 * 60 * 1000 }

/**
 * The counter's key: the user the token names (a walker cannot spread the count over IPs);
 * a request without a valid token counts per IP and is refused 401 by the route anyway.
 */
function lookupKey(ctx: ServerContext, req: FastifyRequest): string {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  const claims = m ? verifyToken(m[1]!, ctx.tokenSecret) : null
  return claims ? `duf-user:${claims.sub}` : `duf-ip:${req.ip}`
}

/**
 * `GET /persons/by-duf/:duf` (D5): the one search that reaches persons outside the user's
 * municipality. Needs a role that reads person data; a closed person is not found for a
 * user without write access (R9, same choice as pull). Every look-up is audited — a hit as
 * a read of that person, a miss as a look-up without the number (no personal data) — and
 * each user has `DUF_LOOKUP_LIMIT` of them per window: more get 429
 * `DUF_LOOKUP_RATE_LIMITED` with `Retry-After`.
 */
export function personRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const limit = ctx.dufLookupLimit ?? DUF_LOOKUP_LIMIT
  app.withTypeProvider<ZodTypeProvider>().get(
    '/persons/by-duf/:duf',
    {
      schema: { params: z.object({ duf: z.string().regex(/^\d{12}$/) }) },
      config: {
        rateLimit: {
          max: limit.max,
          timeWindow: limit.windowMs,
          keyGenerator: (req) => lookupKey(ctx, req),
          errorResponseBuilder: (_req, c) => {
            const seconds = Math.max(1, Math.ceil(c.ttl / 1000))
            return new ApiError(429, 'DUF_LOOKUP_RATE_LIMITED', `too many DUF look-ups; try again in ${seconds} s`, { 'retry-after': String(seconds) })
          },
          // Who walks is worth an operator's eye; the log names the key (a user id), never a DUF number.
          onExceeded: (req, key) => req.log.warn({ key }, 'DUF look-up limit reached'),
        },
      },
    },
    async (req): Promise<PersonBundle> => {
      const user = await authenticate(ctx.db, ctx.tokenSecret, req)
      const scope = scopeOf({ municipality: user.municipality, district: user.district, roles: rolesOf(user) })
      if (!scope.readsPersons) throw new ApiError(403, 'NOT_PERMITTED', 'your roles do not read person data')
      const [row] = await ctx.db
        .select()
        .from(persons)
        .where(and(eq(persons.duf, req.params.duf), eq(persons.deleted, false)))
        .orderBy(asc(persons.id))
      const bundle = row && (!row.closed || scope.writer) ? await loadServerBundle(ctx.db, row.id) : null
      if (!row || !bundle) {
        // A closed person hidden from this user is a miss like any other: no person id.
        await appendAudit(ctx.db, { userId: user.id, username: user.username, deviceId: user.deviceId, action: 'person.lookup.miss', details: { via: 'duf' } })
        throw new ApiError(404, 'PERSON_NOT_FOUND', 'no person with this DUF number')
      }
      await appendAudit(ctx.db, { userId: user.id, username: user.username, deviceId: user.deviceId, action: 'person.read', personId: row.id, details: { via: 'duf' } })
      return bundle
    },
  )
}
