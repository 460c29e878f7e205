import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { persons } from '../../../src/server/db/schema'
import type { Device } from '../../../src/main/services'
import { messages } from '../../../src/shared/i18n'
import { makeDuf } from '../../../src/shared/ids'
import { call, loginAndSync, tempDir, testDevice, value } from '../sync/helpers'

/**
 * Issue 6 point 13c on the device, over real HTTP against a register with a small limit: the
 * register's 429 becomes a search warning that says how many minutes to wait, in nb and nn.
 */
type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
let device: Device
const tmp = tempDir('duf-limit')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 20 }, dufLookupLimit: { max: 2, windowMs: 3 * 60_000 } })
  device = testDevice(tmp.dir, register.url)
  await loginAndSync(device, 'intro')
})
afterAll(async () => {
  await device?.close()
  await register?.close()
  tmp.remove()
})

describe('13c DUF look-ups beyond the register limit', () => {
  test('the look-up past the limit is a DUF_LOOKUP_RATE_LIMITED warning with the minutes to wait, and no hits', async () => {
    const oslo = await register.db
      .select()
      .from(persons)
      .where(and(eq(persons.followUpMunicipality, '0301'), eq(persons.closed, false)))
    const search = async (duf: string) => value(await call(device, 'persons.search', { query: duf }))
    expect(await search(oslo[0]!.duf)).toMatchObject({ fromRegister: true, hits: [{ id: oslo[0]!.id }], warnings: [] })
    expect(await search(makeDuf(1999, 7))).toMatchObject({ fromRegister: true, hits: [], warnings: [] })
    const limited = await search(oslo[1]!.duf)
    expect(limited).toMatchObject({ kind: 'duf', hits: [] })
    expect(limited.warnings).toEqual([{ code: 'DUF_LOOKUP_RATE_LIMITED', field: 'query', values: { minutes: 3 } }])
    // A person already on the laptop is still found: the limit only holds back the register.
    expect(await search(oslo[0]!.duf)).toMatchObject({ fromRegister: false, hits: [{ id: oslo[0]!.id }] })
  })

  test.each(['nb', 'nn'] as const)('the warning has a %s text that names the minutes', (lang) => {
    expect((messages[lang].reasons as Record<string, string>).DUF_LOOKUP_RATE_LIMITED).toMatch(/\{minutes\} min\./)
  })
})
