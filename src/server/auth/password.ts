import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt parameters (A7): N = 2^15, r = 8, p = 1, 16-byte salt, 32-byte hash. */
const N = 2 ** 15
const R = 8
const P = 1
const KEY_LEN = 32
/** 128·N·r bytes are needed; Node's default maxmem (32 MiB) is exactly that, so give headroom. */
const MAXMEM = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, n: number, r: number, p: number, len: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, len, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))))
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (salt and hash base64), so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, N, R, P, KEY_LEN)
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

/** Constant-time check against a stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [n, r, p] = parts.slice(1, 4).map(Number)
  const salt = Buffer.from(parts[4], 'base64')
  const expected = Buffer.from(parts[5], 'base64')
  const key = await derive(password, salt, n, r, p, expected.length)
  return timingSafeEqual(key, expected)
}

/** A hash of nothing in particular: verifying against it costs the same as a real check. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LEN).toString('base64')}`
