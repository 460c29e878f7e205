import type { FastifyInstance } from 'fastify'
import { authenticate } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'
import { importNdjson } from '../import'

/** Default largest feed (bytes); `NIR_IMPORT_MAX_MB` sets another. A national feed is ~100 MB. */
export const IMPORT_DEFAULT_MAX_MB = 256

/** The configured largest feed in bytes (read per request, so an operator's change needs no rebuild). */
export function importMaxBytes(): number {
  const mb = Number(process.env.NIR_IMPORT_MAX_MB)
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : IMPORT_DEFAULT_MAX_MB) * 1024 * 1024)
}

/**
 * `POST /admin/import` (A6): a central administrator sends an NDJSON feed
 * (`application/x-ndjson`); the answer is the summary, or 400 `IMPORT_REFUSED` with every
 * refused line (number, field, reason). Audited by the import itself, under the admin's
 * username. Issue 11.6: the body is streamed into the import line by line (never buffered
 * whole), and a feed over the configured size is a 413 naming the limit, with nothing written.
 */
export function importRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // The raw stream: Fastify's own body limit would buffer the whole body first.
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload))
  app.post('/admin/import', async (req) => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    if (!user.centralAdmin) throw new ApiError(403, 'NOT_PERMITTED', 'only a central administrator may import base data')
    const body = req.body as AsyncIterable<Uint8Array> | undefined
    if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the feed as application/x-ndjson')
    const max = importMaxBytes()
    // `connection: close`: the rest of the refused body is never read, so the connection must
    // not carry the client's next request (it would wait behind the unread bytes).
    const tooLarge = () =>
      new ApiError(413, 'PAYLOAD_TOO_LARGE', `the feed is larger than ${Math.round(max / 1024 / 1024)} MB (NIR_IMPORT_MAX_MB); split it or raise the limit`, {
        connection: 'close',
      })
    if (Number(req.headers['content-length'] ?? 0) > max) throw tooLarge()
    const result = await importNdjson(ctx.db, limited(body, max, tooLarge), { actor: user.username })
    if (!result.ok) throw new ApiError(400, 'IMPORT_REFUSED', `${result.errors.length} line(s) refused; nothing was imported`, {}, { errors: result.errors })
    return result
  })
}

/** Passes the body through, and fails (before the import's transaction starts) once it exceeds `max` bytes. */
async function* limited(body: AsyncIterable<Uint8Array>, max: number, tooLarge: () => Error): AsyncGenerator<Uint8Array> {
  let seen = 0
  for await (const chunk of body) {
    seen += chunk.length
    if (seen > max) throw tooLarge()
    yield chunk
  }
}
