import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { clockDiffers } from '../../../src/shared/rules'
import { call, loginAndSync, tempDir, testDevice, value } from '../sync/helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const dirs: { remove(): void }[] = []

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 10 } })
})
afterAll(async () => {
  await register?.close()
  for (const d of dirs) d.remove()
})

/** A device whose clock runs `skewMs` ahead of the real one (the register's). */
async function deviceWithSkew(skewMs: number) {
  const dir = tempDir('clock')
  dirs.push(dir)
  const device = testDevice(dir.dir, register.url, { now: () => new Date(Date.now() + skewMs) })
  await loginAndSync(device, 'intro')
  return device
}

describe('device clock against the register (A5)', () => {
  test.each([
    { skewMin: 0, differs: false },
    { skewMin: 3, differs: false },
    { skewMin: 12, differs: true },
    { skewMin: -30, differs: true },
  ])('A5 a device clock $skewMin min off: offset measured, "differs" = $differs', async ({ skewMin, differs }) => {
    const device = await deviceWithSkew(skewMin * 60_000)
    try {
      const status = value(await call(device, 'sync.status', {}))
      // Register minus device: a device ahead of the register gives a negative offset.
      expect(Math.abs(status.clockOffsetMs + skewMin * 60_000)).toBeLessThan(30_000)
      expect(clockDiffers(status.clockOffsetMs)).toBe(differs)
    } finally {
      await device.close()
    }
  })
})
