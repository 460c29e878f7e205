import { DrizzleQueryError } from 'drizzle-orm'
import pino from 'pino'
import { describe, expect, test } from 'vitest'
import { loggerOptions, redactUrl, REDACT_PATHS } from './log'

/** A person as the demo makes them: these values must never be in a log line. */
const ola = { firstName: 'Ola', lastName: 'Nordmann', duf: '201425485701', nationalId: '01419012345', birthDate: '1990-05-17' }
const personal = Object.values(ola)

/** Real pino lines: the register's logger options on a stream we read back. */
function capture(): { log: pino.Logger; lines: () => string[] } {
  const written: string[] = []
  const stream = { write: (line: string) => void written.push(line) }
  const { options } = loggerOptions({ stream })
  const { stream: _ignored, ...pinoOptions } = options as pino.LoggerOptions & { stream: unknown }
  return { log: pino(pinoOptions, stream), lines: () => written }
}

function pgError(message: string, extra: Record<string, string>): Error {
  return Object.assign(new Error(message), extra)
}

describe('issue 11 point 8: the register log has no names, DUF numbers or birth dates', () => {
  test.each([
    ['a DUF number in the look-up path', '/persons/by-duf/201425485701', '/persons/by-duf/<redacted>'],
    ['an 11-digit national id in a query value', '/x?nationalId=01019012345', '/x?nationalId=<redacted>'],
    ['a name in a query value', '/persons?name=Ola%20Nordmann&limit=5', '/persons?name=<redacted>&limit=5'],
    ['a birth date in a path', '/persons/born/1990-05-17', '/persons/born/<redacted>'],
    ['a pull cursor keeps its protocol numbers', '/sync/pull?cursor=3:1200&limit=500', '/sync/pull?cursor=3:1200&limit=500'],
    ['a UUID row id is kept', '/persons/0193a5b2-7c4e-7000-8000-123456789012', '/persons/0193a5b2-7c4e-7000-8000-123456789012'],
    ['a path without digits is unchanged', '/auth/login', '/auth/login'],
  ])('redactUrl: %s', (_name, url, logged) => {
    expect(redactUrl(url)).toBe(logged)
  })

  test('redactUrl with the route words: a name typed into an unrouted path is masked too', () => {
    const known = new Set(['persons', 'by-duf'])
    expect(redactUrl('/persons/Nordmann', known)).toBe('/persons/<redacted>')
    expect(redactUrl('/persons/by-duf/201425485701', known)).toBe('/persons/by-duf/<redacted>')
    expect(redactUrl('/sync/pull', known)).toBe('/<redacted>/<redacted>')
  })

  test('the redaction list names every personal field at three depths and the credentials', () => {
    for (const k of ['firstName', 'lastName', 'duf', 'nationalId', 'birthDate', 'params', 'detail']) {
      expect(REDACT_PATHS).toEqual(expect.arrayContaining([k, `*.${k}`, `*.*.${k}`]))
    }
    expect(REDACT_PATHS).toContain('req.headers.authorization')
  })

  test.each([
    [
      'a failed drizzle query: its parameters are cut',
      () => ({ err: new DrizzleQueryError('insert into "persons" ("first_name", "duf") values ($1, $2)', personal, new Error('boom')) }),
      ['Failed query', 'insert into \\"persons\\"'],
    ],
    [
      'a PostgreSQL check violation: "Failing row contains" detail left out, constraint kept',
      () => ({
        err: pgError('new row for relation "persons" violates check constraint "c"', { code: '23514', constraint: 'c', detail: `Failing row contains (${personal.join(', ')}).` }),
      }),
      ['23514', 'violates check constraint \\"c\\"'],
    ],
    [
      'a cast error quoting the value',
      () => ({ err: pgError('invalid input syntax for type date: "1990-05-17 Ola Nordmann"', { code: '22007' }) }),
      ['invalid input syntax for type date'],
    ],
    [
      'an error whose cause is the failed query',
      () => ({ err: new Error('import failed', { cause: new DrizzleQueryError('update persons set last_name = $1', ['Nordmann', '1990-05-17'], new Error('x')) }) }),
      ['import failed', 'update persons'],
    ],
    ['a person object passed by mistake', () => ({ person: ola }), ['<redacted>']],
    ['personal fields at the top level', () => ola, ['<redacted>']],
    ['personal fields two levels down', () => ({ batch: { row: ola } }), ['<redacted>']],
    ['a query-parameter array', () => ({ query: 'select 1', params: personal }), ['select 1']],
  ])('a logged %s keeps what helps and drops the person', (_name, make, kept) => {
    const { log, lines } = capture()
    log.error(make(), 'internal error')
    const text = lines().join('')
    for (const k of kept) expect(text).toContain(k)
    for (const p of personal) expect(text).not.toContain(p)
  })

  test('a message string is masked for DUF numbers, national ids and dates', () => {
    const { log, lines } = capture()
    log.warn({ key: 'u1' }, `look-up of ${ola.duf} (${ola.nationalId}) born ${ola.birthDate} or 17.05.1990`)
    const text = lines().join('')
    expect(text).toContain('look-up of <redacted>')
    for (const p of [ola.duf, ola.nationalId, ola.birthDate, '17.05.1990']) expect(text).not.toContain(p)
  })

  test('logging off writes nothing', () => {
    expect(loggerOptions(false).options).toBe(false)
  })
})
