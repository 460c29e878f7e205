import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod'
import { CONTROL_CHARACTERS_MESSAGE } from '../../shared/domain'
import type { ServerError } from '../../shared/sync'

/** An expected failure with its HTTP status and the `error` code of the body (`ServerError`). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'THROTTLED',
}

/**
 * Every non-2xx answer has the body `{ error: CODE, message }` (protocol.ts `ServerError`):
 * our own `ApiError`s keep their code; framework errors (validation, media type, rate limit)
 * get a code from their status; anything else is a 500 `INTERNAL` whose details stay in the log.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v)
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...err.extra } satisfies ServerError)
    }
    if (hasZodFastifySchemaValidationErrors(err)) return reply.code(400).send(validationRefusal(err.validation, err.validationContext))
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) {
      req.log.error({ err }, 'internal error')
      return reply.code(500).send({ error: 'INTERNAL', message: 'internal server error' } satisfies ServerError)
    }
    const code = codeByStatus[status] ?? 'BAD_REQUEST'
    return reply.code(status).send({ error: code, message: err.message } satisfies ServerError)
  })
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` } satisfies ServerError)
  })
}

/**
 * A route schema's refusal, naming the first offending field (issue 11.6: every refusal names
 * its field). A control character is `INVALID_INPUT`, as the input guard answers a NUL: a line
 * break in a username is refused like a NUL in it, not as an unnamed `BAD_REQUEST` (the guard
 * lets line breaks through for multi-line free texts; the single-line schemas refuse them).
 */
function validationRefusal(issues: ZodFastifySchemaValidationError[], part = 'body'): ServerError & { field: string } {
  const first = issues.find((i) => i.message === CONTROL_CHARACTERS_MESSAGE) ?? issues[0]!
  const field = first.instancePath.split('/').filter(Boolean).join('.')
  const message = issues.map((i) => `${[part, ...i.instancePath.split('/').filter(Boolean)].join('.')}: ${i.message}`).join('; ')
  return { error: first.message === CONTROL_CHARACTERS_MESSAGE ? 'INVALID_INPUT' : 'BAD_REQUEST', message, field }
}
