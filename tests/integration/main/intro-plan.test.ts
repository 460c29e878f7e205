import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { programmePlan } from '../../../src/shared/rules'
import { snapshotOnDevice } from '../../../src/main/services/evaluation'
import { projectScope, startRegister } from '../../../src/server'
import { call, loginAndSync, tempDir, testDevice, value } from '../sync/helpers'

/**
 * R5.4: `persons.get` carries the person's plan as the rules read it from the device's own
 * snapshot (`PersonView.introPlan`), which the Deltaking intro screen hands to
 * `programmeAverage` for the norm — the screen never decides the norm itself.
 */
let register: Awaited<ReturnType<typeof startRegister>>
const tmp = tempDir('intro-plan')
beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 30 } })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

describe('PersonView.introPlan (R5.4)', () => {
  test('R5.4 persons.get gives the plan programmePlan reads from the replica’s snapshot of that person', async () => {
    const device = testDevice(tmp.dir, register.url)
    try {
      await loginAndSync(device, 'intro')
      const ids = (await projectScope(register.db, '4601')).person.slice(0, 3).map((p) => String(p.id))
      expect(ids.length).toBe(3)
      for (const personId of ids) {
        const view = value(await call(device, 'persons.get', { personId }))
        const snapshot = snapshotOnDevice(device.ctx.session!.replica, personId)!
        expect(view.introPlan, personId).toEqual(programmePlan(snapshot))
        // The demo data marks no programme as self-study (R5.4): the plan is full-time, norm 37.5.
        expect(view.introPlan).toEqual({ selfStudy: false })
      }
    } finally {
      await device.close()
    }
  })
})
