import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { LoginResponse } from '../../shared/sync'
import { HttpError, type RegisterClient } from './register-client'

/**
 * The device's refresh token (A7, issue 11 point 1), kept beside the replica in
 * `<replica>.refresh.json`, AES-256-GCM-encrypted under a key derived from the user's password
 * (scrypt, the file's own salt) and bound to the device id and server (associated data). The
 * key is derived once when the session is unlocked — online or offline, both have the
 * password — and held in memory only, so each rotation rewrites the file without asking.
 * An unlock offline therefore resumes syncing when the register returns: the stored token
 * buys a new access token, no password or one-time code needed.
 */
interface StoredRefresh {
  version: 1
  salt: string
  iv: string
  tag: string
  data: string
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))))
}

export function refreshFileOf(replicaFile: string): string {
  return `${replicaFile}.refresh.json`
}

export class TokenKeeper {
  private refreshToken: string | null = null
  private renewing: Promise<LoginResponse | null> | null = null

  private constructor(
    private readonly file: string,
    private readonly key: Buffer,
    private readonly salt: Buffer,
    private readonly deviceId: string,
    private readonly serverUrl: string,
    private readonly client: RegisterClient,
  ) {}

  /**
   * Derives the file key from the password and reads the stored token. A file that does not
   * open with this password (changed on the register since) or is damaged holds no usable
   * token: the keeper starts empty and the next login binds a new one.
   */
  static async open(o: { replicaFile: string; password: string; deviceId: string; serverUrl: string; client: RegisterClient }): Promise<TokenKeeper> {
    const file = refreshFileOf(o.replicaFile)
    const stored = await readStored(file)
    const salt = stored ? Buffer.from(stored.salt, 'base64') : randomBytes(16)
    const keeper = new TokenKeeper(file, await derive(o.password, salt), salt, o.deviceId, o.serverUrl, o.client)
    if (stored) keeper.refreshToken = keeper.decrypt(stored)
    return keeper
  }

  get hasToken(): boolean {
    return this.refreshToken !== null
  }

  /** Keeps a new refresh token (login, bind, rotation), written atomically. */
  async store(token: string): Promise<void> {
    this.refreshToken = token
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(this.aad())
    const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
    const stored: StoredRefresh = {
      version: 1,
      salt: this.salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    }
    await writeFile(`${this.file}.tmp`, JSON.stringify(stored), { mode: 0o600 })
    await rename(`${this.file}.tmp`, this.file)
  }

  /** Forgets the token (logout, refused by the register). */
  async clear(): Promise<void> {
    this.refreshToken = null
    await rm(this.file, { force: true })
  }

  /**
   * A new access token from the stored refresh token, rotating it; null when there is none or
   * the register refused it (revoked, reused, expired: a login is needed, and the token is
   * forgotten). A network failure throws (the caller is offline, the token stays). Concurrent
   * callers share one request: two rotations of one token would look like theft to the register.
   */
  renew(): Promise<LoginResponse | null> {
    this.renewing ??= this.renewOnce().finally(() => (this.renewing = null))
    return this.renewing
  }

  /** Tells the register to revoke every token of the user (logout), with the refresh token when the access token may have expired. */
  async logout(accessToken: string | null): Promise<void> {
    const refreshToken = this.refreshToken
    await this.clear()
    await this.client.logout(accessToken, refreshToken ? { refreshToken, deviceId: this.deviceId } : null)
  }

  private async renewOnce(): Promise<LoginResponse | null> {
    const token = this.refreshToken
    if (!token) return null
    try {
      const answer = await this.client.refresh(token, this.deviceId)
      if (answer.refreshToken) await this.store(answer.refreshToken)
      return answer
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 400)) {
        await this.clear()
        return null
      }
      throw err
    }
  }

  private aad(): Buffer {
    return Buffer.from(`nir-refresh-v1\n${this.serverUrl}\n${this.deviceId}`)
  }

  private decrypt(stored: StoredRefresh): string | null {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(stored.iv, 'base64'))
      decipher.setAAD(this.aad())
      decipher.setAuthTag(Buffer.from(stored.tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64')), decipher.final()]).toString('utf8')
    } catch {
      return null
    }
  }
}

async function readStored(file: string): Promise<StoredRefresh | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredRefresh>
    const ok = parsed.version === 1 && [parsed.salt, parsed.iv, parsed.tag, parsed.data].every((v) => typeof v === 'string')
    return ok && Buffer.from(parsed.salt!, 'base64').length === 16 ? (parsed as StoredRefresh) : null
  } catch {
    return null
  }
}
