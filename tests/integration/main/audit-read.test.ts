import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { outbox } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { AUDIT_READ_COALESCE_MS } from '../../../src/main/services/persons'
import { loginAndSync, replicaSnapshot, tempDir, testDevice } from '../sync/helpers'

/**
 * D12: every read of a person is audited. The screens re-read the person after each save, so
 * reads by one user of one person closer together than AUDIT_READ_COALESCE_MS are one audited
 * viewing; a later read, another person, or a clock set back is audited again.
 */
describe('D12 audited person reads on the device', () => {
  const dir = tempDir('audit-read')
  let register: Awaited<ReturnType<typeof startRegister>>
  let device: Device
  let clock = Date.now()
  let ids: string[]

  beforeAll(async () => {
    register = await startRegister({ port: 0, demo: { persons: 5 } })
    device = testDevice(dir.dir, register.url, { now: () => new Date(clock) })
    await loginAndSync(device, 'norsk')
    ids = replicaSnapshot(device).person.map((p) => String(p.id))
  }, 120_000)
  afterAll(async () => {
    await device?.close()
    await register?.close()
    dir.remove()
  })

  const reads = (personId: string) =>
    device.ctx
      .session!.replica.db.select()
      .from(outbox)
      .where(and(eq(outbox.command, 'audit.read'), eq(outbox.personId, personId)))
      .all().length

  const minute = 60_000
  test.each([
    ['the first read of a person is audited', 0, 0, 1],
    ['a re-read one minute later (after a save) is the same viewing', 0, minute, 1],
    ['a re-read just inside the window is the same viewing', 1, AUDIT_READ_COALESCE_MS - 1, 1],
    ['a read once the window has passed is audited again', 2, AUDIT_READ_COALESCE_MS, 2],
    ['a read after the clock was set back is audited again, not trusted', 3, -10 * minute, 2],
  ])('D12 %s', async (_name, person, advanceMs, expected) => {
    const personId = ids[person]
    expect(await device.dispatch('persons.get', { personId })).toMatchObject({ ok: true })
    clock += advanceMs
    expect(await device.dispatch('persons.get', { personId })).toMatchObject({ ok: true })
    expect(reads(personId)).toBe(expected)
  })
})
