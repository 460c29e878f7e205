import { and, asc, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { PersonBundle } from '../../shared/sync'
import { appendAudit } from '../audit/log'
import { persons } from '../db/schema'
import { authenticate, rolesOf } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'
import { loadServerBundle } from '../rules/snapshot'
import { scopeOf } from '../sync/scope'

/**
 * `GET /persons/by-duf/:duf` (D5): the one search that reaches persons outside the user's
 * municipality. Needs a role that reads person data; a closed person is not found for a
 * user without write access (R9, same choice as pull). Every hit is audited as a read.
 */
export function personRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/persons/by-duf/:duf',
    { schema: { params: z.object({ duf: z.string().regex(/^\d{12}$/) }) } },
    async (req): Promise<PersonBundle> => {
      const user = await authenticate(ctx.db, ctx.tokenSecret, req)
      const scope = scopeOf({ municipality: user.municipality, district: user.district, roles: rolesOf(user) })
      if (!scope.readsPersons) throw new ApiError(403, 'NOT_PERMITTED', 'your roles do not read person data')
      const [row] = await ctx.db
        .select()
        .from(persons)
        .where(and(eq(persons.duf, req.params.duf), eq(persons.deleted, false)))
        .orderBy(asc(persons.id))
      if (!row || (row.closed && !scope.writer)) throw new ApiError(404, 'PERSON_NOT_FOUND', 'no person with this DUF number')
      const bundle = await loadServerBundle(ctx.db, row.id)
      if (!bundle) throw new ApiError(404, 'PERSON_NOT_FOUND', 'no person with this DUF number')
      await appendAudit(ctx.db, { userId: user.id, username: user.username, deviceId: user.deviceId, action: 'person.read', personId: row.id, details: { via: 'duf' } })
      return bundle
    },
  )
}
