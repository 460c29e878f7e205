import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Saved } from '../../../src/shared/api'
import { addDays, addMonths } from '../../../src/shared/calendar'
import { evaluatePerson, osloDateOfMs, storedEvaluation } from '../../../src/shared/rules'
import { DEMO_PASSWORD, importNdjson, serverSnapshot, startRegister } from '../../../src/server'
import { decisions as registerDecisions, personEvaluations } from '../../../src/server/db/schema'
import { decisions as deviceDecisions, outbox } from '../../../src/main/db/schema'
import { snapshotOnDevice } from '../../../src/main/services/evaluation'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { call, loginAndSync, tempDir, testDevice, value } from './helpers'

/**
 * Issue 9 point 4, R12.3.1 / R12.1.6 end to end: a programme decision under the 2021 act with
 * its decided months is saved on one device through the one mutation path, pushed over real
 * HTTP, judged again and held by the register (PGlite, and PostgreSQL when configured) and
 * pulled by a second device; the end date (R12.1.6, deadline `introCompletion`) is the same
 * on the device, in the register's stored evaluation and on the other device. The months are
 * required and bounded on the device before anything is queued.
 */

const today = osloDateOfMs(Date.now())
const P21 = 'a2-int2021-programme'
const lines = [
  {
    type: 'person',
    id: P21,
    duf: '202409000221',
    nationalId: null,
    regNumber: null,
    firstName: 'Yonas',
    middleName: null,
    lastName: 'Test221',
    birthDate: '1991-03-03',
    sex: 'M',
    closed: false,
    arrivalDate: null,
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: true,
    receptionCentre: null,
  },
  {
    type: 'permit',
    id: 'a2-permit-21',
    personId: P21,
    groundCode: 'UTL28',
    permitType: 'Midlertidig oppholdstillatelse',
    legalBasis: 'utlendingsloven § 28',
    validFrom: addDays(today, -120),
    validTo: null,
    grantedDate: addDays(today, -120),
  },
  { type: 'settlement', id: 'a2-settle-21', personId: P21, date: addDays(today, -60), municipality: '4601', byAgreement: true, familyReunification: false },
]

type Answer = { ok: true; value: Saved } | { ok: false; reasons: { code: string; field?: string }[] }

for (const backend of backends())
  describe(`R12.3.1 a 2021 programme decision with its months, device → register → device (register on ${backend.name})`, () => {
    const dirs = [tempDir('dec2021-a'), tempDir('dec2021-b')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let a: Device
    let b: Device
    const save = (d: Device, input: object) => d.dispatch('decision.register', input) as Promise<Answer>
    const refusals = (x: Answer) => (x.ok ? [] : x.reasons.map((r) => `${r.code}@${r.field}`))
    const sync = async (d: Device) => {
      d.ctx.session!.sync.run()
      await d.ctx.session!.sync.whenIdle()
    }
    const endDate = (e: { schemes: { intro: { deadlines: { key: string; date: string }[] } } }) => e.schemes.intro.deadlines.find((x) => x.key === 'introCompletion')?.date

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      const imported = await importNdjson(register.db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
      expect(imported.ok, JSON.stringify(imported)).toBe(true)
      a = testDevice(dirs[0].dir, register.url)
      b = testDevice(dirs[1].dir, register.url)
      await loginAndSync(a, 'intro', DEMO_PASSWORD)
      await loginAndSync(b, 'intro', DEMO_PASSWORD)
    }, 120_000)
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    const programme = (months: number | null) => ({
      id: randomUUID(),
      personId: P21,
      scheme: 'intro',
      type: 'INTRO_PROGRAM',
      result: 'innvilga',
      decisionDate: today,
      startDate: addDays(today, -7),
      durationMonths: months,
    })

    test.each([
      ['R12.3.1 no decided months: refused beside the field', null, ['REQUIRED@durationMonths']],
      ['R12.3.1 61 months: refused beside the field', 61, ['MONTHS_RANGE@durationMonths']],
      ['R12.3.1 0 months: refused beside the field', 0, ['MONTHS_RANGE@durationMonths']],
    ] as const)('%s, and nothing is written or queued', async (_name, months, expected) => {
      expect(refusals(await save(a, programme(months)))).toEqual(expected)
      const { db } = a.ctx.session!.replica
      expect(db.select().from(deviceDecisions).where(eq(deviceDecisions.personId, P21)).all()).toEqual([])
      expect(
        db
          .select()
          .from(outbox)
          .all()
          .filter((o) => o.command === 'decision.register'),
      ).toEqual([])
    })

    test('R12.1.6 saved with 24 months, pushed, held by the register and pulled: the same end date on the device, the register and the other device', async () => {
      const d = programme(24)
      const saved = await save(a, d)
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true })
      // Background and final goal are not registered: saved with the band warnings (J1), not refused.
      expect(saved.ok && saved.value.warnings.map((w) => w.code)).toEqual(['BAND_UNKNOWN', 'FINAL_GOAL_MISSING'])
      const expected = addDays(addMonths(d.startDate, 24), -1)
      const onA = value(await call(a, 'persons.get', { personId: P21 })).evaluation
      expect(onA.regime.introNorsk.regime).toBe('INTEGRERING_2021')
      expect(endDate(onA)).toBe(expected)

      await sync(a)
      const [held] = await register.db.select().from(registerDecisions).where(eq(registerDecisions.id, d.id))
      expect(held).toMatchObject({ type: 'INTRO_PROGRAM', durationMonths: 24, extensionMonths: null })
      const onRegister = (await serverSnapshot(register.db, P21))!
      expect(snapshotOnDevice(a.ctx.session!.replica, P21)).toEqual(onRegister)
      const [stored] = await register.db.select().from(personEvaluations).where(eq(personEvaluations.personId, P21))
      expect(stored?.result).toEqual(storedEvaluation(evaluatePerson(onRegister, stored!.evaluatedOn)))
      expect(stored?.result.schemes.intro.deadlines.find((x) => x.key === 'introCompletion')?.date).toBe(expected)

      await sync(b)
      expect(snapshotOnDevice(b.ctx.session!.replica, P21)).toEqual(onRegister)
      const onB = value(await call(b, 'persons.get', { personId: P21 })).evaluation
      expect(endDate(onB)).toBe(expected)
      expect(onB).toEqual(onA)
    })

    test('R12.1.6 an extension of 6 months from the other device moves the end date by 6 months everywhere', async () => {
      const ext = {
        id: randomUUID(),
        personId: P21,
        scheme: 'intro',
        type: 'INTRO_UTVIDA_DELTAKING',
        result: 'innvilga',
        decisionDate: today,
        reasonText: 'Treng meir tid',
        extensionMonths: 6,
      }
      expect(refusals(await save(b, { ...ext, extensionMonths: 13 }))).toEqual(['MONTHS_RANGE@extensionMonths'])
      expect(await save(b, ext)).toMatchObject({ ok: true })
      const start = addDays(today, -7)
      const expected = addDays(addMonths(start, 30), -1)
      expect(endDate(value(await call(b, 'persons.get', { personId: P21 })).evaluation)).toBe(expected)
      await sync(b)
      const [stored] = await register.db.select().from(personEvaluations).where(eq(personEvaluations.personId, P21))
      expect(stored?.result.schemes.intro.deadlines.find((x) => x.key === 'introCompletion')?.date).toBe(expected)
      await sync(a)
      expect(endDate(value(await call(a, 'persons.get', { personId: P21 })).evaluation)).toBe(expected)
    })
  })
