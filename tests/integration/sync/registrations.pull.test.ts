import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { evaluationAt, isoWeek, osloDateOfMs } from '../../../src/shared/rules'
import { importNdjson, projectScope, recomputeEvaluations, serverSnapshot as registerSnapshot, startRegister } from '../../../src/server'
import { decisions, personEvaluations } from '../../../src/server/db/schema'
import { nextSeqs, takeChangeLock } from '../../../src/server/sync/change-lock'
import type { Device } from '../../../src/main/services'
import { snapshotOnDevice } from '../../../src/main/services/evaluation'
import { backends } from '../server/backends'
import { call, loginAndSync, replicaSnapshot, serverSnapshot, tempDir, testDevice, value } from './helpers'

/**
 * Issue 7 step 1: registrations are synced entities. Rows written on the register travel to
 * the replica by the same pull as base data, and both sides hand them to the rules in the
 * person's snapshot, so `evaluatePerson` and `checkCommand` see the same registrations.
 */

const now = new Date()
const today = osloDateOfMs(now.getTime())
let register: Awaited<ReturnType<typeof startRegister>>
let device: Device

const ndjson = (...lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n')

for (const backend of backends())
  describe(`registrations pulled to the replica on ${backend.name}`, () => {
    const dir = tempDir(`registrations-${backend.name}`)

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 30 } })
      device = testDevice(dir.dir, register.url, { now: () => now })
      await loginAndSync(device, 'super')
    }, 120_000)
    afterAll(async () => {
      await device?.close()
      await register?.close()
      dir.remove()
    })

    // The demo gives persons registrations of their own; these tests follow the rows they write (`reg-…`).
    const ours = <T extends object>(rows: readonly T[]): T[] => rows.filter((r) => String((r as { id?: unknown }).id).startsWith('reg-'))
    const sync = async () => {
      device.ctx.session!.sync.run()
      await device.ctx.session!.sync.whenIdle()
    }

    test('A4 registrations written on the register reach the replica by pull and equal the projection', async () => {
      const personId = String(replicaSnapshot(device).person[0].id)
      const { year, week } = isoWeek(today)
      const lines = ndjson(
        { type: 'contact', id: 'reg-contact-1', personId, scheme: 'norsk', date: today },
        { type: 'claim', id: 'reg-claim-1', personId, scheme: 'norsk', date: today, kind: 'NORSKOPPLAERING' },
        { type: 'weeklyParticipation', id: 'reg-week-1', personId, isoYear: year, isoWeek: week, norskHours: 6, samfunnHours: 1.5, absenceHours: 0 },
        { type: 'languageTrack', id: 'reg-track-1', personId, date: today, motherTongue: 'tir', language1: 'tir', language2: null, track: '2' },
        {
          type: 'replacement',
          id: 'reg-repl-1',
          personId,
          fromDate: today,
          toDate: today,
          replacesMeasureIds: ['m-a', 'm-b'],
          groupCode: 'G1',
          measureCode: 'M1',
          hoursPerWeek: 7.5,
        },
        { type: 'absence', id: 'reg-absence-1', personId, fromDate: today, toDate: today, rows: [{ typeCode: 'EIGENMELDING', days: 1, hours: null }] },
        { type: 'asylnorskOffer', id: 'reg-offer-1', municipality: '4601', year: Number(today.slice(0, 4)), kind: 'ASYLNORSK', fromDate: today, toDate: today },
      )
      const res = await importNdjson(register.db, lines, { actor: 'test' })
      expect(res.ok, JSON.stringify(res)).toBe(true)
      await sync()

      const replica = replicaSnapshot(device)
      expect(replica).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
      expect(ours(replica.weeklyParticipation)).toEqual([{ id: 'reg-week-1', personId, isoYear: year, isoWeek: week, norskHours: 6, samfunnHours: 1.5, absenceHours: 0 }])
      expect(ours(replica.asylnorskOffer).map((o) => o.id)).toEqual(['reg-offer-1'])

      const snapshot = snapshotOnDevice(device.ctx.session!.replica, personId)!
      expect(ours(snapshot.registrations.contacts).map((c) => c.id)).toEqual(['reg-contact-1'])
      expect(ours(snapshot.registrations.claims).map((c) => c.id)).toEqual(['reg-claim-1'])
      expect(ours(snapshot.registrations.weeklyParticipation).map((w) => w.id)).toEqual(['reg-week-1'])
      expect(ours(snapshot.registrations.languageTracks).map((w) => w.id)).toEqual(['reg-track-1'])
      expect(ours(snapshot.asylnorskOffers).map((o) => o.id)).toEqual(['reg-offer-1'])
      // JSON columns come back as the lists they were.
      expect(ours(snapshot.registrations.replacements).map((r) => r.replacesMeasureIds)).toEqual([['m-a', 'm-b']])
      expect(ours(snapshot.registrations.absences).map((a) => a.rows)).toEqual([[{ typeCode: 'EIGENMELDING', days: 1, hours: null }]])
      expect(snapshot).toEqual(await registerSnapshot(register.db, personId))
    })

    test("A9 a decision written on the register reaches the device, whose evaluation then equals the register's", async () => {
      const personId = String(replicaSnapshot(device).person[1].id)
      // An NDJSON line's `type` names its entity, so a decision (which has a `type` of its own) is written the way a push will write it: under the change lock with its own seq.
      await register.db.transaction(async (tx) => {
        await takeChangeLock(tx)
        const [seq] = await nextSeqs(tx, 1)
        const row = { id: 'reg-decision-1', personId, scheme: 'norsk', type: 'NORSK_RETT_OG_PLIKT', result: 'innvilga', decisionDate: today, startDate: today } as const
        await tx.insert(decisions).values({ ...row, seq })
        await recomputeEvaluations(tx, [personId], today)
      })
      await sync()

      const snapshot = snapshotOnDevice(device.ctx.session!.replica, personId)!
      expect(ours(snapshot.registrations.decisions)).toEqual([
        {
          id: 'reg-decision-1',
          personId,
          scheme: 'norsk',
          type: 'NORSK_RETT_OG_PLIKT',
          result: 'innvilga',
          decisionDate: today,
          startDate: today,
          endDate: null,
          hours: null,
          reasonCode: null,
          reasonText: null,
          leaveType: null,
          leaveUnit: null,
          // The column's default (R5.4): a row written without the mark is not self-study.
          selfStudy: false,
          durationMonths: null,
          extensionMonths: null,
        },
      ])
      expect(snapshot).toEqual(await registerSnapshot(register.db, personId))
      const [stored] = await register.db.select().from(personEvaluations).where(eq(personEvaluations.personId, personId))
      const evaluation = value(await call(device, 'persons.get', { personId })).evaluation
      expect(evaluation).toEqual(evaluationAt(stored.result, stored.evaluatedOn))
      // R4: a granted decision moves the norsk status on from `kategori berekna`/`ingen`.
      expect(evaluation.schemes.norsk.status).not.toBe('ingen')
    })

    test('A4 a registration tombstoned on the register leaves the replica and the snapshot', async () => {
      const res = await importNdjson(register.db, ndjson({ type: 'weeklyParticipation', id: 'reg-week-1', deleted: true }), { actor: 'test' })
      expect(res.ok, JSON.stringify(res)).toBe(true)
      await sync()
      expect(ours(replicaSnapshot(device).weeklyParticipation)).toEqual([])
      expect(replicaSnapshot(device)).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
    })
  })
