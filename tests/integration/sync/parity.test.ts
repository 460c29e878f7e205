import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import type { PersonBundle } from '../../../src/shared/sync'
import { checkOnServer, recomputeAll, serverSnapshot, startRegister } from '../../../src/server'
import { personEvaluations } from '../../../src/server/db/schema'
import { persons } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { checkOnDevice, snapshotOnDevice } from '../../../src/main/services/evaluation'
import { findPerson, loadBundle } from '../../../src/main/services/person-rows'
import { backends } from '../server/backends'
import { commandFor, contextFor } from './command-arbitraries'
import { call, loginAndSync, tempDir, testDevice, value } from './helpers'

/**
 * A9 rules parity: the device (SQLite replica) and the register (PostgreSQL) build the rules'
 * input separately; the same person and command must give the same evaluation and the same
 * reasons on both — on PGlite, and on real PostgreSQL when `TEST_DATABASE_URL` is set.
 */

const now = new Date()
const today = osloDateOfMs(now.getTime())
let register: Awaited<ReturnType<typeof startRegister>>
let device: Device
let bundles: PersonBundle[]

for (const backend of backends())
  describe(`A9 rules parity between device and register on ${backend.name}`, () => {
    const dir = tempDir(`parity-${backend.name}`)

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 40 } })
      device = testDevice(dir.dir, register.url, { now: () => now })
      await loginAndSync(device, 'super')
      const replica = device.ctx.session!.replica
      const ids = replica.db.select({ id: persons.id }).from(persons).where(eq(persons.cachedReadOnly, false)).all()
      bundles = ids.map((r) => loadBundle(replica, findPerson(replica, r.id)!))
      // The register evaluated at import time; a run that crossed midnight since then re-evaluates.
      const [row] = await register.db.select({ on: personEvaluations.evaluatedOn }).from(personEvaluations).limit(1)
      if (row?.on !== today) await recomputeAll(register.db, today)
    }, 120_000)
    afterAll(async () => {
      await device?.close()
      await register?.close()
      dir.remove()
    })

    test('A9 every person in scope has the same snapshot and the same evaluation on the device and in person_evaluations', async () => {
      expect(bundles.length).toBeGreaterThanOrEqual(30)
      const stored = new Map((await register.db.select().from(personEvaluations)).map((r) => [r.personId, r]))
      const replica = device.ctx.session!.replica
      for (const { person } of bundles) {
        expect(snapshotOnDevice(replica, person.id), person.id).toEqual(await serverSnapshot(register.db, person.id))
        const view = value(await call(device, 'persons.get', { personId: person.id }))
        expect(stored.get(person.id)?.evaluatedOn).toBe(today)
        expect(view.evaluation, person.id).toEqual(stored.get(person.id)?.result)
      }
      const withCategory = bundles.filter((b) => stored.get(b.person.id)!.result.categories.length > 0)
      expect(withCategory.length).toBeGreaterThan(5)
    })

    test('A9 generated commands get identical errors and warnings from checkOnDevice and checkOnServer (fast-check, 250 runs)', async () => {
      const replica = device.ctx.session!.replica
      const seen = { codes: new Set<string>(), accepted: 0 }
      const input = fc.integer({ min: 0, max: bundles.length - 1 }).chain((i) => fc.tuple(commandFor(bundles[i], today), contextFor(now, today)))
      await fc.assert(
        fc.asyncProperty(input, async ([command, context]) => {
          const onDevice = checkOnDevice(replica, command, context)
          const onServer = await checkOnServer(register.db, command, context)
          expect(onServer).toEqual(onDevice)
          for (const r of [...onDevice.errors, ...onDevice.warnings]) seen.codes.add(r.code)
          if (onDevice.errors.length === 0) seen.accepted++
        }),
        { numRuns: 250 },
      )
      // The generator must reach the rules, not stop at shape or permission checks (typically
      // ~25 accepted and 20+ distinct codes; the bounds leave room for unlucky seeds).
      expect(seen.accepted).toBeGreaterThanOrEqual(5)
      expect(seen.codes.size).toBeGreaterThanOrEqual(12)
    }, 120_000)
  })
