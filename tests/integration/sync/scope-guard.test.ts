import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importNdjson, projectScope, startRegister } from '../../../src/server'
import { outbox } from '../../../src/main/db/schema'
import { SCOPE_EXIT_GUARD } from '../../../src/main/sync/pull'
import { call, loginAndSync, replicaSnapshot, serverSnapshot, tempDir, testDevice, value } from './helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const dirs: { remove(): void }[] = []

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 60 } })
})
afterAll(async () => {
  await register?.close()
  for (const d of dirs) d.remove()
})

async function syncedDevice() {
  const dir = tempDir('guard')
  dirs.push(dir)
  const device = testDevice(dir.dir, register.url)
  await loginAndSync(device, 'intro')
  return device
}

/** Moves `n` persons of the replica to Oslo on the register (a base-data import). */
async function moveToOslo(people: Record<string, unknown>[], n: number): Promise<string[]> {
  const moved = people.slice(0, n)
  const lines = moved.map((p) => JSON.stringify({ type: 'person', ...p, followUpMunicipality: '0301', followUpDistrict: null, followUpByAgreement: false }))
  const res = await importNdjson(register.db, lines.join('\n'), { actor: 'test' })
  if (!res.ok) throw new Error(JSON.stringify(res.errors))
  return moved.map((p) => String(p.id))
}

async function syncAgain(device: Awaited<ReturnType<typeof syncedDevice>>) {
  device.ctx.session!.sync.run()
  await device.ctx.session!.sync.whenIdle()
  return value(await call(device, 'sync.status', {}))
}

describe('A4 scope-exit guard: a pull that would remove more than 20 % of the local persons stops and asks', () => {
  test('A4 a few persons moving away leave without a question', async () => {
    const device = await syncedDevice()
    const before = replicaSnapshot(device).person
    const ids = await moveToOslo(before, Math.floor(before.length * SCOPE_EXIT_GUARD) - 2)
    const status = await syncAgain(device)
    expect(status.pendingScopeExits).toBeNull()
    expect(status.state).toBe('upToDate')
    expect(replicaSnapshot(device).person.map((p) => p.id)).not.toContain(ids[0])
    await device.close()
  })

  test('A4 a mass move stops before removing anyone, stays stopped, and goes on only when confirmed (audited)', async () => {
    const device = await syncedDevice()
    const before = replicaSnapshot(device).person
    const total = before.length
    await moveToOslo(before, Math.ceil(total * 0.4))

    const stopped = await syncAgain(device)
    expect(stopped.state).toBe('error')
    expect(stopped.lastError).toBe('SCOPE_EXITS_NEED_CONFIRMATION')
    expect(stopped.pendingScopeExits!.total).toBe(total)
    expect(stopped.pendingScopeExits!.count).toBeGreaterThan(total * SCOPE_EXIT_GUARD)
    // Nobody was removed, and another scheduled cycle stops the same way.
    expect(replicaSnapshot(device).person).toHaveLength(total)
    expect(await syncAgain(device)).toMatchObject({ lastError: 'SCOPE_EXITS_NEED_CONFIRMATION', pendingScopeExits: stopped.pendingScopeExits })
    expect(replicaSnapshot(device).person).toHaveLength(total)
    expect(device.ctx.session!.replica.db.select().from(outbox).all()).toEqual([])

    const confirmed = value(await call(device, 'sync.confirmScopeExits', {}))
    expect(confirmed.pendingScopeExits).toBeNull()
    await device.ctx.session!.sync.whenIdle()
    const after = value(await call(device, 'sync.status', {}))
    expect(after.state).toBe('upToDate')
    expect(replicaSnapshot(device)).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
    const audit = device.ctx.session!.replica.db.select().from(outbox).all()
    expect(audit).toHaveLength(1)
    // The sync that goes on pushes the confirmation first: the register has audited it.
    expect(audit[0]).toMatchObject({ command: 'audit.scopeExitsConfirmed', seq: 1, state: 'applied' })
    expect(JSON.parse(audit[0].payload)).toMatchObject({ total })
    await device.close()
  })

  test('A4 confirming with nothing pending changes nothing', async () => {
    const device = await syncedDevice()
    const status = value(await call(device, 'sync.confirmScopeExits', {}))
    expect(status.pendingScopeExits).toBeNull()
    await device.ctx.session!.sync.whenIdle()
    expect(device.ctx.session!.replica.db.select().from(outbox).all()).toEqual([])
    await device.close()
  })
})
