import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { decodeCursor, zeroCursor } from '../../shared/sync'
import type { PullResponse } from '../../shared/sync'
import { getServerMeta } from '../db/meta'
import { authenticate, rolesOf } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pull } from '../sync/pull'
import { scopeOf } from '../sync/scope'

const pullQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** `1`: count the change sets after this page exactly (a device asks on a cycle's first page). */
  count: z.enum(['0', '1']).optional(),
})

/** `GET /sync/pull?cursor=<epoch>:<seq>&limit=<change sets>[&count=1]` (A4); no cursor = from zero. */
export function pullRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/sync/pull', { schema: { querystring: pullQuery } }, async (req): Promise<PullResponse> => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    const cursor = req.query.cursor ? decodeCursor(req.query.cursor) : zeroCursor
    if (!cursor) throw new ApiError(400, 'BAD_CURSOR', 'cursor must be <epoch>:<seq>')
    const { epoch } = await getServerMeta(ctx.db)
    const scope = scopeOf({ municipality: user.municipality, district: user.district, roles: rolesOf(user) })
    return pull(ctx.db, scope, cursor, req.query.limit, epoch, req.query.count === '1')
  })
}
