import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { normaliseUsername } from '../../shared/domain'
import { KeyFileError, newReplicaKey, readKeyFile, unwrapKey, wrapKey, writeKeyFile, type KeyFile, type KeyFileProblem } from '../crypto/keyfile'
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

/**
 * Why an existing replica cannot be opened although the password may be right (issue 11.5):
 * the key file is empty, garbage, truncated or asks for out-of-bounds scrypt parameters; its
 * tag fails online (the register accepted the password, so the wrap was made with an older
 * password or was changed); the replica does not open with the unwrapped key; or the key
 * file is missing beside an existing replica.
 */
export type UnreadableProblem = KeyFileProblem | 'TAG_MISMATCH' | 'REPLICA_KEY_MISMATCH' | 'KEY_FILE_MISSING'

export type UnlockOutcome =
  | { ok: true; replica: Replica; created: boolean; /** Where the unreadable replica was moved (`startFresh`), else null. */ sealed: string | null }
  | { ok: false; reason: 'WRONG_PASSWORD' | 'NO_REPLICA' }
  | { ok: false; reason: 'UNREADABLE'; problem: UnreadableProblem }

export interface UnlockOptions {
  /**
   * Online login (the register has just accepted the password): create the replica when it
   * is missing. Offline unlock never creates anything.
   */
  create: boolean
  /**
   * The caseworker chose to start afresh after being told the replica is unreadable: the
   * replica and its key file are moved aside (`sealReplica`), never deleted, and a new one is
   * created. Only with `create`.
   */
  startFresh?: boolean
  migrationsFolder?: string
  now?: () => Date
}

/**
 * Unlocks the replica at `file` with the user's password. Nothing here deletes or overwrites
 * an existing replica or key file (issue 11.5): their unsent work cannot be read without the
 * old key, so an unreadable pair is reported, and moved aside only on `startFresh`.
 */
export async function unlockReplica(file: string, password: string, options: UnlockOptions): Promise<UnlockOutcome> {
  const opened = await openExisting(file, password, options)
  if (opened.ok || opened.reason !== 'UNREADABLE' || !options.create || !options.startFresh) {
    if (!opened.ok && opened.reason === 'NO_REPLICA' && options.create) {
      return { ok: true, replica: await createReplica(file, password, options.migrationsFolder), created: true, sealed: null }
    }
    return opened
  }
  const sealed = sealReplica(file, (options.now ?? (() => new Date()))())
  return { ok: true, replica: await createReplica(file, password, options.migrationsFolder), created: true, sealed }
}

async function openExisting(file: string, password: string, options: UnlockOptions): Promise<UnlockOutcome> {
  const keyPath = `${file}.key.json`
  let keyFile: KeyFile | null
  try {
    keyFile = await readKeyFile(keyPath)
  } catch (err) {
    if (err instanceof KeyFileError) return { ok: false, reason: 'UNREADABLE', problem: err.problem }
    throw err
  }
  if (!keyFile) return existsSync(file) ? { ok: false, reason: 'UNREADABLE', problem: 'KEY_FILE_MISSING' } : { ok: false, reason: 'NO_REPLICA' }
  const key = await unwrapKey(keyFile, password)
  // Offline a failed tag is most likely a mistyped password; online the register has just accepted it.
  if (!key) return options.create ? { ok: false, reason: 'UNREADABLE', problem: 'TAG_MISMATCH' } : { ok: false, reason: 'WRONG_PASSWORD' }
  let replica: Replica
  try {
    replica = openReplica({ file, key, migrationsFolder: options.migrationsFolder })
  } catch (err) {
    if (err instanceof ReplicaKeyError) return { ok: false, reason: 'UNREADABLE', problem: 'REPLICA_KEY_MISMATCH' }
    throw err
  }
  // A version-1 wrap left its parameters unbound: wrap the same key again, bound (issue 11.5).
  if (keyFile.version !== 2) await writeKeyFile(keyPath, await wrapKey(key, password))
  return { ok: true, replica, created: false, sealed: null }
}

const SIDE_FILES = ['-wal', '-shm', '-journal']
/**
 * Files that belong to one replica: its WAL side files, the key file, the device's refresh token
 * (issue 11.1) and a reset download left by a crash (`<file>.reset`, encrypted with the replica's key).
 */
const REPLICA_FILES = ['', ...SIDE_FILES, '.key.json', '.refresh.json', '.reset', '.reset-journal']

/**
 * Moves the replica, its WAL side files and its key file aside to `<file>.sealed-<time>`
 * (key: `<file>.sealed-<time>.key.json`), so the pair still opens with `unlockReplica` and
 * the old password; support can recover unsent work from it. Returns the sealed path.
 */
export function sealReplica(file: string, now: Date): string {
  const sealed = `${file}.sealed-${now.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of REPLICA_FILES) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${sealed}${suffix}`)
  return sealed
}

/** Deletes the replica, its WAL side files, its key file and refresh token (a disabled user's device, A6). */
export function wipeReplica(file: string): void {
  for (const suffix of REPLICA_FILES) rmSync(`${file}${suffix}`, { force: true })
}

async function createReplica(file: string, password: string, migrationsFolder?: string): Promise<Replica> {
  mkdirSync(join(file, '..'), { recursive: true })
  // Never over an existing replica: its unsent work would be lost (callers seal it first).
  if (existsSync(file)) throw new Error(`refusing to create a replica over ${file}`)
  for (const suffix of SIDE_FILES) rmSync(`${file}${suffix}`, { force: true })
  const key = newReplicaKey()
  const replica = openReplica({ file, key, migrationsFolder })
  // The key file is written last: a crash before it leaves a replica without a key file,
  // which the next online login reports as unreadable (KEY_FILE_MISSING) and seals on request.
  await writeKeyFile(`${file}.key.json`, await wrapKey(key, password))
  return replica
}
