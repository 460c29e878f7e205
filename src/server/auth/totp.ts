import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { Secret, TOTP } from 'otpauth'
import { recoveryCodes, users } from '../db/schema'
import type { RegisterDb } from '../db/types'

/**
 * The one-time code of A7 (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps — what every
 * authenticator app reads from the QR code). The secret is stored AES-256-GCM-encrypted under
 * a key derived from the register's token secret, so a copy of the users table, a log line or
 * a backup of that table alone gives no codes.
 */
export const TOTP_PERIOD_S = 30
const ISSUER = 'NIR Offline'
export const RECOVERY_CODE_COUNT = 10

function totpFor(base32: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S, secret: Secret.fromBase32(base32) })
}

function secretKey(tokenSecret: string): Buffer {
  return createHmac('sha256', tokenSecret).update('nir-totp-secret-v1').digest()
}

export function encryptTotpSecret(base32: string, tokenSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', secretKey(tokenSecret), iv)
  const data = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
}

export function decryptTotpSecret(stored: string, tokenSecret: string): string {
  const [v, iv, tag, data] = stored.split('.')
  if (v !== 'v1' || !iv || !tag || !data) throw new Error('unknown TOTP secret format')
  const decipher = createDecipheriv('aes-256-gcm', secretKey(tokenSecret), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}

/** Recovery codes: `XXXXX-XXXXX` from an alphabet without 0/O/1/I (50 bits each). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}
/** As typed: case, spaces and dashes do not matter. */
const recoveryHash = (code: string) => createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('base64url')

export interface TotpEnrolment {
  username: string
  /** `otpauth://totp/…` for the QR code. */
  uri: string
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: string
  recoveryCodes: string[]
}

/**
 * Enrols (or re-enrols) a user (the register's admin, CLI `enrol-totp`): a new secret and ten
 * new recovery codes replace the old ones. Returns what the admin hands to the caseworker;
 * the register keeps only the encrypted secret and the codes' hashes.
 */
export async function enrolTotp(db: RegisterDb, username: string, tokenSecret: string): Promise<TotpEnrolment> {
  const [row] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, username))
  if (!row) throw new Error(`no user ${username}`)
  const secret = new Secret({ size: 20 }).base32
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: encryptTotpSecret(secret, tokenSecret), totpLastStep: null })
      .where(eq(users.id, row.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, row.id))
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ codeHash: recoveryHash(c), userId: row.id })))
  })
  return { username: row.username, uri: totpFor(secret, row.username).toString(), secret, recoveryCodes: codes }
}

export type SecondFactor = 'ok' | 'TOTP_REQUIRED' | 'TOTP_INVALID'

/**
 * The second factor of a user whose password was right. Not enrolled: nothing to check.
 * Six digits: a TOTP code of this step or one step either side (clock drift), accepted only
 * for a step later than the last accepted one, so a code seen over a shoulder or in a proxy
 * log cannot be replayed, not even within its own 30 seconds. Anything else: a recovery code,
 * accepted once. Both updates are conditional, so two concurrent logins with one code end
 * with one success.
 */
export async function checkSecondFactor(
  db: RegisterDb,
  user: { id: string; username: string; totpSecret: string | null },
  code: string | undefined,
  tokenSecret: string,
  now = Date.now(),
): Promise<SecondFactor> {
  if (!user.totpSecret) return 'ok'
  const given = code?.trim() ?? ''
  if (!given) return 'TOTP_REQUIRED'
  if (/^\d{6}$/.test(given)) {
    const delta = totpFor(decryptTotpSecret(user.totpSecret, tokenSecret), user.username).validate({ token: given, timestamp: now, window: 1 })
    if (delta === null) return 'TOTP_INVALID'
    const step = Math.floor(now / 1000 / TOTP_PERIOD_S) + delta
    const taken = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id })
    return taken.length ? 'ok' : 'TOTP_INVALID'
  }
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.codeHash, recoveryHash(given)), eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId })
  return used.length ? 'ok' : 'TOTP_INVALID'
}
