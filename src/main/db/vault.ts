import { createHash } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { normaliseUsername } from '../../shared/domain'
import { newReplicaKey, readKeyFile, unwrapKey, wrapKey, writeKeyFile } from '../crypto/keyfile'
import { openReplica, ReplicaKeyError, type Replica } from './open'

/**
 * One replica file per user and server (A3): caseworkers may share a laptop, and one
 * user's data never opens under another user's login. The username is normalised exactly as
 * the register normalises it (issue 11.3), so `INTRO` and `intro` are one user on both sides.
 */
export function replicaFile(dataDir: string, serverUrl: string, username: string): string {
  const id = createHash('sha256')
    .update(`${normaliseServerUrl(serverUrl)}\n${normaliseUsername(username)}`)
    .digest('hex')
    .slice(0, 16)
  return join(dataDir, 'replicas', `${id}.db`)
}

export function normaliseServerUrl(url: string): string {
  return url.replace(/\/+$/, '')
}

export type UnlockOutcome = { ok: true; replica: Replica; created: boolean; replacedUnreadable: boolean } | { ok: false; reason: 'WRONG_PASSWORD' | 'NO_REPLICA' }

export interface UnlockOptions {
  /**
   * Online login (the register has just accepted the password): create the replica when it
   * is missing, and when the stored wrap does not open with this password (the password was
   * changed on the server) start a fresh replica, because the old key cannot be recovered.
   * Offline unlock never creates or replaces anything.
   */
  create: boolean
  migrationsFolder?: string
}

/** Unlocks the replica at `file` with the user's password. */
export async function unlockReplica(file: string, password: string, options: UnlockOptions): Promise<UnlockOutcome> {
  const keyPath = `${file}.key.json`
  const keyFile = await readKeyFile(keyPath)
  if (keyFile) {
    const key = await unwrapKey(keyFile, password)
    if (key) {
      try {
        return { ok: true, replica: openReplica({ file, key, migrationsFolder: options.migrationsFolder }), created: false, replacedUnreadable: false }
      } catch (err) {
        if (!(err instanceof ReplicaKeyError) || !options.create) throw err
      }
    }
    if (!options.create) return { ok: false, reason: 'WRONG_PASSWORD' }
    const created = await createReplica(file, password, options.migrationsFolder)
    return { ok: true, replica: created, created: true, replacedUnreadable: true }
  }
  if (!options.create) return { ok: false, reason: 'NO_REPLICA' }
  return { ok: true, replica: await createReplica(file, password, options.migrationsFolder), created: true, replacedUnreadable: false }
}

async function createReplica(file: string, password: string, migrationsFolder?: string): Promise<Replica> {
  mkdirSync(join(file, '..'), { recursive: true })
  removeReplicaFiles(file)
  const key = newReplicaKey()
  const replica = openReplica({ file, key, migrationsFolder })
  // The key file is written last: a crash before it leaves a file no key opens, which the
  // next online login replaces.
  await writeKeyFile(`${file}.key.json`, await wrapKey(key, password))
  return replica
}

/** Removes the replica and its WAL side files (the key file is replaced separately). */
function removeReplicaFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}
