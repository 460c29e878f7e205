import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'

/**
 * The replica key (A7): 32 random bytes, wrapped with AES-256-GCM under a key derived from
 * the user's password by scrypt. Only the wrapped key is stored (`<replica>.key.json`), so
 * the replica opens with the password alone, online or offline.
 */
export interface KeyFile {
  version: 1
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

function deriveKey(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default maxmem (32 MiB) is exactly too small for N=2^15.
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r }
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))))
}

/** A fresh random replica key. */
export function newReplicaKey(): Buffer {
  return randomBytes(32)
}

export async function wrapKey(key: Buffer, password: string): Promise<KeyFile> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const kek = await deriveKey(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()])
  return {
    version: 1,
    kdf: 'scrypt',
    n: SCRYPT_N,
    r: SCRYPT_R,
    p: SCRYPT_P,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
  }
}

/** The replica key, or null when the password does not open the wrap (GCM tag mismatch). */
export async function unwrapKey(file: KeyFile, password: string): Promise<Buffer | null> {
  const kek = await deriveKey(password, Buffer.from(file.salt, 'base64'), file.n, file.r, file.p)
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.iv, 'base64'))
  decipher.setAuthTag(Buffer.from(file.tag, 'base64'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(file.wrappedKey, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

export async function readKeyFile(path: string): Promise<KeyFile | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as KeyFile
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Writes atomically (temp file + rename) so a crash never leaves a half-written key file. */
export async function writeKeyFile(path: string, file: KeyFile): Promise<void> {
  const tmp = `${path}.tmp`
  await writeFile(tmp, JSON.stringify(file, null, 2), { mode: 0o600 })
  await rename(tmp, path)
}
