import type { FastifyInstance } from 'fastify'
import { inputProblem } from '../../shared/domain'
import { ApiError } from './errors'

/**
 * Issue 11.6: every parsed JSON body, query string and path parameter of every route meets the shared input
 * limits (no control characters such as NUL, bounded string length, nesting and entries)
 * before its route schema, its rules or the database see it. A refusal is a 400
 * `INVALID_INPUT` naming the field, never a 500 from PostgreSQL. The NDJSON import body is a
 * stream and is checked line by line by the import itself.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      // Path and query values are always parsed text; a body only when it is parsed JSON (the import's is a raw stream).
      if (value === null || typeof value !== 'object' || (part === 'body' && !isParsedJson(value))) continue
      const p = inputProblem(value)
      if (p) throw new ApiError(400, 'INVALID_INPUT', `${part}${p.field ? `.${p.field}` : ''}: ${p.problem}`, {}, { field: p.field })
    }
  })
}

function isParsedJson(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === null || proto === Object.prototype || Array.isArray(value)
}
