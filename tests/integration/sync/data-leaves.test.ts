import { existsSync, readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importNdjson, startRegister } from '../../../src/server'
import { users } from '../../../src/server/db/schema'
import { unlockReplica } from '../../../src/main/db/vault'
import type { Replica } from '../../../src/main/db/open'
import { call, loginAndSync, PASSWORD, replicaSnapshot, tempDir, testDevice, value } from './helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const tmp = tempDir('data-leaves')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 40 } })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

/** Every table of the replica file (FTS shadow tables included) whose rows contain `needle`, read as raw SQL. */
function tablesMentioning(replica: Replica, needle: string): string[] {
  const tables = replica.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  const hits: string[] = []
  for (const { name } of tables) {
    const rows = replica.sqlite
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .raw()
      .all() as unknown[][]
    const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))
    if (rows.some((r) => r.some((v) => v !== null && text(v).includes(needle)))) hits.push(name)
  }
  return hits
}

async function syncOnce(device: ReturnType<typeof testDevice>): Promise<void> {
  device.ctx.session!.sync.run()
  await device.ctx.session!.sync.whenIdle()
}

describe('issue 11.7 data that should leave, leaves (A4, A6)', () => {
  test('issue 11.7 a person deleted on the register leaves the replica: no row in any table names their id or DUF, and search finds no name', async () => {
    const device = testDevice(`${tmp.dir}/deleted`, register.url)
    await loginAndSync(device, 'intro')
    const snap = replicaSnapshot(device)
    // The person with the most rows of their own, so the removal is tested across tables.
    const owned = (id: string) => Object.entries(snap).filter(([e, rows]) => e !== 'person' && rows.some((r) => r.personId === id)).length
    const target = [...snap.person].sort((a, b) => owned(String(b.id)) - owned(String(a.id)))[0]
    const [id, duf, lastName] = [String(target.id), String(target.duf), String(target.lastName)]
    // Pinned and read (an audit read travels through the outbox and is applied), so those tables hold them too.
    value(await call(device, 'personList.add', { personId: id }))
    value(await call(device, 'persons.get', { personId: id }))
    await syncOnce(device)
    const replica = device.ctx.session!.replica
    const before = tablesMentioning(replica, id)
    expect(before).toEqual(expect.arrayContaining(['persons', 'person_list', 'outbox']))
    expect(owned(id)).toBeGreaterThanOrEqual(2)
    expect(tablesMentioning(replica, duf)).toContain('persons')
    expect(value(await call(device, 'persons.search', { query: lastName })).hits.map((h) => h.id)).toContain(id)

    expect((await importNdjson(register.db, JSON.stringify({ type: 'person', id, deleted: true }), { actor: 'test' })).ok).toBe(true)
    await syncOnce(device)

    expect(tablesMentioning(replica, id)).toEqual([])
    expect(tablesMentioning(replica, duf)).toEqual([])
    expect(value(await call(device, 'persons.search', { query: lastName })).hits.map((h) => h.id)).not.toContain(id)
    expect(value(await call(device, 'persons.search', { query: duf })).hits).toEqual([])
    expect(value(await call(device, 'personList.list', {})).map((h) => h.id)).not.toContain(id)
    await device.close()
  })

  test('A6 issue 11.7 a user disabled on the register: the next sync wipes replica, WAL and key file, and the login screen is told USER_DISABLED', async () => {
    const reg = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 10 } })
    const device = testDevice(`${tmp.dir}/disabled`, reg.url)
    await loginAndSync(device, 'intro')
    const file = device.ctx.session!.replica.file
    const files = () => readdirSync(dirname(file)).filter((f) => f.startsWith(file.split(/[\\/]/).at(-1)!))
    expect(files()).toEqual(expect.arrayContaining([expect.stringMatching(/\.db$/), expect.stringMatching(/\.db\.key\.json$/)]))

    await reg.db.update(users).set({ disabled: true }).where(eq(users.username, 'intro'))
    device.ctx.session!.sync.run()
    await expect.poll(async () => value(await call(device, 'session.state', {})).phase, { timeout: 15_000 }).toBe('loggedOut')
    expect(value(await call(device, 'session.state', {})).notice).toEqual({ code: 'USER_DISABLED' })
    expect(files()).toEqual([])

    // A later login of the disabled user is refused with the same reason; nothing is recreated.
    expect(await call(device, 'session.login', { username: 'intro', password: PASSWORD })).toEqual({ ok: false, reasons: [{ code: 'USER_DISABLED' }] })
    expect(files()).toEqual([])
    await device.close()
    await reg.close()
  })

  test('A6 issue 11.7 a disabled user with unsent work: the register refuses the push, so replica and key file are sealed aside (still opening with the password) and the live files are gone', async () => {
    const reg = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 10 } })
    const device = testDevice(`${tmp.dir}/sealed`, reg.url, { now: () => new Date('2026-03-03T09:00:00Z') })
    await loginAndSync(device, 'intro')
    const file = device.ctx.session!.replica.file
    const someone = replicaSnapshot(device).person[0]
    await reg.db.update(users).set({ disabled: true }).where(eq(users.username, 'intro'))
    // Opening a person queues an audit read (A6): work the register does not have yet.
    value(await call(device, 'persons.get', { personId: String(someone.id) }))
    device.ctx.session!.sync.run()
    await expect.poll(async () => value(await call(device, 'session.state', {})).phase, { timeout: 15_000 }).toBe('loggedOut')

    const sealed = `${file}.sealed-2026-03-03T09-00-00-000Z`
    expect(value(await call(device, 'session.state', {})).notice).toEqual({ code: 'USER_DISABLED_WORK_SEALED', values: { file: sealed.split(/[\\/]/).at(-1) } })
    expect([existsSync(file), existsSync(`${file}.key.json`), existsSync(sealed), existsSync(`${sealed}.key.json`)]).toEqual([false, false, true, true])
    const opened = await unlockReplica(sealed, PASSWORD, { create: false })
    if (!opened.ok) throw new Error(`sealed replica did not open: ${opened.reason}`)
    const pending = opened.replica.sqlite.prepare("SELECT command, person_id AS personId FROM outbox WHERE state = 'pending'").all()
    expect(pending).toEqual([{ command: 'audit.read', personId: someone.id }])
    opened.replica.close()
    await device.close()
    await reg.close()
  })
})
