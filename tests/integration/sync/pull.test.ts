import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importNdjson, projectScope, renewEpoch, startRegister } from '../../../src/server'
import { persons } from '../../../src/main/db/schema'
import { readSyncState } from '../../../src/main/db/state'
import { backends } from '../server/backends'
import { call, CuttingProxy, loginAndSync, replicaSnapshot, serverSnapshot, tempDir, testDevice, value, type Snapshot } from './helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const dirs: { remove(): void }[] = []

afterAll(() => {
  for (const d of dirs) d.remove()
})

function newDir(): string {
  const d = tempDir('pull')
  dirs.push(d)
  return d.dir
}

const expected = async () => serverSnapshot(await projectScope(register.db, '4601'))

/** Rows of `after` that are new or differ from `before`, and keys that disappeared, per entity. */
function changedRows(before: Snapshot, after: Snapshot) {
  const out: Record<string, { changed: unknown[]; removed: number }> = {}
  for (const entity of Object.keys(after) as (keyof Snapshot)[]) {
    const old = new Map(before[entity].map((r) => [JSON.stringify(r.id ?? r.code), JSON.stringify(r)]))
    const now = new Set(after[entity].map((r) => JSON.stringify(r.id ?? r.code)))
    const changed = after[entity].filter((r) => old.get(JSON.stringify(r.id ?? r.code)) !== JSON.stringify(r))
    const removed = [...old.keys()].filter((k) => !now.has(k)).length
    if (changed.length || removed) out[entity] = { changed, removed }
  }
  return out
}

// The device's first and later syncs against the register on PGlite and, when
// TEST_DATABASE_URL is set (CI), on real PostgreSQL.
for (const backend of backends())
  describe(`pull (A4) on ${backend.name}`, () => {
    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 60 } })
    })
    afterAll(async () => {
      await register?.close()
    })

    test('A4 login and first sync make the replica equal to the server projection of 4601', async () => {
      const device = testDevice(newDir(), register.url)
      const state = await loginAndSync(device, 'intro')
      expect(state).toMatchObject({ phase: 'unlocked', mode: 'online' })
      const want = await expected()
      expect(want.person.length).toBeGreaterThan(5)
      expect(replicaSnapshot(device)).toEqual(want)
      const status = device.ctx.session!.sync.status()
      expect(status.state).toBe('upToDate')
      expect(status.personsInReplica).toBe(want.person.length)
      expect(status.lastSyncAt).not.toBeNull()
      expect((await device.dispatch('session.state', {})) as unknown).toMatchObject({ ok: true, value: { replicaReady: true } })
      await device.close()
    })

    test('A4 an interrupted first sync resumes from the stored cursor and ends equal', async () => {
      const proxy = new CuttingProxy(register.url)
      await proxy.start()
      const device = testDevice(newDir(), proxy.url, { healthIntervalMs: 500 })
      proxy.allowPulls = 2
      await loginAndSync(device, 'intro')
      const session = device.ctx.session!
      const afterCut = readSyncState(session.replica)
      expect(session.sync.status().state).toBe('offline')
      expect(afterCut.firstSyncComplete).toBe(false)
      expect(afterCut.cursorSeq).toBeGreaterThan(0)
      const stored = `${afterCut.cursorEpoch}:${afterCut.cursorSeq}`
      expect(proxy.pullCursors[1]).not.toBe(stored) // two pages were stored, not one

      proxy.allowPulls = Infinity
      const pullsBefore = proxy.pullCursors.length
      // the 100 ms health probe brings the device back online and restarts the pull
      await expect.poll(() => session.sync.status().state, { timeout: 60_000 }).toBe('upToDate')
      expect(proxy.pullCursors[pullsBefore]).toBe(stored)
      expect(replicaSnapshot(device)).toEqual(await expected())
      await device.close()
      await proxy.close()
    })

    test('A4 an incremental sync after an import changes only the imported rows', async () => {
      const device = testDevice(newDir(), register.url)
      await loginAndSync(device, 'intro')
      const before = replicaSnapshot(device)
      const target = before.person[3]
      const line = { type: 'person', ...target, lastName: 'Kvalheim-Endra', middleName: 'Øystein' }
      const res = await importNdjson(register.db, JSON.stringify(line), { actor: 'test' })
      expect(res.ok).toBe(true)

      device.ctx.session!.sync.run()
      await device.ctx.session!.sync.whenIdle()
      const after = replicaSnapshot(device)
      expect(changedRows(before, after)).toEqual({ person: { changed: [{ ...target, lastName: 'Kvalheim-Endra', middleName: 'Øystein' }], removed: 0 } })
      expect(after).toEqual(await expected())
      const found = await device.dispatch('persons.search', { query: 'kvalheim-e' })
      expect(found).toMatchObject({ ok: true, value: { hits: [{ id: target.id }] } })
      await device.close()
    })

    test('A4 a person moved to another municipality leaves the replica with all their rows', async () => {
      const device = testDevice(newDir(), register.url)
      await loginAndSync(device, 'intro')
      const before = replicaSnapshot(device)
      const mover = before.person.find((p) => before.address.some((a) => a.personId === p.id))!
      const moved = { type: 'person', ...mover, followUpMunicipality: '0301', followUpDistrict: null, followUpByAgreement: false }
      expect((await importNdjson(register.db, JSON.stringify(moved), { actor: 'test' })).ok).toBe(true)

      device.ctx.session!.sync.run()
      await device.ctx.session!.sync.whenIdle()
      const after = replicaSnapshot(device)
      expect(after.person.map((p) => p.id)).not.toContain(mover.id)
      expect(after.address.filter((a) => a.personId === mover.id)).toEqual([])
      expect(after.person).toHaveLength(before.person.length - 1)
      expect(after).toEqual(await expected())
      const byName = value(await call(device, 'persons.search', { query: String(mover.lastName) }))
      expect(byName.hits.map((h) => h.id)).not.toContain(mover.id)
      await device.close()
    })

    // Last in the file: it starts a new lineage on the shared register.
    test('A4 reset_required wipes the synced tables and pulls from zero in one swap, keeping the person list', async () => {
      const device = testDevice(newDir(), register.url)
      await loginAndSync(device, 'intro')
      const session = device.ctx.session!
      const pinned = replicaSnapshot(device).person[0]
      value(await call(device, 'personList.add', { personId: String(pinned.id) }))
      // A row the new lineage does not have: the reset must not keep it.
      session.replica.db
        .insert(persons)
        .values({ ...(pinned as typeof persons.$inferInsert), id: 'stale-row', duf: '000000000000', serverVersion: 1 })
        .run()

      const epoch = await renewEpoch(register.db)
      session.sync.run()
      await session.sync.whenIdle()
      expect(readSyncState(session.replica).cursorEpoch).toBe(epoch)
      expect(session.sync.status().state).toBe('upToDate')
      expect(replicaSnapshot(device)).toEqual(await expected())
      expect(value(await call(device, 'personList.list', {})).map((h) => h.id)).toEqual([pinned.id])
      await device.close()
    })
  })
