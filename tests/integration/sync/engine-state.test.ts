import { refreshTokens } from '../../../src/server/db/schema/refresh-tokens'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importNdjson, startRegister } from '../../../src/server'
import { outbox } from '../../../src/main/db/schema'
import { call, CuttingProxy, loginAndSync, PASSWORD, replicaSnapshot, tempDir, testDevice, value } from './helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const cleanup: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 40 } })
})
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
  await register?.close()
})

/**
 * A laptop that can be restarted: its register URL is a proxy that can go away and come back
 * on the same port (the replica file is per user and register URL), and every "launch" is a
 * fresh device — new process state, same data folder.
 */
async function laptop() {
  const dir = tempDir('engine-state')
  const proxy = new CuttingProxy(register.url)
  await proxy.start()
  const port = Number(new URL(proxy.url).port)
  let current = proxy
  cleanup.push(
    () => dir.remove(),
    () => current.close(),
  )
  return {
    url: proxy.url,
    launch: () => testDevice(dir.dir, proxy.url),
    /** The register becomes unreachable (connection refused). */
    cut: () => current.close(),
    async restore() {
      current = new CuttingProxy(register.url)
      await current.start(port)
    },
  }
}

async function moveAwayFromBergen(people: Record<string, unknown>[], n: number): Promise<void> {
  const lines = people.slice(0, n).map((p) => JSON.stringify({ type: 'person', ...p, followUpMunicipality: '0301', followUpDistrict: null, followUpByAgreement: false }))
  const res = await importNdjson(register.db, lines.join('\n'), { actor: 'test' })
  if (!res.ok) throw new Error(JSON.stringify(res.errors))
}

async function syncAgain(device: ReturnType<typeof testDevice>) {
  device.ctx.session!.sync.run()
  await device.ctx.session!.sync.whenIdle()
  return value(await call(device, 'sync.status', {}))
}

async function unlockOffline(device: ReturnType<typeof testDevice>) {
  expect(value(await call(device, 'session.login', { username: 'intro', password: PASSWORD }))).toMatchObject({ mode: 'offline' })
  return value(await call(device, 'sync.status', {}))
}

describe('A4 the sync engine state lives in sync_state and survives a restart', () => {
  test('A4 a scope-exit stop and its reason are still shown after the app restarts offline', async () => {
    const l = await laptop()
    const first = l.launch()
    await loginAndSync(first, 'intro')
    const people = replicaSnapshot(first).person
    await moveAwayFromBergen(people, Math.ceil(people.length * 0.5))
    const stopped = await syncAgain(first)
    expect(stopped).toMatchObject({ state: 'error', lastError: 'SCOPE_EXITS_NEED_CONFIRMATION' })
    await first.close()

    await l.cut()
    const second = l.launch()
    const after = await unlockOffline(second)
    // Offline wins the chip's state, but the stop and its reason are the same as before.
    expect(after.state).toBe('offline')
    expect(after.pendingScopeExits).toEqual(stopped.pendingScopeExits)
    expect(after.lastError).toBe('SCOPE_EXITS_NEED_CONFIRMATION')
    expect(replicaSnapshot(second).person).toHaveLength(people.length)
    await second.close()
    await l.restore()
  })

  test('A4 a confirmation given before a crash still lets the next launch remove the persons, audited once', async () => {
    const l = await laptop()
    const first = l.launch()
    await loginAndSync(first, 'intro')
    const people = replicaSnapshot(first).person
    await moveAwayFromBergen(people.slice(1), Math.ceil(people.length * 0.5))
    expect((await syncAgain(first)).pendingScopeExits).not.toBeNull()
    // The register goes away between the stop and the confirmation: the confirmed cycle fails.
    await l.cut()
    value(await call(first, 'sync.confirmScopeExits', {}))
    await first.ctx.session!.sync.whenIdle()
    const failed = value(await call(first, 'sync.status', {}))
    expect(failed).toMatchObject({ state: 'offline', lastError: 'REGISTER_UNREACHABLE', pendingScopeExits: null })
    expect(replicaSnapshot(first).person).toHaveLength(people.length)
    await first.close()

    await l.restore()
    const second = l.launch()
    await loginAndSync(second, 'intro')
    const done = value(await call(second, 'sync.status', {}))
    expect(done).toMatchObject({ state: 'upToDate', lastError: null, pendingScopeExits: null })
    expect(replicaSnapshot(second).person.length).toBeLessThan(people.length * 0.6)
    const audits = second.ctx
      .session!.replica.db.select()
      .from(outbox)
      .all()
      .filter((r) => r.command === 'audit.scopeExitsConfirmed')
    expect(audits).toHaveLength(1)
    // The allowance was used up: another mass move stops again.
    const rest = replicaSnapshot(second).person
    await moveAwayFromBergen(rest, Math.ceil(rest.length * 0.5))
    expect(await syncAgain(second)).toMatchObject({ lastError: 'SCOPE_EXITS_NEED_CONFIRMATION' })
    await second.close()
  })

  test('A4 the last error survives a restart and is cleared by the next good cycle', async () => {
    const l = await laptop()
    const first = l.launch()
    await loginAndSync(first, 'intro')
    // An offline unlock whose register comes back: LOGIN_REQUIRED, kept in sync_state.
    await first.close()
    await l.cut()
    // Its refresh tokens are revoked too (issue 11.1): else the unlocked session renews its
    // access token when the register returns and syncs without asking.
    await register.db.update(refreshTokens).set({ revokedAt: new Date() })
    const offline = l.launch()
    await unlockOffline(offline)
    await l.restore()
    await expect.poll(async () => value(await call(offline, 'sync.status', {})).state, { timeout: 10_000 }).toBe('error')
    expect(value(await call(offline, 'sync.status', {})).lastError).toBe('LOGIN_REQUIRED')
    await offline.close()

    await l.cut()
    const again = l.launch()
    expect(await unlockOffline(again)).toMatchObject({ lastError: 'LOGIN_REQUIRED' })
    await again.close()

    await l.restore()
    const online = l.launch()
    await loginAndSync(online, 'intro')
    expect(value(await call(online, 'sync.status', {}))).toMatchObject({ state: 'upToDate', lastError: null })
    await online.close()
  })
})
