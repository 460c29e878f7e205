import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { PUSH_MAX_BYTES, pushRequestSchema, type PushResponse } from '../../shared/sync'
import { authenticate, rolesOf } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { push } from '../sync/push'

/** `POST /sync/push` (A4): the device's pending outbox rows in `seq` order; authenticated as pull. */
export function pushRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().post('/sync/push', { schema: { body: pushRequestSchema }, bodyLimit: PUSH_MAX_BYTES }, async (req): Promise<PushResponse> => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    // The device the token was issued to; a token without one pushes under the id the device sends.
    const deviceId = user.deviceId ?? req.body.deviceId
    const who = { id: user.id, username: user.username, municipality: user.municipality, district: user.district, roles: rolesOf(user), deviceId }
    return push(ctx.db, who, req.body, new Date(), (error) => req.log.warn({ err: error }, 'push: the batch write failed; running the batch one mutation at a time'))
  })
}
