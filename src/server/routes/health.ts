import type { FastifyInstance } from 'fastify'
import { getServerMeta } from '../db/meta'
import type { ServerContext } from '../http/context'

/** `GET /health`: liveness plus the lineage epoch and server time (devices measure clock skew, A5). */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/health', async () => {
    const { epoch } = await getServerMeta(ctx.db)
    return { ok: true, epoch, serverTime: new Date().toISOString() }
  })
}
