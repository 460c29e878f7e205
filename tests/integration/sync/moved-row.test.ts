import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import { createUser, getServerMeta, importNdjson, projectScope, startRegister } from '../../../src/server'
import { zeroCursor, type ChangeSet } from '../../../src/shared/sync'
import { pullAll, scope } from '../server/pull-helpers'
import { contacts as registerContacts, permits as registerPermits } from '../../../src/server/db/schema'
import { outbox, permits } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { loginAndSync, PASSWORD, replicaSnapshot, serverSnapshot, tempDir, testDevice } from './helpers'

/**
 * Issue 7 point 8 (A4, A6): a base-data row that an import moves from one person to another
 * must leave the first person on every device — also on a device that follows the first
 * person but not the second, which never receives the row's new state. And pushes and
 * imports draw from one change sequence under one lock, so a pull never skips either.
 */

const today = osloDateOfMs(Date.now())
const person = (id: string, duf: string, municipality: string, lastName: string) => ({
  id,
  duf,
  nationalId: null,
  regNumber: null,
  firstName: 'Test',
  middleName: null,
  lastName,
  birthDate: '1990-01-01',
  sex: 'M',
  closed: false,
  arrivalDate: '2019-05-01',
  followUpMunicipality: municipality,
  followUpDistrict: null,
  followUpByAgreement: true,
  receptionCentre: null,
})
const A = person('f8-person-a', '201900054321', '4601', 'Bergensen')
const B = person('f8-person-b', '201900065432', '0301', 'Oslosen')
const permit = (personId: string) => ({
  type: 'permit',
  id: 'f8-permit',
  personId,
  groundCode: 'UTL28',
  permitType: 'Opphaldsløyve',
  legalBasis: 'utlendingsloven § 28',
  validFrom: '2019-06-01',
  validTo: null,
  grantedDate: '2019-06-01',
})

for (const backend of backends())
  describe(`a base-data row moved between persons; one sequence for pushes and imports (register on ${backend.name})`, () => {
    const dirs = [tempDir('moved-bergen'), tempDir('moved-oslo'), tempDir('moved-reader')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let bergen: Device
    let oslo: Device
    const importLines = async (...rows: object[]) => {
      const res = await importNdjson(register.db, rows.map((r) => JSON.stringify(r)).join('\n'), { actor: 'test' })
      if (!res.ok) throw new Error(JSON.stringify(res))
      return res.summary
    }
    const sync = async (d: Device) => {
      d.ctx.session!.sync.run()
      await d.ctx.session!.sync.whenIdle()
    }
    const livePermit = (d: Device) =>
      d.ctx
        .session!.replica.db.select()
        .from(permits)
        .where(eq(permits.id, 'f8-permit'))
        .all()
        .filter((r) => !r.deleted)

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 10 } })
      await createUser(register.db, { username: 'oslo-intro', password: PASSWORD, displayName: 'Oda Oslo', municipality: '0301', roles: ['kommuneintro'] })
      await importLines({ type: 'person', ...A }, { type: 'person', ...B }, permit(A.id))
      bergen = testDevice(dirs[0].dir, register.url)
      oslo = testDevice(dirs[1].dir, register.url)
      await loginAndSync(bergen, 'intro')
      await loginAndSync(oslo, 'oslo-intro')
    }, 120_000)
    afterAll(async () => {
      await bergen?.close()
      await oslo?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    test('A6 a permit moved by an import from a person in Bergen to a person in Oslo leaves the Bergen device and reaches the Oslo device; both persons are re-evaluated', async () => {
      expect(livePermit(bergen)).toMatchObject([{ personId: A.id }])
      expect(livePermit(oslo)).toEqual([])

      const summary = await importLines(permit(B.id))
      expect(summary).toMatchObject({ updated: 1, created: 0, deleted: 0 })

      await sync(bergen)
      await sync(oslo)
      expect(livePermit(bergen)).toEqual([])
      expect(livePermit(oslo)).toMatchObject([{ personId: B.id }])
      const bundle = (await bergen.dispatch('persons.get', { personId: A.id })) as { ok: true; value: { bundle: { permits: unknown[] } } }
      expect(bundle.value.bundle.permits).toEqual([])
      // Each device now equals the register's projection of its scope.
      expect(replicaSnapshot(bergen)).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
      expect(replicaSnapshot(oslo)).toEqual(serverSnapshot(await projectScope(register.db, '0301')))
      // A lost the permit its categories came from, B gained it: both stored evaluations change.
      expect(summary.evaluated).toBe(2)
    })

    test('A6 moved back, the permit returns to the Bergen device and leaves the Oslo device', async () => {
      await importLines(permit(A.id))
      await sync(bergen)
      await sync(oslo)
      expect(livePermit(bergen)).toMatchObject([{ personId: A.id }])
      expect(livePermit(oslo)).toEqual([])
    })

    test('A6 a pull from zero carries no delete for a moved row (the device never had it); a pull from before the move does', async () => {
      await importLines(permit(B.id))
      const bergenScope = scope('4601', ['kommuneintro'])
      const changesOf = (pages: ChangeSet[][]) => pages.flat().flatMap((set) => set.changes.filter((c) => c.kind !== 'scopeExit' && c.id === 'f8-permit'))
      expect(changesOf((await pullAll(register.db, bergenScope, zeroCursor)).pages)).toEqual([])
      const { epoch } = await getServerMeta(register.db)
      const [{ version }] = await register.db.select({ version: registerPermits.version }).from(registerPermits).where(eq(registerPermits.id, 'f8-permit'))
      // Moved away twice since seq 1 (the first test and this one): a delete for each move.
      const fromBefore = changesOf((await pullAll(register.db, bergenScope, { epoch, seq: 1 })).pages)
      expect(fromBefore).toEqual([
        { kind: 'delete', entity: 'permit', id: 'f8-permit', version },
        { kind: 'delete', entity: 'permit', id: 'f8-permit', version },
      ])
    })

    test('A4 pushes and imports share one sequence: pushed contacts and imports interleaved (some at the same moment), a device pulling in between ends with every change of both', async () => {
      const pusher = bergen
      const reader = testDevice(dirs[2].dir, register.url)
      await loginAndSync(reader, 'intro')
      const ids: string[] = []
      for (let i = 0; i < 4; i++) {
        const id = randomUUID()
        ids.push(id)
        const saved = await pusher.dispatch('contact.register', { id, personId: A.id, scheme: 'intro', date: today })
        expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
        // The push (inside the sync) and an import of A race for the change lock.
        await Promise.all([sync(pusher), importLines({ type: 'person', ...A, middleName: `Runde ${i}` })])
        if (i % 2 === 0) await sync(reader)
      }
      // On a loaded machine a push may outlast the device's request timeout and wait for the next
      // cycle (the work stays queued): what is checked is that every change ends up on the register.
      await expect
        .poll(
          async () => {
            await sync(pusher)
            return pusher.ctx
              .session!.replica.db.select()
              .from(outbox)
              .where(inArray(outbox.state, ['pending', 'sent']))
              .all().length
          },
          { timeout: 60_000 },
        )
        .toBe(0)
      await sync(reader)
      const onRegister = await register.db.select().from(registerContacts).where(eq(registerContacts.personId, A.id))
      expect(onRegister.map((c) => c.id).sort()).toEqual([...ids].sort())
      const [p] = await register.db.select().from(registerPermits).where(eq(registerPermits.id, 'f8-permit'))
      expect(p.personId).toBe(B.id)
      expect(replicaSnapshot(reader)).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
      expect(replicaSnapshot(reader).contact.filter((c) => ids.includes(String(c.id)))).toHaveLength(4)
      await reader.close()
    })
  })
