import { randomUUID } from 'node:crypto'
import { eq, inArray, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDays, isoWeek } from '../../../src/shared/calendar'
import { osloDateOfMs } from '../../../src/shared/rules'
import type { PushMutation, PushRequest } from '../../../src/shared/sync'
import { importNdjson, type OpenedDatabase, type RegisterDb } from '../../../src/server'
import * as schema from '../../../src/server/db/schema'
import { auditLog, decisions, mutations, pushDevices, weeklyParticipation } from '../../../src/server/db/schema'
import { nextSeqs, takeChangeLock } from '../../../src/server/sync/change-lock'
import { push, type Pusher } from '../../../src/server/sync/push'
import { backends } from './backends'

/**
 * Issue 7 point 10 (A4 push at ≥ 1,000 mutations/s): a push request costs a constant number
 * of database round trips however many mutations it carries — everything read in one go,
 * judged in memory, written as a few multi-row statements. Counted with a drizzle logger on
 * the register's own connection, so a per-mutation query creeping back in fails here. And if
 * the bulk write fails, the batch runs again one by one: what was before the failing mutation
 * is kept once, nothing is applied twice.
 */

const now = new Date()
const today = osloDateOfMs(now.getTime())
const PERSONS = ['q-person-1', 'q-person-2', 'q-person-3']

function person(id: string, i: number): string {
  return JSON.stringify({
    type: 'person',
    id,
    duf: `20240009876${i}`,
    nationalId: null,
    regNumber: null,
    firstName: 'Query',
    middleName: null,
    lastName: `Person ${i}`,
    birthDate: '1990-01-01',
    sex: 'M',
    closed: false,
    arrivalDate: addDays(today, -1000),
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: true,
    receptionCentre: null,
  })
}

/** `n` weekly saves (seq 1…n) spread over the persons, each a new row of its own week: the `week`-th save of the file onwards. */
function saves(n: number, week: number): PushMutation[] {
  return Array.from({ length: n }, (_, i) => {
    const w = isoWeek(addDays(today, -7 * (Math.floor((week + i) / PERSONS.length) + 1)))
    const id = randomUUID()
    return {
      id: randomUUID(),
      seq: i + 1,
      command: 'norsk.saveWeeklyParticipation',
      payload: { id, personId: PERSONS[(week + i) % PERSONS.length], isoYear: w.year, isoWeek: w.week, norskHours: 4, samfunnHours: 1, absenceHours: 0 },
      contractVersion: 1,
      rulesVersion: 'test',
      naturalKey: null,
      baseVersions: { [`weeklyParticipation:${id}`]: null },
      dependsOn: null,
      recordedAt: now.toISOString(),
    }
  })
}

for (const backend of backends())
  describe(`push round trips (A4, issue 7 point 10) on ${backend.name}`, () => {
    let opened: OpenedDatabase
    let counted: RegisterDb
    const log: string[] = []
    const who = (deviceId: string): Pusher => ({
      id: 'u-etterreg',
      username: 'etterreg',
      municipality: '4601',
      district: null,
      roles: ['kommunenorsk', 'kommuneetterregistrering'],
      deviceId,
    })

    beforeAll(async () => {
      opened = await backend.open()
      // The same connection as the register's, with a logger that sees every statement (begin and commit too).
      const client = (opened.db as unknown as { $client: unknown }).$client
      const logger = { logQuery: (q: string) => void log.push(q) }
      counted = (opened.kind === 'postgres' ? drizzlePg(client as never, { schema, logger }) : drizzlePglite(client as never, { schema, logger })) as unknown as RegisterDb
      const imported = await importNdjson(opened.db, PERSONS.map(person).join('\n'), { actor: 'test' })
      expect(imported.ok).toBe(true)
      await opened.db.transaction(async (tx) => {
        await takeChangeLock(tx)
        const seqs = await nextSeqs(tx, PERSONS.length)
        await tx.insert(decisions).values(
          PERSONS.map((personId, i) => ({
            id: `q-decision-${i}`,
            personId,
            scheme: 'norsk' as const,
            type: 'NORSK_BEHOVSPROVD' as const,
            result: 'innvilga' as const,
            decisionDate: addDays(today, -730),
            startDate: addDays(today, -730),
            endDate: null,
            hours: 100_000,
            reasonCode: null,
            reasonText: null,
            leaveType: null,
            leaveUnit: null,
            version: 1,
            seq: seqs[i],
            deleted: false,
          })),
        )
      })
    }, 120_000)
    afterAll(async () => {
      await opened?.db.execute(sql`drop trigger if exists q_boom on weekly_participation`).catch(() => undefined)
    })

    const pushCounted = async (req: PushRequest, deviceId: string) => {
      log.length = 0
      const res = await push(counted, who(deviceId), req, now, (e) => {
        throw e
      })
      return { res, queries: log.length }
    }

    test('A4 a request of 5, 30 or 90 new weekly saves costs the same number of round trips, and every save is applied', async () => {
      const counts: number[] = []
      for (const [i, [n, week]] of [
        [5, 0],
        [30, 5],
        [90, 35],
      ].entries()) {
        const batch = saves(n, week)
        const { res, queries } = await pushCounted({ deviceId: `q-${i}`, lastSyncAt: null, mutations: batch }, `q-${i}`)
        expect(res.results.map((r) => r.verdict)).toEqual(batch.map(() => 'applied'))
        counts.push(queries)
      }
      expect(counts[1]).toBe(counts[0])
      expect(counts[2]).toBe(counts[0])
      // begin, the change lock, one read, the sequence values, rows, mutations, audit entries, the
      // device's seq, the stored evaluations (from the bundles in memory), commit.
      expect(counts[0]).toBeLessThanOrEqual(10)
    })

    test('A4 a request answered entirely from storage (a resend) reads once and writes nothing', async () => {
      const batch = saves(20, 125)
      const first = await pushCounted({ deviceId: 'q-resend', lastSyncAt: null, mutations: batch }, 'q-resend')
      const again = await pushCounted({ deviceId: 'q-resend', lastSyncAt: null, mutations: batch }, 'q-resend')
      expect(again.res).toEqual(first.res)
      expect(again.queries).toBeLessThanOrEqual(5)
      expect(log.filter((q) => /^\s*(insert|update|delete)/i.test(q))).toEqual([])
    })

    test('A4 a bulk write that fails (a database error on the 4th row) is rolled back and the batch runs one by one: the 3 before it are kept once, the request fails, and the resend applies the rest exactly once', async () => {
      const batch = saves(6, 145)
      const bad = (batch[3].payload as { id: string }).id
      // A real PostgreSQL error on one row, as a constraint the rules do not know would raise.
      await opened.db.execute(
        sql.raw(`create or replace function q_boom() returns trigger language plpgsql as $$ begin if new.id = '${bad}' then raise exception 'q_boom'; end if; return new; end $$`),
      )
      await opened.db.execute(sql`create trigger q_boom before insert or update on weekly_participation for each row execute function q_boom()`)
      const req = { deviceId: 'q-fallback', lastSyncAt: null, mutations: batch }
      const fellBack: unknown[] = []
      const failed = await push(opened.db, who('q-fallback'), req, now, (e) => fellBack.push(e)).then(
        () => null,
        (e: unknown) => e as Error & { cause?: unknown },
      )
      expect(String(failed?.cause)).toMatch(/q_boom/)
      expect(fellBack).toHaveLength(1)
      const ids = batch.map((m) => m.id)
      const kept = await opened.db.select().from(mutations).where(inArray(mutations.id, ids))
      expect(kept.map((r) => r.id).sort()).toEqual(ids.slice(0, 3).sort())
      const [device] = await opened.db.select().from(pushDevices).where(eq(pushDevices.deviceId, 'q-fallback'))
      expect(device.lastSeq).toBe(3)

      await opened.db.execute(sql`drop trigger q_boom on weekly_participation`)
      const resent = await push(opened.db, who('q-fallback'), req, now)
      expect(resent.results.map((r) => r.verdict)).toEqual(batch.map(() => 'applied'))
      // The first three are answered from storage with their stored responses, not applied again.
      expect(resent.results.slice(0, 3)).toEqual(kept.sort((a, b) => a.seq - b.seq).map((r) => r.response))
      const rows = await opened.db
        .select()
        .from(weeklyParticipation)
        .where(
          inArray(
            weeklyParticipation.id,
            batch.map((m) => (m.payload as { id: string }).id),
          ),
        )
      expect(rows.map((r) => r.version)).toEqual(batch.map(() => 1))
      const audits = await opened.db.select().from(auditLog).where(eq(auditLog.deviceId, 'q-fallback'))
      expect(audits.map((a) => (a.details as { mutationId: string }).mutationId).sort()).toEqual([...ids].sort())
    })
  })
