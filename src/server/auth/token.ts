import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Access tokens live 10 minutes (A7: a short access token). The device renews it with its
 * device-bound refresh token (auth/refresh.ts) without asking the caseworker again.
 */
export const TOKEN_TTL_MS = 10 * 60 * 1000

export interface TokenClaims {
  /** User id. */
  sub: string
  /** Issued at / expires, ms since epoch. */
  iat: number
  exp: number
  deviceId?: string
  /** The user's `tokenGeneration` when issued: logout and a password change raise it, revoking the token. */
  gen: number
  /** How it was issued: a password login (may bind a refresh token, `POST /auth/device`) or a refresh. */
  via: 'login' | 'refresh'
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

/**
 * `base64url(json).base64url(HMAC-SHA256)` signed with the secret in `server_meta`: stateless,
 * so any server instance sharing the database accepts it (A6 horizontal scale).
 */
export function issueToken(claims: Omit<TokenClaims, 'iat' | 'exp'>, secret: string, now = Date.now(), ttlMs = TOKEN_TTL_MS): { token: string; claims: TokenClaims } {
  const full: TokenClaims = { ...claims, iat: now, exp: now + ttlMs }
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url')
  return { token: `${payload}.${sign(payload, secret)}`, claims: full }
}

/** The claims of a well-signed, unexpired token; null otherwise (the caller answers 401). */
export function verifyToken(token: string, secret: string, now = Date.now()): TokenClaims | null {
  const [payload, sig, extra] = token.split('.')
  if (!payload || !sig || extra !== undefined) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims
    // A token without a generation predates revocation (issue 11.1): refused like an expired one.
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp <= now || typeof claims.gen !== 'number') return null
    return claims
  } catch {
    return null
  }
}
