import type { FastifyServerOptions } from 'fastify'

/**
 * A request path as the log shows it: a DUF number (12 digits) or a national id (11) in a
 * path is personal data, and the log is not the audit log (issue 6 point 13c). Any run of
 * 11 or more digits goes, so a new route cannot forget it.
 */
export function redactUrl(url: string): string {
  return url.replace(/\d{11,}/g, '<redacted>')
}

/** Fastify's logger with the request serializer that redacts paths; `false` keeps it silent. */
export function loggerOptions(enabled: boolean): FastifyServerOptions['logger'] {
  if (!enabled) return false
  return {
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url ?? ''), remoteAddress: req.ip }),
    },
  }
}
