import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDays, isoWeek } from '../../../src/shared/calendar'
import type { Saved } from '../../../src/shared/api'
import { osloDateOfMs } from '../../../src/shared/rules'
import { importNdjson, startRegister } from '../../../src/server'
import { outbox, weeklyParticipation } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { snapshotOnDevice } from '../../../src/main/services/evaluation'
import { backends } from '../server/backends'
import { loginAndSync, tempDir, testDevice } from './helpers'

/**
 * Issue 7 step 3: registration commands on a real encrypted replica after a real first sync
 * from a real register. Each goes through `mutating()`: the rules on the replica snapshot,
 * then its rows and its outbox row in one transaction.
 */

// Monday 16 March 2020 on the device: the person below is then in Norwegian training's target group.
const now = new Date('2020-03-16T10:00:00Z')
const today = osloDateOfMs(now.getTime())
const thisMonday = today
let register: Awaited<ReturnType<typeof startRegister>>
let device: Device
const personId = 'h7-person'
const PERSON = {
  id: personId,
  duf: '201900012345',
  nationalId: null,
  regNumber: null,
  firstName: 'Selam',
  middleName: null,
  lastName: 'Haile',
  birthDate: '1990-05-05',
  sex: 'K',
  closed: false,
  arrivalDate: '2019-05-01',
  followUpMunicipality: '4601',
  followUpDistrict: null,
  followUpByAgreement: true,
  receptionCentre: null,
}

const save = async (name: string, input: object) => device.dispatch(name, input) as Promise<{ ok: true; value: Saved } | { ok: false; reasons: { code: string; field?: string }[] }>
const replica = () => device.ctx.session!.replica
const outboxRows = () => replica().db.select().from(outbox).all()
const weeks = () => replica().db.select().from(weeklyParticipation).where(eq(weeklyParticipation.personId, personId)).all()
const weekOf = (date: string, hours: Partial<{ norskHours: number; samfunnHours: number; absenceHours: number }> = {}) => {
  const w = isoWeek(date)
  return { id: randomUUID(), personId, isoYear: w.year, isoWeek: w.week, norskHours: 6, samfunnHours: 1.5, absenceHours: 0, ...hours }
}

for (const backend of backends().slice(0, 1))
  describe(`registration commands on the device (register on ${backend.name})`, () => {
    const dir = tempDir('registrations-device')

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 10 } })
      // A refugee (UTL28) settled by agreement in Bergen in 2019: in March 2020 a right-and-duty Norwegian category (R3).
      const imported = await importNdjson(
        register.db,
        [
          { type: 'person', ...PERSON },
          {
            type: 'permit',
            id: 'h7-permit',
            personId,
            groundCode: 'UTL28',
            permitType: 'Opphaldsløyve',
            legalBasis: 'utlendingsloven § 28',
            validFrom: '2019-06-01',
            validTo: null,
            grantedDate: '2019-06-01',
          },
          { type: 'settlement', id: 'h7-settlement', personId, date: '2019-08-01', municipality: '4601', byAgreement: true, familyReunification: false },
        ]
          .map((l) => JSON.stringify(l))
          .join('\n'),
        { actor: 'test' },
      )
      expect(imported.ok, JSON.stringify(imported)).toBe(true)
      device = testDevice(dir.dir, register.url, { now: () => now })
      await loginAndSync(device, 'norsk')
      const decision = { id: randomUUID(), personId, scheme: 'norsk', type: 'NORSK_RETT_OG_PLIKT', result: 'innvilga', decisionDate: today, startDate: addDays(thisMonday, -21) }
      const res = await save('decision.register', decision)
      expect(res.ok, JSON.stringify(res)).toBe(true)
    }, 120_000)
    afterAll(async () => {
      await device?.close()
      await register?.close()
      dir.remove()
    })

    test('R4 a granted norsk decision is in the replica, in the snapshot and queued with its entity ref', () => {
      const [decision] = snapshotOnDevice(replica(), personId)!.registrations.decisions
      expect(decision).toMatchObject({ personId, scheme: 'norsk', result: 'innvilga' })
      const [row] = outboxRows().filter((r) => r.command === 'decision.register')
      expect(row).toMatchObject({ state: 'pending', personId, naturalKey: null, dependsOn: null })
      expect(JSON.parse(row.entityRefs)).toEqual([{ entity: 'decision', id: decision.id }])
      expect(JSON.parse(row.baseVersions)).toEqual({ [`decision:${decision.id}`]: null })
    })

    test('R6.4 a saved week is in the replica and in the outbox, with its natural key', async () => {
      const week = weekOf(addDays(thisMonday, -7))
      const res = await save('norsk.saveWeeklyParticipation', week)
      expect(res).toMatchObject({ ok: true, value: { rows: [{ entity: 'weeklyParticipation', id: week.id }], warnings: [] } })
      expect(weeks()).toEqual([{ ...week, serverVersion: null, deleted: false }])
      const row = outboxRows().find((r) => r.command === 'norsk.saveWeeklyParticipation')!
      expect(row.naturalKey).toBe(`week:${personId}:${week.isoYear}-W${String(week.isoWeek).padStart(2, '0')}`)
      expect(JSON.parse(row.payload)).toEqual(week)
      expect(res.ok && row.id).toBe(res.ok && res.value.mutationId)
    })

    test('R6.4 saving the same week again edits that row: one row, its id kept, the edit queued after it', async () => {
      const [first] = weeks()
      const again = { ...weekOf(addDays(thisMonday, -7)), norskHours: 8 }
      const res = await save('norsk.saveWeeklyParticipation', again)
      expect(res).toMatchObject({ ok: true, value: { rows: [{ entity: 'weeklyParticipation', id: first.id }] } })
      expect(weeks()).toEqual([{ ...again, id: first.id, serverVersion: null, deleted: false }])
      const queued = outboxRows().filter((r) => r.command === 'norsk.saveWeeklyParticipation')
      expect(queued).toHaveLength(2)
      // The row is not on the register yet: the edit depends on the mutation that created it.
      expect(queued[1].dependsOn).toBe(queued[0].id)
      expect(queued[1].seq).toBe(queued[0].seq + 1)
    })

    test('R8.3 a future week is refused and writes nothing: no row, no outbox entry, sequence unchanged', async () => {
      const before = { weeks: weeks(), outbox: outboxRows() }
      const res = await save('norsk.saveWeeklyParticipation', weekOf(addDays(thisMonday, 14)))
      expect(res.ok).toBe(false)
      expect(!res.ok && res.reasons.map((r) => `${r.code}@${r.field}`)).toContain('WEEK_IN_FUTURE@isoWeek')
      expect({ weeks: weeks(), outbox: outboxRows() }).toEqual(before)
    })

    test('R0 every error in one pass, each with its field', async () => {
      const res = await save('norsk.saveWeeklyParticipation', weekOf(addDays(thisMonday, 14), { norskHours: 0.1, samfunnHours: 0.3 }))
      expect(!res.ok && res.reasons.map((r) => `${r.code}@${r.field}`)).toEqual(
        expect.arrayContaining(['HOURS_STEP@norskHours', 'HOURS_STEP@samfunnHours', 'WEEK_IN_FUTURE@isoWeek']),
      )
    })

    test('R6.4 deleting a week tombstones its row and queues the delete', async () => {
      const [row] = weeks()
      const res = await save('norsk.deleteWeeklyParticipation', { id: row.id, personId })
      expect(res).toMatchObject({ ok: true, value: { rows: [{ entity: 'weeklyParticipation', id: row.id }] } })
      expect(weeks()).toEqual([{ ...row, deleted: true }])
      expect(snapshotOnDevice(replica(), personId)!.registrations.weeklyParticipation).toEqual([])
      expect(outboxRows().at(-1)).toMatchObject({ command: 'norsk.deleteWeeklyParticipation', personId })
    })

    test('R9 a user without the norsk role is refused before anything is read or written', async () => {
      const other = testDevice(tempDir('registrations-intro').dir, register.url, { now: () => now })
      await loginAndSync(other, 'intro')
      const res = (await other.dispatch('norsk.saveWeeklyParticipation', weekOf(addDays(thisMonday, -7)))) as { ok: boolean; reasons?: { code: string }[] }
      expect(res).toMatchObject({ ok: false, reasons: [{ code: 'NOT_PERMITTED', field: 'command' }] })
      await other.close()
    })
  })
