import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import helmet from '@fastify/helmet'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * The header every `/api/*` request carries (a wire format shared with
 * `renderer/src/api/host-secret.ts`, which main may not import): a cross-site form, image or
 * `no-cors` fetch cannot set it, and a page on another origin cannot read the secret.
 */
export const HOST_SECRET_HEADER = 'x-nir-secret'

/** 256 random bits per launch: a tab left open from an earlier launch must be reloaded. */
export function newHostSecret(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Digests first, so the comparison takes the same time whatever the length or the first
 * differing byte of what the caller sent.
 */
function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(secret))
}

/**
 * Loopback names only: a forged `Host` (DNS rebinding: `evil.example` resolving to
 * 127.0.0.1) would make an attacker's page same-origin with us and let it read the secret.
 */
function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

function refuse(reply: FastifyReply, status: 403 | 415, code: 'HOST_FORBIDDEN' | 'HOST_UNSUPPORTED_MEDIA_TYPE', field: string): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json')
    .send({ ok: false, reasons: [{ code, field }] })
}

/**
 * Everything but reading the app's own files changes or reveals device data: `/api/*` of any
 * method (the contract and the event stream), and any non-GET request wherever it is aimed.
 * The matched route counts as well as the raw path, so an encoded path cannot slip past.
 */
function needsSecret(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? ''
  const route = req.routeOptions.url ?? ''
  const api = (p: string) => p === '/api' || p.startsWith('/api/')
  return api(path) || api(route) || (req.method !== 'GET' && req.method !== 'HEAD')
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

/**
 * Issue 6 point 13a: the browser-mode host answers only the page it served. One `onRequest`
 * hook checks, in order, `Host`, `Origin` (when the browser sends one), the per-launch secret
 * and a JSON body, so every route added later (the event stream too) is covered without
 * doing anything. Refusals are JSON results with a reason, never a 500. The security headers
 * match the register's (helmet); Vuetify sets inline styles, hence `style-src 'unsafe-inline'`.
 */
export async function guardHost(app: FastifyInstance, secret: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain http on loopback: HSTS would mean nothing here.
    strictTransportSecurity: false,
  })
  app.addHook('onRequest', async (req, reply) => {
    const port = (app.server.address() as AddressInfo | null)?.port
    const host = req.headers.host
    if (port === undefined || !host || !allowedHosts(port).includes(host)) return refuse(reply, 403, 'HOST_FORBIDDEN', 'host')
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) return refuse(reply, 403, 'HOST_FORBIDDEN', 'origin')
    if (!needsSecret(req)) return
    reply.header('cache-control', 'no-store')
    if (!sameSecret(req.headers[HOST_SECRET_HEADER], secret)) return refuse(reply, 403, 'HOST_FORBIDDEN', HOST_SECRET_HEADER)
    if (req.method === 'POST' && !isJson(req.headers['content-type'])) return refuse(reply, 415, 'HOST_UNSUPPORTED_MEDIA_TYPE', 'content-type')
  })
}
