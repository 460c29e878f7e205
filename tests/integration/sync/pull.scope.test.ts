import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Device } from '../../../src/main/services'
import { importNdjson, projectScope, startRegister } from '../../../src/server'
import { persons } from '../../../src/main/db/schema'
import { personOwnedEntities } from '../../../src/shared/sync'
import { backends } from '../server/backends'
import { call, loginAndSync, replicaSnapshot, serverSnapshot, tempDir, testDevice, value, type Snapshot } from './helpers'

/**
 * Pull at the edges of the scope (A4, D5, R9): persons who were on the laptop in another role
 * (a read-only DUF look-up) or who stop being visible to a read-only user (closed, lukka).
 */

type Register = Awaited<ReturnType<typeof startRegister>>
type Row = Record<string, unknown> & { id: string }
let register: Register
const dirs: { remove(): void }[] = []

afterAll(() => {
  for (const d of dirs) d.remove()
})

function newDevice(): Device {
  const d = tempDir('pull-scope')
  dirs.push(d)
  return testDevice(d.dir, register.url)
}

async function importLines(...rows: Record<string, unknown>[]): Promise<void> {
  const res = await importNdjson(register.db, rows.map((r) => JSON.stringify(r)).join('\n'), { actor: 'test' })
  if (!res.ok) throw new Error(JSON.stringify(res))
}

async function syncNow(device: Device): Promise<void> {
  device.ctx.session!.sync.run()
  await device.ctx.session!.sync.whenIdle()
}

/** What a user without a writing role should hold: the projection without closed persons and their rows. */
function withoutClosed(s: Snapshot): Snapshot {
  const open = new Set(s.person.filter((p) => !p.closed).map((p) => p.id))
  const out = { ...s, person: s.person.filter((p) => open.has(p.id)) }
  for (const e of personOwnedEntities) out[e] = s[e].filter((r) => open.has(r.personId))
  return out
}

/** A person of `municipality` with at least one row of every kind in `kinds`, so a test can watch those rows. */
async function personWithRows(municipality: string, kinds: ('address' | 'citizenship' | 'permit')[]): Promise<{ person: Row; rows: Snapshot }> {
  const rows = serverSnapshot(await projectScope(register.db, municipality))
  const person = rows.person.find((p) => kinds.every((k) => rows[k].some((r) => r.personId === p.id))) as Row | undefined
  if (!person) throw new Error(`no person in ${municipality} with ${kinds.join(', ')}`)
  return { person, rows }
}

for (const backend of backends())
  describe(`pull at the edges of the scope on ${backend.name}`, () => {
    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 60 } })
    })
    afterAll(async () => {
      await register?.close()
    })

    test('D5/A4 a person cached read-only by a DUF look-up becomes writable when a pull brings them into scope, without stale cached rows', async () => {
      const device = newDevice()
      await loginAndSync(device, 'intro')
      const { person: outside, rows } = await personWithRows('0301', ['address', 'citizenship'])
      const lookup = value(await call(device, 'persons.search', { query: String(outside.duf) }))
      expect(lookup).toMatchObject({ fromRegister: true, hits: [{ id: outside.id, cachedReadOnly: true }] })

      // While the device is not following them, the register drops one of their rows and the
      // device syncs past that change: it never hears of the delete, so only the arrival can
      // clear its cached copy.
      const dropped = rows.citizenship.find((c) => c.personId === outside.id)!
      await importLines({ type: 'citizenship', id: dropped.id, deleted: true })
      const local = replicaSnapshot(device).person[0]
      await importLines({ type: 'person', ...local, middleName: 'Cursor' })
      await syncNow(device)
      expect(value(await call(device, 'persons.get', { personId: String(local.id) })).bundle.person.middleName).toBe('Cursor')
      await importLines({ type: 'person', ...outside, followUpMunicipality: '4601', followUpDistrict: null, followUpByAgreement: false })
      await syncNow(device)

      const stored = device.ctx.session!.replica.db.select().from(persons).where(eq(persons.id, outside.id)).get()
      expect(stored).toMatchObject({ cachedReadOnly: false, followUpMunicipality: '4601' })
      expect(stored?.serverVersion).toBeGreaterThan(1)
      const view = value(await call(device, 'persons.get', { personId: outside.id }))
      expect(view.cachedReadOnly).toBe(false)
      expect(view.bundle.citizenships.map((c) => c.id)).not.toContain(dropped.id)
      // In scope now: a name search (which never shows cached persons) finds them.
      const byName = value(await call(device, 'persons.search', { query: String(outside.lastName) }))
      expect(byName.hits.find((h) => h.id === outside.id)).toMatchObject({ cachedReadOnly: false })
      expect(replicaSnapshot(device)).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
      await device.close()
    })

    test('R9/A4 a person who becomes closed leaves the replica of a read-only user (les) on an incremental pull, with all their rows', async () => {
      const device = newDevice()
      await loginAndSync(device, 'les')
      const before = replicaSnapshot(device)
      expect(before).toEqual(withoutClosed(serverSnapshot(await projectScope(register.db, '4601'))))
      const closing = before.person.find((p) => !p.closed && before.address.some((a) => a.personId === p.id))!
      expect(closing).toBeDefined()

      await importLines({ type: 'person', ...closing, closed: true })
      await syncNow(device)

      const after = replicaSnapshot(device)
      expect(after.person.map((p) => p.id)).not.toContain(closing.id)
      for (const e of personOwnedEntities)
        expect(
          after[e].filter((r) => r.personId === closing.id),
          e,
        ).toEqual([])
      expect(after.person).toHaveLength(before.person.length - 1)
      expect(after).toEqual(withoutClosed(serverSnapshot(await projectScope(register.db, '4601'))))
      const byName = value(await call(device, 'persons.search', { query: String(closing.lastName) }))
      expect(byName.hits.map((h) => h.id)).not.toContain(closing.id)
      expect(await call(device, 'persons.get', { personId: String(closing.id) })).toMatchObject({ ok: false })

      // Reopened, the person comes back whole, not as a bare person row.
      await importLines({ type: 'person', ...closing, closed: false })
      await syncNow(device)
      const reopened = replicaSnapshot(device)
      expect(reopened.address.filter((a) => a.personId === closing.id).length).toBeGreaterThan(0)
      expect(reopened).toEqual(withoutClosed(serverSnapshot(await projectScope(register.db, '4601'))))
      await device.close()
    })
  })
