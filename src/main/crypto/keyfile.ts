import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'

/**
 * The replica key (A7): 32 random bytes, wrapped with AES-256-GCM under a key derived from
 * the user's password by scrypt. Only the wrapped key is stored (`<replica>.key.json`), so
 * the replica opens with the password alone, online or offline.
 */
export interface KeyFile {
  /**
   * 2: the scrypt parameters, salt and nonce are the AES-GCM associated data, so a changed
   * parameter fails the tag. 1 (before issue 11.5): unbound; still opened, and re-wrapped as 2
   * at the next unlock.
   */
  version: 1 | 2
  kdf: 'scrypt'
  /** scrypt cost parameters; stored so they can be raised later without breaking old files. */
  n: number
  r: number
  p: number
  salt: string
  iv: string
  tag: string
  wrappedKey: string
}

const SCRYPT_N = 2 ** 15
const SCRYPT_R = 8
const SCRYPT_P = 1

/**
 * Issue 11.5: what a key file may ask of scrypt, checked before any derivation. The file is
 * not trusted (anyone with the laptop can edit it): N = 2^24 blocked a login for 84 s. Each
 * parameter has its bound, and their product N·r·p (scrypt's time; memory is 128·N·r bytes)
 * at most 2^20, 4 times what this program writes (2^15·8·1): room to raise the cost later,
 * and on the loaded 2-core test machine the default took 1.2 s, N = 2^17 with r = 16 alone
 * 5.9 s. The floor keeps a file from being weakened below what this program writes.
 */
export const KDF_BOUNDS = { minN: 2 ** 14, maxN: 2 ** 17, maxR: 16, maxP: 4, maxWork: 2 ** 20 } as const
const BYTES = { salt: 16, iv: 12, tag: 16, wrappedKey: 32 } as const

/** Why a key file cannot be used, found before deriving anything. */
export type KeyFileProblem = 'EMPTY' | 'NOT_A_KEY_FILE' | 'PARAMS_OUT_OF_BOUNDS'

/** The key file exists but is not one this program can use (empty, truncated, garbage, out of bounds). */
export class KeyFileError extends Error {
  override name = 'KeyFileError'
  constructor(readonly problem: KeyFileProblem) {
    super(`key file unusable: ${problem}`)
  }
}

function deriveKey(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default maxmem (32 MiB) is exactly too small for N=2^15.
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r }
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))))
}

/** A fresh random replica key. */
export function newReplicaKey(): Buffer {
  return randomBytes(32)
}

/** The associated data of a version-2 wrap: every field the derivation and the cipher read. */
function associatedData(f: Pick<KeyFile, 'version' | 'kdf' | 'n' | 'r' | 'p' | 'salt' | 'iv'>): Buffer {
  return Buffer.from(`nir-keyfile:${f.version}:${f.kdf}:n=${f.n}:r=${f.r}:p=${f.p}:salt=${f.salt}:iv=${f.iv}`, 'utf8')
}

export async function wrapKey(key: Buffer, password: string): Promise<KeyFile> {
  const salt = randomBytes(BYTES.salt)
  const iv = randomBytes(BYTES.iv)
  const head = { version: 2 as const, kdf: 'scrypt' as const, n: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, salt: salt.toString('base64'), iv: iv.toString('base64') }
  const kek = await deriveKey(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(associatedData(head))
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()])
  return { ...head, tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrapped.toString('base64') }
}

/**
 * The replica key, or null when the wrap does not open (GCM tag mismatch: a wrong password,
 * or a changed parameter of a version-2 file). Throws `KeyFileError` before deriving when the
 * file's parameters are out of bounds or malformed.
 */
export async function unwrapKey(file: KeyFile, password: string): Promise<Buffer | null> {
  const checked = checkKeyFile(file)
  const kek = await deriveKey(password, Buffer.from(checked.salt, 'base64'), checked.n, checked.r, checked.p)
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(checked.iv, 'base64'))
  if (checked.version === 2) decipher.setAAD(associatedData(checked))
  decipher.setAuthTag(Buffer.from(checked.tag, 'base64'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(checked.wrappedKey, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

/** Canonical base64 of exactly `bytes` bytes (Buffer.from ignores junk, so compare the round trip). */
function isBase64Of(value: unknown, bytes: number): boolean {
  if (typeof value !== 'string') return false
  const buf = Buffer.from(value, 'base64')
  return buf.length === bytes && buf.toString('base64') === value
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

/** Validates a parsed key file against `KDF_BOUNDS` and the exact byte lengths. */
export function checkKeyFile(value: unknown): KeyFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KeyFileError('NOT_A_KEY_FILE')
  const f = value as Record<string, unknown>
  if ((f.version !== 1 && f.version !== 2) || f.kdf !== 'scrypt') throw new KeyFileError('NOT_A_KEY_FILE')
  for (const [field, bytes] of Object.entries(BYTES)) if (!isBase64Of(f[field], bytes)) throw new KeyFileError('NOT_A_KEY_FILE')
  const n = f.n
  const powerOfTwo = typeof n === 'number' && Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0
  if (!powerOfTwo || !isInt(n, KDF_BOUNDS.minN, KDF_BOUNDS.maxN) || !isInt(f.r, 1, KDF_BOUNDS.maxR) || !isInt(f.p, 1, KDF_BOUNDS.maxP) || n * f.r * f.p > KDF_BOUNDS.maxWork) {
    throw new KeyFileError('PARAMS_OUT_OF_BOUNDS')
  }
  return f as unknown as KeyFile
}

/**
 * The key file at `path`, checked (`checkKeyFile`); null when there is none. An empty,
 * truncated or garbage file throws `KeyFileError`, never a bare SyntaxError.
 */
export async function readKeyFile(path: string): Promise<KeyFile | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  if (text.trim() === '') throw new KeyFileError('EMPTY')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new KeyFileError('NOT_A_KEY_FILE')
  }
  return checkKeyFile(parsed)
}

/** Writes atomically (temp file + rename) so a crash never leaves a half-written key file. */
export async function writeKeyFile(path: string, file: KeyFile): Promise<void> {
  const tmp = `${path}.tmp`
  await writeFile(tmp, JSON.stringify(file, null, 2), { mode: 0o600 })
  await rename(tmp, path)
}
