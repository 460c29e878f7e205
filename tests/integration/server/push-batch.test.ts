import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDays, isoWeek } from '../../../src/shared/calendar'
import { evaluatePerson, osloDateOfMs, storedEvaluation } from '../../../src/shared/rules'
import type { PushMutation, PushResponse } from '../../../src/shared/sync'
import { DEMO_PASSWORD, importNdjson, serverSnapshot, startRegister } from '../../../src/server'
import { decisions, personEvaluations, weeklyParticipation } from '../../../src/server/db/schema'
import { nextSeqs, takeChangeLock } from '../../../src/server/sync/change-lock'
import { backends } from './backends'

/**
 * A4 push, one batch: the register loads the batch's persons once and keeps them current as
 * each mutation is applied (`PushBatchState`), commits the batch once, and stores the changed
 * persons' evaluations at its end. Every later mutation in the batch must be judged on the
 * state the earlier ones left — as if each had been its own transaction.
 */

const now = new Date()
const today = osloDateOfMs(now.getTime())
const personId = 'f7-batch-person'
const week = (back: number, id = randomUUID()) => {
  const w = isoWeek(addDays(today, -7 * back))
  return { id, personId, isoYear: w.year, isoWeek: w.week, norskHours: 4, samfunnHours: 1, absenceHours: 0 }
}

for (const backend of backends())
  describe(`push batch (A4) on ${backend.name}`, () => {
    let register: Awaited<ReturnType<typeof startRegister>>
    let token: string

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      // A person under the newer act (permit from 2021 on: no category, so no hours of its own)
      // with a needs-based Norwegian decision of 6 hours: one week of 5 fits, two do not (R6.4).
      const imported = await importNdjson(
        register.db,
        JSON.stringify({
          type: 'person',
          id: personId,
          duf: '202400098765',
          nationalId: null,
          regNumber: null,
          firstName: 'Batch',
          middleName: null,
          lastName: 'Person',
          birthDate: '1990-01-01',
          sex: 'M',
          closed: false,
          arrivalDate: addDays(today, -300),
          followUpMunicipality: '4601',
          followUpDistrict: null,
          followUpByAgreement: true,
          receptionCentre: null,
        }),
        { actor: 'test' },
      )
      expect(imported.ok).toBe(true)
      await register.db.transaction(async (tx) => {
        await takeChangeLock(tx)
        const [seq] = await nextSeqs(tx, 1)
        await tx.insert(decisions).values({
          id: 'f7-batch-decision',
          personId,
          scheme: 'norsk',
          type: 'NORSK_BEHOVSPROVD',
          result: 'innvilga',
          decisionDate: addDays(today, -200),
          startDate: addDays(today, -200),
          endDate: null,
          hours: 6,
          reasonCode: null,
          reasonText: null,
          leaveType: null,
          leaveUnit: null,
          version: 1,
          seq,
          deleted: false,
        })
      })
      const res = await fetch(`${register.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'norsk', password: DEMO_PASSWORD, deviceId: `batch-${backend.name}` }),
      })
      token = ((await res.json()) as { accessToken: string }).accessToken
    }, 120_000)
    afterAll(async () => {
      await register?.close()
    })

    const mutation = (seq: number, command: string, payload: { id: string }, extra: Partial<PushMutation> = {}): PushMutation => ({
      id: randomUUID(),
      seq,
      command,
      payload,
      contractVersion: 1,
      rulesVersion: 'test',
      naturalKey: null,
      baseVersions: { [`weeklyParticipation:${payload.id}`]: null },
      dependsOn: null,
      recordedAt: now.toISOString(),
      ...extra,
    })

    test('R6.4/A4 in one batch each mutation is judged on what the earlier ones applied: beyond the granted hours, then a delete frees them', async () => {
      const w1 = week(1)
      const w2 = week(2)
      const save1 = mutation(1, 'norsk.saveWeeklyParticipation', w1)
      const batch = [
        save1,
        // 5 + 5 > 6 granted: refused only if the first week is already counted.
        mutation(2, 'norsk.saveWeeklyParticipation', w2),
        // The row exists only through the first mutation of this batch.
        mutation(3, 'norsk.deleteWeeklyParticipation', { id: w1.id, personId } as { id: string }, { dependsOn: save1.id }),
        // With the first week gone the second fits.
        mutation(4, 'norsk.saveWeeklyParticipation', { ...w2, id: randomUUID() }),
      ]
      const res = await fetch(`${register.url}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId: 'x', lastSyncAt: null, mutations: batch }),
      })
      expect(res.status).toBe(200)
      const { results } = (await res.json()) as PushResponse
      expect(results.map((r) => [r.verdict, r.reasons.map((x) => x.code)])).toEqual([
        ['applied', []],
        ['rejected', ['HOURS_BEYOND_GRANTED']],
        ['applied', []],
        ['applied', []],
      ])
      const live = (await register.db.select().from(weeklyParticipation).where(eq(weeklyParticipation.personId, personId))).filter((r) => !r.deleted)
      expect(live.map((r) => r.isoWeek)).toEqual([w2.isoWeek])
      // A6: the stored evaluation is the one of the state the batch left.
      const [stored] = await register.db.select().from(personEvaluations).where(eq(personEvaluations.personId, personId))
      expect(stored.result).toEqual(storedEvaluation(evaluatePerson((await serverSnapshot(register.db, personId))!, today)))
    })
  })
