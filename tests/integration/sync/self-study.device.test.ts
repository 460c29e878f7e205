import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Saved } from '../../../src/shared/api'
import { addDays } from '../../../src/shared/calendar'
import { osloDateOfMs, programmePlan } from '../../../src/shared/rules'
import { importNdjson, serverSnapshot, startRegister } from '../../../src/server'
import { decisions as registerDecisions } from '../../../src/server/db/schema'
import { decisions } from '../../../src/main/db/schema'
import { snapshotOnDevice } from '../../../src/main/services/evaluation'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { call, loginAndSync, tempDir, testDevice, value } from './helpers'

/**
 * Issue 8, R5.4: the self-study mark of a granted INTRO_PROGRAM is saved on one device, pushed
 * over real HTTP, stored by the register (PGlite, and PostgreSQL when configured) in its own
 * column, pulled by a second device, and both sides' snapshots read the same plan — the norm
 * of 30 the checks, the reports and the Deltaking intro screen use.
 */

const today = osloDateOfMs(Date.now())
const personId = 'c2-self-study-person'
// UTL28 granted before 2021 (the act the rules implement), settled by agreement a month ago:
// newly arrived with a right and duty, so the device offers the programme (R3.2, R4).
const lines = [
  {
    type: 'person',
    id: personId,
    duf: '202400054321',
    nationalId: null,
    regNumber: null,
    firstName: 'Selam',
    middleName: null,
    lastName: 'Tesfaye',
    birthDate: '1991-03-03',
    sex: 'K',
    closed: false,
    arrivalDate: '2020-10-01',
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: true,
    receptionCentre: null,
  },
  {
    type: 'permit',
    id: 'c2-permit',
    personId,
    groundCode: 'UTL28',
    permitType: 'Midlertidig oppholdstillatelse',
    legalBasis: 'utlendingsloven § 28',
    validFrom: '2020-12-01',
    validTo: null,
    grantedDate: '2020-12-01',
  },
  { type: 'settlement', id: 'c2-settlement', personId, date: addDays(today, -30), municipality: '4601', byAgreement: true, familyReunification: false },
]

const programme = {
  id: randomUUID(),
  personId,
  scheme: 'intro' as const,
  type: 'INTRO_PROGRAM' as const,
  result: 'innvilga' as const,
  decisionDate: today,
  startDate: addDays(today, -7),
  endDate: null,
  hours: null,
  reasonCode: null,
  reasonText: null,
  leaveType: null,
  leaveUnit: null,
  selfStudy: true,
}

type Answer = { ok: true; value: Saved } | { ok: false; reasons: { code: string; field?: string }[] }

for (const backend of backends())
  describe(`R5.4 self-study programme decision, device → register → device (register on ${backend.name})`, () => {
    const dirs = [tempDir('self-study-a'), tempDir('self-study-b')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let a: Device
    let b: Device
    const save = (d: Device, name: string, input: object) => d.dispatch(name, input) as Promise<Answer>
    const sync = async (d: Device) => {
      d.ctx.session!.sync.run()
      await d.ctx.session!.sync.whenIdle()
    }

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      const imported = await importNdjson(register.db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
      expect(imported.ok, JSON.stringify(imported)).toBe(true)
      a = testDevice(dirs[0].dir, register.url)
      b = testDevice(dirs[1].dir, register.url)
      await loginAndSync(a, 'intro')
      await loginAndSync(b, 'intro')
    }, 120_000)
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    test('R4 the mark on an intro leave is refused beside the box and nothing is written', async () => {
      const before = a.ctx.session!.replica.db.select().from(decisions).all()
      const res = await save(a, 'decision.register', {
        ...programme,
        id: randomUUID(),
        type: 'INTRO_PERMISJON',
        startDate: addDays(today, 10),
        endDate: addDays(today, 20),
        leaveType: 'INTRO_VELFERD',
        leaveUnit: 'verkedagar',
      })
      expect(!res.ok && res.reasons.map((r) => `${r.code}@${r.field}`)).toContain('SELF_STUDY_NOT_APPLICABLE@selfStudy')
      expect(a.ctx.session!.replica.db.select().from(decisions).all()).toEqual(before)
    })

    test('R5.4 saved on the device, pushed, held by the register, pulled by another device; both snapshots read the plan as self-study', async () => {
      const plan0 = value(await call(a, 'persons.get', { personId })).introPlan
      expect(plan0).toEqual({ selfStudy: false })

      const res = await save(a, 'decision.register', programme)
      expect(res, JSON.stringify(res)).toMatchObject({ ok: true })
      expect(a.ctx.session!.replica.db.select({ selfStudy: decisions.selfStudy }).from(decisions).where(eq(decisions.id, programme.id)).all()).toEqual([{ selfStudy: true }])
      expect(value(await call(a, 'persons.get', { personId })).introPlan).toEqual({ selfStudy: true })

      await sync(a)
      expect(
        await register.db
          .select({ selfStudy: registerDecisions.selfStudy, version: registerDecisions.version })
          .from(registerDecisions)
          .where(eq(registerDecisions.id, programme.id)),
      ).toEqual([{ selfStudy: true, version: 1 }])
      const onRegister = await serverSnapshot(register.db, personId)
      expect(onRegister?.plan).toEqual({ selfStudy: true })
      expect(snapshotOnDevice(a.ctx.session!.replica, personId)).toEqual(onRegister)

      await sync(b)
      const onB = snapshotOnDevice(b.ctx.session!.replica, personId)!
      expect(onB).toEqual(onRegister)
      expect(programmePlan(onB)).toEqual({ selfStudy: true })
      expect(value(await call(b, 'persons.get', { personId })).introPlan).toEqual({ selfStudy: true })
    })
  })
