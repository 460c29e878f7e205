import type { FastifyServerOptions } from 'fastify'
import { maskPersonalNumbers, PERSONAL_KEYS, REDACTED, redactUrl, serializeError } from '../../shared/log-redact'

export { redactUrl }

/** Where the pino lines go when not to stdout (tests capture them). */
export interface LogStream {
  write(line: string): void
}

/**
 * Paths pino's `redact` replaces before a line is written (issue 11 point 8): credentials in
 * headers, and personal fields at the top level and one or two levels down of any logged
 * object (`{ person }`, `{ row: { person } }`). The serializers below are the first line of
 * defence; this list catches what a future `log.info({ … })` might pass by mistake.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-nir-secret"]',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
]

/**
 * Route words of the register: a request path keeps only these, UUIDs and short numbers; any
 * other segment (a DUF number, a date, a name typed into a URL) is logged as `<redacted>`.
 * Filled by `rememberRouteSegments` as routes are added.
 */
function rememberRouteSegments(known: Set<string>, url: string): void {
  for (const seg of url.split('/')) if (seg && !seg.startsWith(':') && !seg.includes('*')) known.add(seg)
}

/**
 * Fastify's pino logger (A7, issue 11 point 8) with personal data kept out: request URLs
 * through `redactUrl`, errors through `serializeError` (no query parameters, no driver
 * `detail`, quoted values masked), the redaction list above, and every string message masked
 * for numbers and dates. `false` keeps it silent. Returns the options and the set of route
 * words the app must fill (`onRoute`).
 */
export function loggerOptions(enabled: boolean | { stream: LogStream }): { options: FastifyServerOptions['logger']; onRoute(url: string): void } {
  const known = new Set<string>()
  const onRoute = (url: string) => rememberRouteSegments(known, url)
  if (!enabled) return { options: false, onRoute }
  return {
    onRoute,
    options: {
      ...(typeof enabled === 'object' ? { stream: enabled.stream } : {}),
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url ?? '', known), remoteAddress: req.ip }),
        err: (err: Error) => ({ ...serializeError(err) }),
      },
      hooks: {
        // A message string (`log.info('…')`, `log.warn(obj, '…')`) is masked like a URL's numbers.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as Parameters<typeof method>)
        },
      },
    },
  }
}
