import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq, getTableColumns } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import type { Command, Role, User } from '../../../src/shared/domain'
import { RULES_VERSION } from '../../../src/shared/rules'
import { defaultMigrationsFolder, type Replica } from '../../../src/main/db/open'
import { outbox, personList, persons } from '../../../src/main/db/schema'
import { readSyncState, saveProfile, updateSyncState } from '../../../src/main/db/state'
import { replicaFile, unlockReplica } from '../../../src/main/db/vault'
import { mutating, type DeviceCommand } from '../../../src/main/services/mutating'
import { uuidv7Time } from '../../../src/main/services/uuid7'
import { tempDir } from '../sync/helpers'
import { personData } from './person-data'

/** Real encrypted replicas on disk; the only writes are the wrapper's and the test setup's. */
const tmp = tempDir('mutating')
afterAll(() => tmp.remove())

const NOW = new Date('2025-03-12T09:30:00Z')
const person = personData('p-1', 'Nordmann')

function user(roles: Role[]): User {
  return { id: 'u-1', username: 'intro', displayName: 'Intro', municipality: '4601', district: null, roles }
}

let n = 0
async function freshReplica(migrationsFolder?: string): Promise<{ file: string; replica: Replica }> {
  const file = replicaFile(tmp.dir, 'http://127.0.0.1:1', `user-${++n}`)
  const unlocked = await unlockReplica(file, 'pw', { create: true, migrationsFolder })
  if (!unlocked.ok) throw new Error('create failed')
  // Only the columns the person has: drizzle would also write newer defaulted columns that an
  // older migrations folder (the 0004 upgrade test) does not have yet.
  const row: Record<string, unknown> = { ...person, serverVersion: 1 }
  const cols = getTableColumns(persons)
  const names = Object.keys(row).map((k) => cols[k as keyof typeof cols].name)
  unlocked.replica.sqlite
    .prepare(`INSERT INTO persons (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...Object.values(row).map((v) => (typeof v === 'boolean' ? Number(v) : v)))
  saveProfile(unlocked.replica, user(['kommuneintro']), 'http://127.0.0.1:1', NOW.toISOString())
  return { file, replica: unlocked.replica }
}

async function reopen(file: string, migrationsFolder?: string): Promise<Replica> {
  const unlocked = await unlockReplica(file, 'pw', { create: false, migrationsFolder })
  if (!unlocked.ok) throw new Error('reopen failed')
  return unlocked.replica
}

const contact = (date: string): Command => ({ type: 'contact.register', payload: { id: 'c-1', personId: person.id, scheme: 'intro', date } })
const pin = ({ tx }: { tx: Replica['db'] }) => {
  tx.insert(personList).values({ personId: person.id, addedAt: NOW.toISOString() }).run()
  return 'written'
}
const rows = (replica: Replica) => ({
  outbox: replica.db.select().from(outbox).all(),
  pinned: replica.db.select().from(personList).all(),
  seq: readSyncState(replica).nextOutboxSeq,
})

describe('mutating(): the one write path (style.md 7, A3)', () => {
  test.each<[string, Role[], DeviceCommand, string]>([
    ['R9 a reader without a write role is refused before the rules run', ['kommuneles'], contact('2025-03-11'), 'NOT_PERMITTED@command'],
    ['R8.3 the rules refuse a contact dated after today', ['kommuneintro'], contact('2025-03-20'), 'EVENT_DATE_IN_FUTURE@date'],
    ['D2 a role without person access may not even audit a read', ['kommuneadministrator'], { type: 'audit.read', payload: { personId: person.id } }, 'NO_PERSON_ACCESS@personId'],
  ])('%s: nothing written, no outbox row, sequence unchanged', async (_name, roles, command, reason) => {
    const { replica } = await freshReplica()
    const before = rows(replica)
    let called = false
    const result = mutating({ replica, user: user(roles), now: NOW }, command, (w) => ((called = true), pin(w)))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reasons.map((r) => `${r.code}@${r.field}`)).toContain(reason)
    expect(called).toBe(false)
    expect(rows(replica)).toEqual(before)
    replica.close()
  })

  test('A3 an accepted command writes its row and its outbox row together', async () => {
    const { replica } = await freshReplica()
    updateSyncState(replica, { serverOffsetMs: 90_000 })
    const result = mutating({ replica, user: user(['kommuneintro']), now: NOW }, contact('2025-03-11'), pin)
    expect(result).toEqual({ ok: true, value: 'written' })
    const {
      outbox: [row],
      pinned,
      seq,
    } = rows(replica)
    expect(pinned).toHaveLength(1)
    expect(seq).toBe(2)
    expect(row).toMatchObject({
      seq: 1,
      command: 'contact.register',
      contractVersion: 1,
      rulesVersion: RULES_VERSION,
      userId: 'u-1',
      personId: person.id,
      state: 'pending',
      attempts: 0,
      naturalKey: null,
      recordedAtServerEstimate: '2025-03-12T09:31:30.000Z',
    })
    expect(JSON.parse(row!.payload)).toEqual(contact('2025-03-11').payload)
    expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(uuidv7Time(row!.id)).toBe(NOW.getTime())
    // recorded_at keeps the device's offset, and names the same instant.
    expect(row!.recordedAt).toMatch(/[+-]\d{2}:\d{2}$/)
    expect(Date.parse(row!.recordedAt)).toBe(NOW.getTime())
    replica.close()
  })

  test('A3 an exception inside the write leaves neither the row nor the outbox row, and no sequence number is used', async () => {
    const { replica } = await freshReplica()
    const before = rows(replica)
    expect(() =>
      mutating({ replica, user: user(['kommuneintro']), now: NOW }, contact('2025-03-11'), (w) => {
        pin(w)
        throw new Error('disk full')
      }),
    ).toThrow('disk full')
    expect(rows(replica)).toEqual(before)
    replica.close()
  })

  test('A4 the sequence is gap-free across refusals, local changes and restarts', async () => {
    const { file, replica } = await freshReplica()
    const intro = user(['kommuneintro'])
    const act = (r: Replica, c: DeviceCommand) => mutating({ replica: r, user: intro, now: NOW }, c, () => null)
    act(replica, { type: 'audit.read', payload: { personId: person.id } })
    act(replica, contact('2030-01-01')) // refused: in the future
    act(replica, { type: 'personList.remove', payload: { personId: person.id } }) // local: not queued
    act(replica, contact('2025-03-11'))
    replica.close()
    const again = await reopen(file)
    act(again, { type: 'audit.read', payload: { personId: person.id } })
    expect(again.db.select({ seq: outbox.seq, command: outbox.command }).from(outbox).orderBy(outbox.seq).all()).toEqual([
      { seq: 1, command: 'audit.read' },
      { seq: 2, command: 'contact.register' },
      { seq: 3, command: 'audit.read' },
    ])
    expect(readSyncState(again).nextOutboxSeq).toBe(4)
    again.close()
  })
})

describe('migration 0004: queued audit rows move into the outbox', () => {
  test('A3 reads and a confirmation queued before the upgrade become outbox rows in recorded order, after existing ones', async () => {
    // A migrations folder as the previous release shipped it (up to 0003).
    const old = join(tmp.dir, 'migrations-0003')
    cpSync(defaultMigrationsFolder, old, { recursive: true })
    rmSync(join(old, '0004_outbox_carries_audit.sql'))
    const journalFile = join(old, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] }
    journal.entries = journal.entries.filter((e) => e.idx <= 3)
    writeFileSync(journalFile, JSON.stringify(journal))

    const { file, replica } = await freshReplica(old)
    updateSyncState(replica, { nextOutboxSeq: 5, serverOffsetMs: 2000 })
    replica.sqlite.exec(`
      INSERT INTO audit_reads (id, person_id, read_at) VALUES ('r-2', 'p-1', '2025-03-10T08:00:00.000Z'), ('r-1', 'p-1', '2025-03-09T08:00:00.000Z');
      INSERT INTO audit_events (id, kind, at, details) VALUES ('e-1', 'scopeExitsConfirmed', '2025-03-09T12:00:00.000Z', '{"count":30,"total":100}');
    `)
    replica.close()

    const upgraded = await reopen(file)
    const queued = upgraded.db.select().from(outbox).orderBy(outbox.seq).all()
    expect(queued.map((r) => [r.seq, r.id, r.command, JSON.parse(r.payload), r.personId, r.userId, r.recordedAt, r.recordedAtServerEstimate])).toEqual([
      [5, 'r-1', 'audit.read', { personId: 'p-1' }, 'p-1', 'u-1', '2025-03-09T08:00:00.000Z', '2025-03-09T08:00:02.000Z'],
      [6, 'e-1', 'audit.scopeExitsConfirmed', { count: 30, total: 100 }, null, 'u-1', '2025-03-09T12:00:00.000Z', '2025-03-09T12:00:02.000Z'],
      [7, 'r-2', 'audit.read', { personId: 'p-1' }, 'p-1', 'u-1', '2025-03-10T08:00:00.000Z', '2025-03-10T08:00:02.000Z'],
    ])
    // Stamped with the release that wrote migration 0004, whatever the rules version is today.
    expect(queued.every((r) => r.state === 'pending' && r.rulesVersion === '2017-2020.1')).toBe(true)
    expect(readSyncState(upgraded).nextOutboxSeq).toBe(8)
    const tables = upgraded.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'audit%'`).all()
    expect(tables).toEqual([])
    expect(upgraded.db.select().from(persons).where(eq(persons.id, 'p-1')).all()).toHaveLength(1)
    upgraded.close()
  })
})
