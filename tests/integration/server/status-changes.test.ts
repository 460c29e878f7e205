import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, asc, eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { addDays } from '../../../src/shared/calendar'
import type { MunicipalityReports } from '../../../src/shared/reports'
import { osloDateOfMs } from '../../../src/shared/rules'
import { openDatabase, readEvaluations, recomputeEvaluations, refreshDueEvaluations, startRegister, type RegisterDb } from '../../../src/server'
import { decisions, personEvaluations, persons } from '../../../src/server/db/schema'
import { nextSeqs, takeChangeLock } from '../../../src/server/sync/change-lock'
import { backends } from './backends'

/**
 * Issue 8 point 6, statuses: a stored `vedtak_fatta` turns `deltar` on the programme's start
 * with no write at all. The register stores `statusChangesOn` beside each evaluation and
 * re-evaluates the rows due — at its start (the clock option moves "today") and on every read
 * of stored evaluations. On PGlite (a data folder kept across the restart) and on PostgreSQL
 * when `TEST_DATABASE_URL` is set.
 */
const DAY_MS = 24 * 60 * 60 * 1000
const PASSWORD = 'demo1234'
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A granted programme starting on `start`, written as a push writes it, and the person evaluated as of `today`. */
async function grantProgramme(db: RegisterDb, personId: string, start: string, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    await takeChangeLock(tx)
    const [seq] = await nextSeqs(tx, 1)
    await tx.insert(decisions).values({
      id: `sc-${personId}`,
      personId,
      scheme: 'intro',
      type: 'INTRO_PROGRAM',
      result: 'innvilga',
      decisionDate: today,
      startDate: start,
      endDate: null,
      hours: null,
      reasonCode: null,
      reasonText: null,
      leaveType: null,
      leaveUnit: null,
      version: 1,
      seq: seq!,
      deleted: false,
    })
    await recomputeEvaluations(tx, [personId], today)
  })
}

const storedRow = async (db: RegisterDb, personId: string) => (await db.select().from(personEvaluations).where(eq(personEvaluations.personId, personId)))[0]!

for (const backend of backends())
  describe(`stored statuses stay true on ${backend.name}`, () => {
    test('issue 8 point 6 / R4: vedtak_fatta stored before the start reads deltar after it — at the register’s start, in its report, and on a read', async () => {
      const options =
        backend.name === 'pglite' ? { dataDir: (dirs.push(mkdtempSync(join(tmpdir(), 'nir-status-'))), dirs.at(-1)!) } : { databaseUrl: (await backend.options()).databaseUrl }
      const t0 = Date.now()
      const today = osloDateOfMs(t0)
      const start = addDays(today, 3)

      const first = await startRegister({ ...options, port: 0, demo: { persons: 60 }, now: () => t0 })
      let who: string[]
      try {
        who = (
          await first.db
            .select({ id: persons.id })
            .from(persons)
            .where(and(eq(persons.followUpMunicipality, '4601'), eq(persons.deleted, false)))
            .orderBy(asc(persons.id))
            .limit(2)
        ).map((r) => r.id)
        expect(who.length).toBe(2)
        await grantProgramme(first.db, who[0]!, start, today)
        const row = await storedRow(first.db, who[0]!)
        expect([row.result.schemes.intro.status, row.evaluatedOn, row.statusChangesOn]).toEqual(['vedtak_fatta', today, start])
        // Not due yet: a read leaves the row as it is.
        expect((await readEvaluations(first.db, [who[0]!], today)).get(who[0]!)!.schemes.intro.status).toBe('vedtak_fatta')
        expect((await storedRow(first.db, who[0]!)).computedAt).toEqual(row.computedAt)
      } finally {
        await first.close()
      }

      // Three days later the register starts again: its sweep re-evaluates the due row.
      const later = t0 + 3 * DAY_MS
      const second = await startRegister({ ...options, port: 0, now: () => later })
      try {
        const row = await storedRow(second.db, who[0]!)
        expect([row.result.schemes.intro.status, row.evaluatedOn, row.statusChangesOn]).toEqual(['deltar', start, null])

        const login = await fetch(`${second.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'super', password: PASSWORD, deviceId: 'status-test' }),
        })
        const { accessToken } = (await login.json()) as { accessToken: string }
        const res = await fetch(`${second.url}/reports/municipality/4601`, { headers: { authorization: `Bearer ${accessToken}` } })
        expect(res.status).toBe(200)
        const report = (await res.json()) as MunicipalityReports
        expect(report.today).toBe(start)
        const idsOf = (status: string) => report.statuses.find((r) => r.scheme === 'intro' && r.status === status)?.personIds ?? []
        expect(idsOf('deltar')).toContain(who[0])
        expect(idsOf('vedtak_fatta')).not.toContain(who[0])

        // A read on a later day than the store's: the due row is re-evaluated and stored before it is served.
        const next = addDays(start, 1)
        await grantProgramme(second.db, who[1]!, next, start)
        expect((await storedRow(second.db, who[1]!)).statusChangesOn).toBe(next)
        expect((await readEvaluations(second.db, [who[1]!], next)).get(who[1]!)!.schemes.intro.status).toBe('deltar')
        const refreshed = await storedRow(second.db, who[1]!)
        expect([refreshed.result.schemes.intro.status, refreshed.evaluatedOn]).toEqual(['deltar', next])
      } finally {
        await second.close()
      }
    }, 180_000)

    test('migration 0006: rows stored before it are due the day after their evaluation when the person has a decision or an ending, else null', async () => {
      // The register's migrations as they were before 0006, to store rows the old way.
      const old = mkdtempSync(join(tmpdir(), 'nir-migrations-'))
      dirs.push(old)
      cpSync('src/server/db/migrations', old, { recursive: true })
      const journalPath = join(old, 'meta', '_journal.json')
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
      const at = journal.entries.findIndex((e) => e.tag.startsWith('0006_'))
      expect(at).toBeGreaterThan(0)
      journal.entries = journal.entries.slice(0, at)
      writeFileSync(journalPath, JSON.stringify(journal))
      const options =
        backend.name === 'pglite' ? { dataDir: (dirs.push(mkdtempSync(join(tmpdir(), 'nir-upgrade-'))), dirs.at(-1)!) } : { databaseUrl: (await backend.options()).databaseUrl }
      const person = (id: string) => ({
        id,
        duf: id === 'up-1' ? '201900000101' : '201900000201',
        dufCheckFailed: false,
        firstName: 'Ada',
        lastName: 'Oppgradering',
        birthDate: '1990-01-01',
        sex: 'K' as const,
        closed: false,
        followUpMunicipality: '4601',
        followUpByAgreement: false,
        seq: 1,
      })
      const before = await openDatabase({ ...options, migrationsFolder: old })
      try {
        await before.db.insert(persons).values([person('up-1'), person('up-2')])
        // Raw SQL with the columns of that time: the table object has columns added after 0006 (self_study).
        await before.db.execute(
          sql`insert into decisions (id, person_id, scheme, type, result, decision_date, start_date, seq) values ('up-d', 'up-1', 'intro', 'INTRO_PROGRAM', 'innvilga', '2025-01-02', '2025-02-03', 2)`,
        )
        for (const id of ['up-1', 'up-2']) {
          await before.db.execute(
            sql`insert into person_evaluations (person_id, rules_version, evaluated_on, result) values (${id}, 'old', '2025-01-10', '{"rulesVersion":"old"}'::jsonb)`,
          )
        }
      } finally {
        await before.close()
      }
      const after = await openDatabase(options)
      try {
        const rows = new Map((await after.db.select().from(personEvaluations)).map((r) => [r.personId, r.statusChangesOn]))
        expect(Object.fromEntries(rows)).toEqual({ 'up-1': '2025-01-11', 'up-2': null })
        // The first sweep re-evaluates the due person with today's rules: still before the start.
        expect(await refreshDueEvaluations(after.db, '2025-01-11')).toBe(1)
        const [row] = await after.db.select().from(personEvaluations).where(eq(personEvaluations.personId, 'up-1'))
        expect([row!.result.schemes.intro.status, row!.statusChangesOn]).toEqual(['vedtak_fatta', '2025-02-03'])
      } finally {
        await after.close()
      }
    }, 180_000)
  })
