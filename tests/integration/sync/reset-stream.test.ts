import { existsSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { projectScope, renewEpoch, startRegister } from '../../../src/server'
import { persons } from '../../../src/main/db/schema'
import { readSyncState } from '../../../src/main/db/state'
import { RESET_STAGING_SUFFIX } from '../../../src/main/sync/reset-staging'
import { CuttingProxy, loginAndSync, replicaSnapshot, serverSnapshot, tempDir, testDevice } from './helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const dir = tempDir('reset-stream')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 30 } })
})
afterAll(async () => {
  await register?.close()
  dir.remove()
})

test('R12.4g a reset_required download cut halfway leaves the old replica whole; the next sync swaps in the new lineage at once', async () => {
  const proxy = new CuttingProxy(register.url)
  await proxy.start()
  const device = testDevice(dir.dir, proxy.url, { healthIntervalMs: 300 })
  await loginAndSync(device, 'intro')
  const session = device.ctx.session!
  const oldEpoch = readSyncState(session.replica).cursorEpoch
  // A row the new lineage does not have: present until the swap, gone after it.
  const someone = replicaSnapshot(device).person[0]
  session.replica.db
    .insert(persons)
    .values({ ...(someone as typeof persons.$inferInsert), id: 'stale-row', duf: '000000000000', serverVersion: 1 })
    .run()
  const before = replicaSnapshot(device)

  const epoch = await renewEpoch(register.db)
  // The answer `reset_required`, then two pages of the download from zero; then the line drops.
  proxy.allowPulls = proxy.pullCursors.length + 3
  session.sync.run()
  await session.sync.whenIdle()
  expect(session.sync.status().state).toBe('offline')
  expect(proxy.pullCursors.length).toBeGreaterThan(proxy.allowPulls) // the download was under way when cut
  expect(replicaSnapshot(device)).toEqual(before)
  expect(readSyncState(session.replica).cursorEpoch).toBe(oldEpoch)
  expect(existsSync(`${session.replica.file}${RESET_STAGING_SUFFIX}`)).toBe(false)

  proxy.allowPulls = Infinity
  await expect.poll(() => session.sync.status().state, { timeout: 60_000 }).toBe('upToDate')
  expect(readSyncState(session.replica).cursorEpoch).toBe(epoch)
  const after = replicaSnapshot(device)
  expect(after.person.map((p) => p.id)).not.toContain('stale-row')
  expect(after).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
  await device.close()
  await proxy.close()
}, 180_000)
