import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { nextTick } from 'vue'
import type { NirBridge } from '../../../src/preload/types'
import type { SessionState, SyncStatus } from '../../../src/shared/api'
import { createDevice, type Device } from '../../../src/main/services'
import { loggedOutStatus } from '../../../src/main/sync/status'
import { useSessionStore } from '../../../src/renderer/src/stores/session'
import { useSyncStore } from '../../../src/renderer/src/stores/sync'

/**
 * The store against the real device services and event bus, joined the way the preload and
 * `ipc.ts` join them in Electron (the IPC hop itself is the only thing left out). No session
 * is opened: the register URL leads nowhere, and the events are the device's own bus.
 */
let device: Device
let calls: string[]
// Node has no window; the client looks only at `window.nir` when the bridge is there.
const page = globalThis as unknown as { window?: { nir?: NirBridge } }
beforeEach(() => {
  device = createDevice({ dataDir: '/nonexistent-nir-store-test', serverUrl: 'http://127.0.0.1:9', log: { info: () => undefined, error: () => undefined } })
  calls = []
  page.window = {}
  page.window.nir = {
    invoke: async (name, input) => {
      calls.push(name)
      return (await device.dispatch(name, input)) as never
    },
    on: (name, listener) => device.ctx.events.on(name, listener),
  }
  setActivePinia(createPinia())
})
afterEach(async () => {
  delete page.window
  await device.close()
})

const status = (over: Partial<SyncStatus>): SyncStatus => ({ ...loggedOutStatus, state: 'upToDate', personsInReplica: 5, ...over })
const unlocked: SessionState = { phase: 'unlocked', user: null, mode: 'online', serverUrl: 'x', replicaReady: true, today: '2026-12-01' }
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

describe('useSyncStore follows the device by events, not polling (issue 6 point 5)', () => {
  test('A4 a sync.status event replaces the status; sync.progress moves the bar of the running cycle', async () => {
    const sync = useSyncStore()
    device.ctx.events.emit('sync.status', status({ state: 'syncing', progress: null }))
    expect(sync.status?.state).toBe('syncing')
    device.ctx.events.emit('sync.progress', { done: 4, total: 12 })
    expect(sync.status).toMatchObject({ state: 'syncing', progress: { done: 4, total: 12 }, personsInReplica: 5 })
    device.ctx.events.emit('sync.status', status({ state: 'upToDate' }))
    expect(sync.status).toMatchObject({ state: 'upToDate', progress: null })
  })

  test('A4 a login asks for the status once; after that only events change it, and a logout empties it', async () => {
    const sync = useSyncStore()
    const session = useSessionStore()
    await settle()
    expect(calls).toEqual([])
    session.state = unlocked
    await settle()
    expect(calls).toEqual(['sync.status'])
    // The device has no session, so its answer is the logged-out status.
    expect(sync.status?.state).toBe('loggedOut')
    await new Promise((r) => setTimeout(r, 50))
    expect(calls).toEqual(['sync.status'])
    session.state = { ...unlocked, phase: 'loggedOut' }
    await settle()
    expect(sync.status).toBeNull()
  })

  test('A4 an answer overtaken by an event on the way is dropped: the event is newer', async () => {
    const sync = useSyncStore()
    const bridge = page.window!.nir!
    const slow = bridge.invoke
    bridge.invoke = async (name, input) => {
      // The cycle ends (event) while the answer to sync.run is still travelling.
      const answer = await slow(name, input)
      device.ctx.events.emit('sync.status', status({ state: 'upToDate' }))
      return answer
    }
    expect(await sync.runNow()).toBeNull()
    expect(sync.status?.state).toBe('upToDate')
  })

  test('A4 an event without a status yet is not turned into a half status', () => {
    const sync = useSyncStore()
    device.ctx.events.emit('sync.progress', { done: 1, total: 2 })
    expect(sync.status).toBeNull()
  })
})
