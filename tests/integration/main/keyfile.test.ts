import { createCipheriv, randomBytes, scryptSync } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { KDF_BOUNDS, KeyFileError, newReplicaKey, readKeyFile, unwrapKey } from '../../../src/main/crypto/keyfile'
import { persons } from '../../../src/main/db/schema'
import { replicaFile, unlockReplica } from '../../../src/main/db/vault'
import { call, loginAndSync, PASSWORD, tempDir, testDevice, value } from '../sync/helpers'
import { personData } from './person-data'

const tmp = tempDir('keyfile')
type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 10 } })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

let seq = 0
/** A real replica with one person, locked again; returns its path. */
async function makeReplica(password = 'pw'): Promise<string> {
  const file = replicaFile(tmp.dir, 'http://127.0.0.1:9', `user-${seq++}`)
  const r = await unlockReplica(file, password, { create: true })
  if (!r.ok) throw new Error('create failed')
  r.replica.db.insert(persons).values(personData('p-1', 'Li')).run()
  r.replica.close()
  return file
}

const edit = (change: (k: Record<string, unknown>) => void) => (text: string) => {
  const k = JSON.parse(text) as Record<string, unknown>
  change(k)
  return JSON.stringify(k)
}
/** Flips one bit of a base64 field, keeping its length (a changed byte, not a malformed field). */
const flip = (field: string) =>
  edit((k) => {
    const b = Buffer.from(k[field] as string, 'base64')
    b[0] ^= 0x01
    k[field] = b.toString('base64')
  })

// Issue 11.5: each damaged key file, what the vault finds (before deriving, where it can), online and offline.
const cases: [string, string, string, (text: string) => string][] = [
  ['N = 2^24 is refused before scrypt runs (it blocked a login for 84 s)', 'PARAMS_OUT_OF_BOUNDS', 'PARAMS_OUT_OF_BOUNDS', edit((k) => (k.n = 2 ** 24))],
  ['N above the bound by one power of two', 'PARAMS_OUT_OF_BOUNDS', 'PARAMS_OUT_OF_BOUNDS', edit((k) => (k.n = KDF_BOUNDS.maxN * 2))],
  ['N not a power of two', 'PARAMS_OUT_OF_BOUNDS', 'PARAMS_OUT_OF_BOUNDS', edit((k) => (k.n = 32769))],
  ['r = 1024', 'PARAMS_OUT_OF_BOUNDS', 'PARAMS_OUT_OF_BOUNDS', edit((k) => (k.r = 1024))],
  ['p = 64', 'PARAMS_OUT_OF_BOUNDS', 'PARAMS_OUT_OF_BOUNDS', edit((k) => (k.p = 64))],
  // Each within its own bound, together 2^23 (32 times the default): the product is bounded too.
  [
    'N = 2^17, r = 16, p = 4 together',
    'PARAMS_OUT_OF_BOUNDS',
    'PARAMS_OUT_OF_BOUNDS',
    edit((k) => Object.assign(k, { n: KDF_BOUNDS.maxN, r: KDF_BOUNDS.maxR, p: KDF_BOUNDS.maxP })),
  ],
  ['N as a string', 'PARAMS_OUT_OF_BOUNDS', 'PARAMS_OUT_OF_BOUNDS', edit((k) => (k.n = '32768'))],
  ['an empty file', 'EMPTY', 'EMPTY', () => ''],
  ['a truncated file', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', (t) => t.slice(0, Math.floor(t.length / 2))],
  ['garbage bytes', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', () => '\u0000\u00ff garbage {'],
  ['a JSON array', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', () => '[1,2,3]'],
  ['a salt one byte short', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', edit((k) => (k.salt = randomBytes(15).toString('base64')))],
  ['a nonce of 16 bytes', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', edit((k) => (k.iv = randomBytes(16).toString('base64')))],
  ['a truncated tag', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', edit((k) => (k.tag = (k.tag as string).slice(0, 12)))],
  ['an unknown kdf', 'NOT_A_KEY_FILE', 'NOT_A_KEY_FILE', edit((k) => (k.kdf = 'argon2'))],
  // Within bounds, so scrypt runs; the parameters are the AEAD's associated data, so the tag fails.
  ['N lowered within the bounds (bound by the AEAD)', 'TAG_MISMATCH', 'WRONG_PASSWORD', edit((k) => (k.n = KDF_BOUNDS.minN))],
  ['r changed within the bounds', 'TAG_MISMATCH', 'WRONG_PASSWORD', edit((k) => (k.r = 9))],
  ['a flipped bit in the salt', 'TAG_MISMATCH', 'WRONG_PASSWORD', flip('salt')],
  ['a flipped bit in the nonce', 'TAG_MISMATCH', 'WRONG_PASSWORD', flip('iv')],
  ['a flipped bit in the tag', 'TAG_MISMATCH', 'WRONG_PASSWORD', flip('tag')],
  ['a flipped bit in the wrapped key', 'TAG_MISMATCH', 'WRONG_PASSWORD', flip('wrappedKey')],
  ['the version lowered to 1 (unbound) with the same bytes', 'TAG_MISMATCH', 'WRONG_PASSWORD', edit((k) => (k.version = 1))],
]

describe('key file hardening (issue 11.5, A7)', () => {
  test.each(cases)('issue 11.5 %s: online %s, offline %s; nothing deleted or overwritten', async (_name, online, offline, damage) => {
    const file = await makeReplica()
    const keyPath = `${file}.key.json`
    writeFileSync(keyPath, damage(readFileSync(keyPath, 'utf8')))
    const [replicaBefore, keyBefore, filesBefore] = [readFileSync(file), readFileSync(keyPath), readdirSync(join(file, '..')).sort()]

    const expectedOnline = { ok: false, reason: 'UNREADABLE', problem: online }
    expect(await unlockReplica(file, 'pw', { create: true })).toEqual(expectedOnline)
    expect(await unlockReplica(file, 'pw', { create: false })).toEqual(offline === 'WRONG_PASSWORD' ? { ok: false, reason: 'WRONG_PASSWORD' } : expectedOnline)
    if (online !== 'TAG_MISMATCH') {
      // Refused by reading alone: no derivation was needed to say no.
      const refused = await readKeyFile(keyPath).then(
        () => null,
        (e: unknown) => e,
      )
      expect(refused).toBeInstanceOf(KeyFileError)
      expect((refused as KeyFileError).problem).toBe(online)
    }
    expect(readFileSync(file).equals(replicaBefore)).toBe(true)
    expect(readFileSync(keyPath).equals(keyBefore)).toBe(true)
    expect(readdirSync(join(file, '..')).sort()).toEqual(filesBefore)
  })

  test('issue 11.5 N = 2^24 in a parsed key file is refused by unwrapKey itself, before scrypt', async () => {
    const file = await makeReplica()
    const k = JSON.parse(readFileSync(`${file}.key.json`, 'utf8'))
    const started = performance.now()
    await expect(unwrapKey({ ...k, n: 2 ** 24 }, 'pw')).rejects.toMatchObject({ problem: 'PARAMS_OUT_OF_BOUNDS' })
    // 2^24 with r = 8 would need 16 GiB and minutes; a refusal before deriving takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
  })

  test('issue 11.5 a key file written before the parameters were bound (version 1) still opens, and is re-wrapped bound', async () => {
    const file = await makeReplica()
    const keyPath = `${file}.key.json`
    // The replica key, read through the current file; then written back in the old unbound form.
    const key = (await unwrapKey((await readKeyFile(keyPath))!, 'pw'))!
    const salt = randomBytes(16)
    const iv = randomBytes(12)
    const kek = scryptSync('pw', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 256 * 2 ** 15 * 8 })
    const cipher = createCipheriv('aes-256-gcm', kek, iv)
    const wrapped = Buffer.concat([cipher.update(key), cipher.final()])
    const v1 = {
      version: 1,
      kdf: 'scrypt',
      n: 2 ** 15,
      r: 8,
      p: 1,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrappedKey: wrapped.toString('base64'),
    }
    writeFileSync(keyPath, JSON.stringify(v1))

    const r = await unlockReplica(file, 'pw', { create: false })
    if (!r.ok) throw new Error(`v1 did not open: ${r.reason}`)
    expect(
      r.replica.db
        .select()
        .from(persons)
        .all()
        .map((p) => p.lastName),
    ).toEqual(['Li'])
    r.replica.close()
    const upgraded = (await readKeyFile(keyPath))!
    expect(upgraded.version).toBe(2)
    expect((await unwrapKey(upgraded, 'pw'))!.equals(key)).toBe(true)
    expect(newReplicaKey().equals(key)).toBe(false)
  })
})

describe('an unreadable replica on the login screen (issue 11.5)', () => {
  test('issue 11.5 online: REPLICA_UNREADABLE and nothing moved; startFresh seals replica and key file and says where', async () => {
    const dir = join(tmp.dir, 'device')
    const device = testDevice(dir, register.url, { now: () => new Date('2026-03-02T08:00:00Z') })
    await loginAndSync(device, 'intro')
    const file = device.ctx.session!.replica.file
    value(await call(device, 'session.logout', {}))
    writeFileSync(`${file}.key.json`, '')

    expect(await call(device, 'session.login', { username: 'intro', password: PASSWORD })).toEqual({
      ok: false,
      reasons: [{ code: 'REPLICA_UNREADABLE', values: { problem: 'EMPTY' } }],
    })
    expect(value(await call(device, 'session.state', {})).phase).toBe('loggedOut')
    expect(existsSync(file)).toBe(true)

    const state = value(await call(device, 'session.login', { username: 'intro', password: PASSWORD, startFresh: true }))
    const sealed = `${file}.sealed-2026-03-02T08-00-00-000Z`
    expect(state).toMatchObject({ phase: 'unlocked', notice: { code: 'REPLICA_SEALED', values: { file: sealed.split(/[\\/]/).at(-1) } } })
    expect(existsSync(sealed)).toBe(true)
    expect(readFileSync(`${sealed}.key.json`, 'utf8')).toBe('')
    await device.ctx.session!.sync.whenIdle()
    value(await call(device, 'session.logout', {}))
    // The next login opens the fresh replica and has nothing more to say.
    const again = value(await call(device, 'session.login', { username: 'intro', password: PASSWORD }))
    expect(again.phase).toBe('unlocked')
    expect(again.notice).toBeUndefined()
    await device.close()
  })

  test('issue 11.5 offline: a damaged key file is REPLICA_UNREADABLE_OFFLINE naming the problem, not an internal error', async () => {
    const reg = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 5 } })
    const device = testDevice(join(tmp.dir, 'offline'), reg.url)
    await loginAndSync(device, 'intro')
    const file = device.ctx.session!.replica.file
    value(await call(device, 'session.logout', {}))
    await reg.close()
    writeFileSync(`${file}.key.json`, '{"version":2,"kdf":"scr')
    expect(await call(device, 'session.login', { username: 'intro', password: PASSWORD })).toEqual({
      ok: false,
      reasons: [{ code: 'REPLICA_UNREADABLE_OFFLINE', values: { problem: 'NOT_A_KEY_FILE' } }],
    })
    expect(existsSync(file)).toBe(true)
    await device.close()
  })
})
