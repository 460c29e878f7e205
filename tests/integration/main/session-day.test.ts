import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { SessionState } from '../../../src/shared/api'
import { startRegister } from '../../../src/server'
import type { Device } from '../../../src/main/services'
import { loginAndSync, tempDir, testDevice } from '../sync/helpers'

/**
 * `SessionState.today` is the date the renderer's screens and checks judge with. A laptop left
 * open past midnight (Oslo) hears the new date from main, without logging in again.
 */
type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
let device: Device
const tmp = tempDir('session-day')
// 23:59:30 in Oslo (UTC+1 in December), moved forward by the test.
let clock = Date.parse('2026-12-01T22:59:30Z')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 8 } })
  device = testDevice(tmp.dir, register.url, { now: () => new Date(clock), dayCheckIntervalMs: 20 })
  await loginAndSync(device, 'intro')
})
afterAll(async () => {
  await device?.close()
  await register?.close()
  tmp.remove()
})

describe("the device's today turns at Oslo midnight (issue 6 point 7)", () => {
  test('an open session tells the renderer the new date once, when the Oslo date turns, and not before', async () => {
    const heard: SessionState[] = []
    const stop = device.ctx.events.subscribe((e) => {
      if (e.name === 'session.changed') heard.push(e.payload)
    })
    try {
      await new Promise((r) => setTimeout(r, 100))
      expect(heard).toEqual([])
      clock = Date.parse('2026-12-01T23:00:05Z')
      await expect.poll(() => heard.map((s) => s.today)).toEqual(['2026-12-02'])
      expect(heard[0]).toMatchObject({ phase: 'unlocked', user: { username: 'intro' } })
      await new Promise((r) => setTimeout(r, 100))
      expect(heard).toHaveLength(1)
    } finally {
      stop()
    }
  })

  test('after logout nothing more is said when the day turns', async () => {
    await device.dispatch('session.logout', {})
    const heard: string[] = []
    const stop = device.ctx.events.subscribe((e) => heard.push(e.name))
    try {
      clock = Date.parse('2026-12-02T23:00:05Z')
      await new Promise((r) => setTimeout(r, 150))
      expect(heard).toEqual([])
    } finally {
      stop()
    }
  })
})
