import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Saved } from '../../../src/shared/api'
import { addDays } from '../../../src/shared/calendar'
import type { Int2021Fact } from '../../../src/shared/domain'
import { evaluatePerson, osloDateOfMs, storedEvaluation } from '../../../src/shared/rules'
import { DEMO_PASSWORD, importNdjson, serverSnapshot, startRegister } from '../../../src/server'
import { int2021Registrations as registerRows, personEvaluations } from '../../../src/server/db/schema'
import { int2021Registrations as deviceRows } from '../../../src/main/db/schema'
import { snapshotOnDevice } from '../../../src/main/services/evaluation'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { call, loginAndSync, tempDir, testDevice, value } from './helpers'

/**
 * Issue 9 point 4 end to end: the 2021 act's registrations (R12.3.2) saved on one device
 * through the one mutation path, pushed over real HTTP, judged again by the register (PGlite,
 * and PostgreSQL when configured) and pulled by a second device; the rules on all three read
 * them from the snapshot, so the evaluations are equal (A9) and the Norwegian deadline is the
 * registered background's (R12.2.5). A 2003 person is refused `NOT_IN_REGIME` on the device,
 * and on the register when the permit was corrected there before the push (R12.0.5).
 */

const today = osloDateOfMs(Date.now())
const P21 = 'c9-int2021-person'
const P03 = 'c9-intro2003-person'
const PFIX = 'c9-corrected-person'
const person = (id: string, duf: string, arrivalDate: string | null) => ({
  type: 'person',
  id,
  duf,
  nationalId: null,
  regNumber: null,
  firstName: 'Amina',
  middleName: null,
  lastName: `Test${duf.slice(-3)}`,
  birthDate: '1990-04-04',
  sex: 'K',
  closed: false,
  arrivalDate,
  followUpMunicipality: '4601',
  followUpDistrict: null,
  followUpByAgreement: true,
  receptionCentre: null,
})
const permit = (id: string, personId: string, granted: string) => ({
  type: 'permit',
  id,
  personId,
  groundCode: 'UTL28',
  permitType: 'Midlertidig oppholdstillatelse',
  legalBasis: 'utlendingsloven § 28',
  validFrom: granted,
  validTo: null,
  grantedDate: granted,
})
const settlement = (id: string, personId: string, date: string) => ({ type: 'settlement', id, personId, date, municipality: '4601', byAgreement: true, familyReunification: false })
const granted2021 = addDays(today, -200)
const feed = (lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n')
const base = [
  person(P21, '202409000021', null),
  permit('c9-permit-21', P21, granted2021),
  settlement('c9-settle-21', P21, addDays(today, -150)),
  person(P03, '202409000003', '2020-05-01'),
  permit('c9-permit-03', P03, '2020-06-01'),
  settlement('c9-settle-03', P03, '2020-08-01'),
  person(PFIX, '202409000099', null),
  permit('c9-permit-fix', PFIX, granted2021),
  settlement('c9-settle-fix', PFIX, addDays(today, -150)),
]

type Answer = { ok: true; value: Saved } | { ok: false; reasons: { code: string; field?: string }[] }
const row = (personId: string, fact: Int2021Fact, date = today) => ({ id: randomUUID(), personId, date, recordedAt: new Date().toISOString(), fact })

for (const backend of backends())
  describe(`R12.3.2 registrations of the 2021 act, device → register → device (register on ${backend.name})`, () => {
    const dirs = [tempDir('int2021-a'), tempDir('int2021-b')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let a: Device
    let b: Device
    const save = (d: Device, name: string, input: object) => d.dispatch(name, input) as Promise<Answer>
    const sync = async (d: Device) => {
      d.ctx.session!.sync.run()
      await d.ctx.session!.sync.whenIdle()
    }
    const onDevice = (d: Device, personId: string) => d.ctx.session!.replica.db.select().from(deviceRows).where(eq(deviceRows.personId, personId)).all()

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      const imported = await importNdjson(register.db, feed(base), { actor: 'test' })
      expect(imported.ok, JSON.stringify(imported)).toBe(true)
      a = testDevice(dirs[0].dir, register.url)
      b = testDevice(dirs[1].dir, register.url)
      await loginAndSync(a, 'super', DEMO_PASSWORD)
      await loginAndSync(b, 'norsk', DEMO_PASSWORD)
    }, 120_000)
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    test('R12.0.5 a person under the 2003 act: the device refuses NOT_IN_REGIME beside the kind and writes nothing', async () => {
      const res = await save(a, 'int2021.register', row(P03, { kind: 'educationBackground', background: 'GRUNNSKULE' }))
      expect(!res.ok && res.reasons.map((r) => `${r.code}@${r.field}`)).toEqual(['NOT_IN_REGIME@fact.kind'])
      expect(onDevice(a, P03)).toEqual([])
    })

    test('R12.2.5 saved on the device, judged and held by the register, pulled by another device: the same snapshot and evaluation on all three (A9)', async () => {
      // J5: from 2023-08-01 the Norwegian clock runs from the start of the granted NORSK_RETT_OG_PLIKT.
      const start = addDays(today, -10)
      const norskDecision = { id: randomUUID(), personId: P21, scheme: 'norsk', type: 'NORSK_RETT_OG_PLIKT', result: 'innvilga', decisionDate: start, startDate: start }
      expect(await save(a, 'decision.register', norskDecision)).toMatchObject({ ok: true })
      const before = value(await call(a, 'persons.get', { personId: P21 })).evaluation
      const provisional = before.schemes.norsk.deadlines.find((d) => d.key === 'norskNorwegian2021')!
      expect(provisional.explanation.map((s) => s.key)).toContain('int21NorskDeadlineProvisional')

      const saved: Answer[] = []
      const mistake = row(P21, { kind: 'programmeElement', element: 'FORELDRERETTLEIING' })
      for (const r of [
        row(P21, { kind: 'educationBackground', background: 'VGS_ELLER_HOGARE' }),
        row(P21, { kind: 'norskGoal', goal: { lytting: 'B1', lesing: 'B1', skriftleg: 'B1', munnleg: 'B2' } }),
        row(P21, { kind: 'finalGoal', goal: 'ARBEID', text: 'Sjukepleiar' }),
        row(P21, { kind: 'integrationContract' }),
        mistake,
      ])
        saved.push(await save(a, 'int2021.register', r))
      saved.push(await save(a, 'int2021.delete', { id: mistake.id, personId: P21 }))
      for (const s of saved) expect(s, JSON.stringify(s)).toMatchObject({ ok: true })
      expect(onDevice(a, P21).filter((r) => !r.deleted)).toHaveLength(4)
      // R12.3.2: the save time orders a history, stamped by the device whatever the screen sent.
      const unstamped = { ...row(P21, { kind: 'finalGoal', goal: 'HOGARE_UTDANNING', text: null }), recordedAt: null }
      expect(await save(a, 'int2021.register', unstamped)).toMatchObject({ ok: true })
      expect(onDevice(a, P21).find((r) => r.id === unstamped.id)?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)

      const after = value(await call(a, 'persons.get', { personId: P21 })).evaluation
      const norwegian = after.schemes.norsk.deadlines.find((d) => d.key === 'norskNorwegian2021')!
      // 18 months instead of 36 (VGS_ELLER_HOGARE), and no longer provisional.
      expect(norwegian.date < provisional.date).toBe(true)
      expect(norwegian.explanation.map((s) => s.key)).toContain('int21NorskDeadlineBase')

      await sync(a)
      const held = await register.db.select().from(registerRows).where(eq(registerRows.personId, P21))
      expect(
        held
          .filter((r) => !r.deleted)
          .map((r) => r.fact.kind)
          .sort(),
      ).toEqual(['educationBackground', 'finalGoal', 'finalGoal', 'integrationContract', 'norskGoal'])
      expect(held.find((r) => r.id === mistake.id)?.deleted).toBe(true)
      const onRegister = (await serverSnapshot(register.db, P21))!
      expect(snapshotOnDevice(a.ctx.session!.replica, P21)).toEqual(onRegister)
      const [stored] = await register.db.select().from(personEvaluations).where(eq(personEvaluations.personId, P21))
      expect(stored?.result).toEqual(storedEvaluation(evaluatePerson(onRegister, stored!.evaluatedOn)))
      expect(stored?.result.schemes.norsk.deadlines.find((d) => d.key === 'norskNorwegian2021')?.date).toBe(norwegian.date)

      await sync(b)
      expect(snapshotOnDevice(b.ctx.session!.replica, P21)).toEqual(onRegister)
      expect(value(await call(b, 'persons.get', { personId: P21 })).evaluation).toEqual(after)
    })

    test('R12.0.5 the register refuses NOT_IN_REGIME when the permit was corrected to 2020 before the push; the device shows it as a sync problem', async () => {
      const r = row(PFIX, { kind: 'educationBackground', background: 'GRUNNSKULE' })
      expect(await save(a, 'int2021.register', r)).toMatchObject({ ok: true })
      const corrected = await importNdjson(register.db, feed([permit('c9-permit-fix', PFIX, '2020-06-01')]), { actor: 'test' })
      expect(corrected.ok, JSON.stringify(corrected)).toBe(true)

      await sync(a)
      expect(await register.db.select().from(registerRows).where(eq(registerRows.personId, PFIX))).toEqual([])
      const { problems } = value(await call(a, 'sync.problems', {}))
      const problem = problems.find((p) => p.command === 'int2021.register' && p.personId === PFIX)
      expect(problem?.verdict).toBe('rejected')
      expect(problem?.reasons.map((x) => `${x.code}@${x.field}`)).toEqual(['NOT_IN_REGIME@fact.kind'])
    })
  })
