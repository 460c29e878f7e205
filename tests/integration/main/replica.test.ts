import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { newReplicaKey, readKeyFile, unwrapKey, wrapKey } from '../../../src/main/crypto/keyfile'
import { defaultMigrationsFolder, openReplica, ReplicaKeyError } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { replicaFile, unlockReplica } from '../../../src/main/db/vault'
import { tempDir } from '../sync/helpers'

const tmp = tempDir('replica')
afterAll(() => tmp.remove())

const person = {
  id: 'p-1',
  duf: '201212345603',
  dufCheckFailed: false,
  nationalId: null,
  regNumber: null,
  firstName: 'Åsmund',
  middleName: null,
  lastName: 'Tveitaråsen',
  birthDate: '1990-01-02',
  sex: 'M' as const,
  closed: false,
  arrivalDate: null,
  followUpMunicipality: '4601',
  followUpDistrict: null,
  followUpByAgreement: false,
  receptionCentre: null,
}

describe('replica encryption (A7)', () => {
  test('A7 the key wrap opens with the password only', async () => {
    const key = newReplicaKey()
    const wrapped = await wrapKey(key, 'riktig passord')
    expect(await unwrapKey(wrapped, 'riktig passord')).toEqual(key)
    expect(await unwrapKey(wrapped, 'galt passord')).toBeNull()
    expect(JSON.stringify(wrapped)).not.toContain(key.toString('hex'))
  })

  test('A7 the replica file holds no plaintext and will not open with a wrong password', async () => {
    const file = replicaFile(tmp.dir, 'http://127.0.0.1:1', 'tester')
    const unlocked = await unlockReplica(file, 'pw-1', { create: true })
    if (!unlocked.ok) throw new Error('create failed')
    unlocked.replica.db
      .insert(persons)
      .values({ ...person, serverVersion: 1 })
      .run()
    unlocked.replica.close()

    for (const f of readdirSync(join(tmp.dir, 'replicas')).filter((n) => n.endsWith('.db') || n.endsWith('-wal'))) {
      const bytes = readFileSync(join(tmp.dir, 'replicas', f))
      expect(bytes.includes('SQLite format 3')).toBe(false)
      expect(bytes.includes('Tveitar')).toBe(false)
      expect(bytes.includes(Buffer.from('Tveitaråsen', 'utf16le'))).toBe(false)
    }
    expect(await unlockReplica(file, 'pw-2', { create: false })).toEqual({ ok: false, reason: 'WRONG_PASSWORD' })
    expect(() => openReplica({ file, key: newReplicaKey() })).toThrow(ReplicaKeyError)

    const again = await unlockReplica(file, 'pw-1', { create: false })
    if (!again.ok) throw new Error('reopen failed')
    expect(
      again.replica.db
        .select()
        .from(persons)
        .all()
        .map((p) => p.lastName),
    ).toEqual(['Tveitaråsen'])
    again.replica.close()
  })

  test('A3 one replica file per user and server', () => {
    const a = replicaFile(tmp.dir, 'http://reg.example/', 'Intro')
    expect(replicaFile(tmp.dir, 'http://reg.example', 'intro')).toBe(a)
    expect(replicaFile(tmp.dir, 'http://reg.example', 'norsk')).not.toBe(a)
    expect(replicaFile(tmp.dir, 'http://other.example', 'intro')).not.toBe(a)
    expect(a).toMatch(/replicas[\\/][0-9a-f]{16}\.db$/)
  })

  test('A7 issue 11.5 a password changed on the server: the old replica is reported unreadable, kept, and sealed only when the caseworker starts afresh', async () => {
    const file = replicaFile(tmp.dir, 'http://127.0.0.1:2', 'changer')
    const first = await unlockReplica(file, 'old', { create: true })
    if (!first.ok) throw new Error('create failed')
    first.replica.db.insert(persons).values(person).run()
    first.replica.close()
    const before = readFileSync(file)
    expect(await unlockReplica(file, 'new', { create: true })).toEqual({ ok: false, reason: 'UNREADABLE', problem: 'TAG_MISMATCH' })
    expect(readFileSync(file).equals(before)).toBe(true)

    const next = await unlockReplica(file, 'new', { create: true, startFresh: true, now: () => new Date('2026-03-01T10:00:00Z') })
    if (!next.ok) throw new Error('recreate failed')
    expect(next.sealed).toBe(`${file}.sealed-2026-03-01T10-00-00-000Z`)
    expect(next.replica.db.select().from(persons).all()).toEqual([])
    next.replica.close()
    expect(await unwrapKey((await readKeyFile(`${file}.key.json`))!, 'new')).not.toBeNull()
    // The sealed pair still opens with the old password: support can recover its unsent work.
    const old = await unlockReplica(next.sealed!, 'old', { create: false })
    if (!old.ok) throw new Error('sealed replica did not open')
    expect(
      old.replica.db
        .select()
        .from(persons)
        .all()
        .map((p) => p.lastName),
    ).toEqual(['Tveitaråsen'])
    old.replica.close()
  })
})

describe('migrations (A3)', () => {
  test('A3 pending migrations back the file up first; a new file and an up-to-date file are not copied', async () => {
    const folder = join(tmp.dir, 'migrations')
    cpSync(defaultMigrationsFolder, folder, { recursive: true })
    const file = join(tmp.dir, 'mig.db')
    const key = newReplicaKey()
    openReplica({ file, key, migrationsFolder: folder }).close()
    openReplica({ file, key, migrationsFolder: folder }).close()
    const backups = () => readdirSync(tmp.dir).filter((f) => f.startsWith('mig.db.bak-'))
    expect(backups()).toEqual([])

    const journalPath = join(folder, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
    const last = journal.entries.at(-1)
    journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag: '9999_extra', breakpoints: true })
    writeFileSync(journalPath, JSON.stringify(journal))
    writeFileSync(join(folder, '9999_extra.sql'), 'CREATE TABLE `extra` (`id` text PRIMARY KEY NOT NULL);')
    const r = openReplica({ file, key, migrationsFolder: folder, now: () => new Date('2026-03-01T10:00:00Z') })
    expect(r.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeTruthy()
    r.close()

    expect(backups()).toEqual(['mig.db.bak-2026-03-01T10-00-00-000Z'])
    const bak = openReplica({ file: join(tmp.dir, backups()[0]), key, migrationsFolder: defaultMigrationsFolder })
    expect(bak.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined()
    bak.close()
    expect(existsSync(file)).toBe(true)
  })
})
