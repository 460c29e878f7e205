import type { FastifyInstance } from 'fastify'
import { authenticate } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'
import { importNdjson } from '../import'

/** Base-data feeds can be large; one request carries one all-or-nothing batch. */
const IMPORT_BODY_LIMIT = 512 * 1024 * 1024

/**
 * `POST /admin/import` (A6): a central administrator sends an NDJSON feed
 * (`application/x-ndjson`); the answer is the summary, or 400 `IMPORT_REFUSED` with every
 * refused line. Audited by the import itself, under the admin's username.
 */
export function importRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body))
  app.post('/admin/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (req) => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    if (!user.centralAdmin) throw new ApiError(403, 'NOT_PERMITTED', 'only a central administrator may import base data')
    if (typeof req.body !== 'string') throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the feed as application/x-ndjson')
    const result = await importNdjson(ctx.db, req.body, { actor: user.username })
    if (!result.ok) throw new ApiError(400, 'IMPORT_REFUSED', `${result.errors.length} line(s) refused; nothing was imported`, {}, { errors: result.errors })
    return result
  })
}
