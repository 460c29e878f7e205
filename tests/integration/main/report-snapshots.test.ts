import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateDemoNdjson } from '../../../src/server/demo/generate'
import { addDays, isoWeek } from '../../../src/shared/calendar'
import { initialCodeLists } from '../../../src/shared/reference/initial-code-lists'
import { municipalityReports, reportEvaluationOf, type ReportPerson } from '../../../src/shared/reports'
import { evaluatePerson, snapshotFromBase } from '../../../src/shared/rules'
import type { Change } from '../../../src/shared/sync'
import { openReplica, type Replica } from '../../../src/main/db/open'
import * as t from '../../../src/main/db/schema'
import { applyPage } from '../../../src/main/sync/apply'
import { toDomain } from '../../../src/main/db/entities'
import { offersOnDevice, ruleCodeLists, snapshotOnDevice } from '../../../src/main/services/evaluation'
import { loadBundle } from '../../../src/main/services/person-rows'
import { forgetReportEntries, keptAverageOf, readReportSnapshots, reportEntries, type ReportEntriesStats } from '../../../src/main/services/report-snapshots'

/**
 * Issue 8 point 9: the reports' fast path on the device (`report-snapshots.ts`: only the rows
 * the rules read, one query per table, kept evaluations) gives exactly what evaluating every
 * person from the full bundle `persons.get` loads gives, on a varied replica — and a kept
 * evaluation is never served after a write to its person.
 */

const TODAY = '2026-10-01'
const M = '4601'
type Upsert = Change & { kind: 'upsert' }

let dir: string
let key: Buffer
let replica: Replica
let seq = 1

function pull(changes: Change[]): void {
  applyPage(replica, [{ seq: seq++, changes }], { cursor: { epoch: 'test', seq }, serverTime: new Date().toISOString(), serverOffsetMs: 0, complete: true })
}
const upsert = (entity: Upsert['entity'], data: Record<string, unknown>, version = 1): Change => ({ kind: 'upsert', entity, id: String(data.id), version, data })

/** Registrations of every kind, varied by the person's index, so every list of the snapshot is read. */
function registrationsFor(personId: string, i: number): Change[] {
  const start = addDays(TODAY, -((i * 37) % 500) - 20)
  const week = (d: string) => isoWeek(d)
  const out: Change[] = []
  const decision = (id: string, scheme: string, type: string, extra: Record<string, unknown> = {}) =>
    out.push(
      upsert('decision', {
        id,
        personId,
        scheme,
        type,
        result: 'innvilga',
        decisionDate: addDays(start, -7),
        startDate: start,
        endDate: null,
        hours: null,
        reasonCode: null,
        reasonText: null,
        leaveType: null,
        leaveUnit: null,
        ...extra,
      }),
    )
  switch (i % 6) {
    case 0: {
      decision(`${personId}-di`, 'intro', 'INTRO_PROGRAM')
      for (let k = 0; k < 3; k++)
        out.push(
          upsert('measure', {
            id: `${personId}-m${k}`,
            personId,
            groupCode: 'NORSK',
            measureCode: 'GRUNNLEGGANDE_NORSK',
            fromDate: addDays(start, k * 60),
            toDate: addDays(start, k * 60 + 59),
            hoursPerWeek: k === 1 ? 15 + (i % 20) : 37.5,
          }),
        )
      out.push(
        upsert('replacement', {
          id: `${personId}-r`,
          personId,
          fromDate: addDays(start, 10),
          toDate: addDays(start, 20),
          replacesMeasureIds: [`${personId}-m0`],
          groupCode: 'ARBEID',
          measureCode: 'SPRAKPRAKSIS',
          hoursPerWeek: 20,
        }),
        upsert('absence', {
          id: `${personId}-a`,
          personId,
          fromDate: addDays(start, 30),
          toDate: addDays(start, 34),
          rows: [
            { typeCode: 'EIGENMELDING', days: 1 + (i % 3), hours: null },
            { typeCode: 'VELFERD', days: null, hours: 2.5 },
          ],
        }),
        upsert('holiday', { id: `${personId}-h`, personId, fromDate: addDays(start, 40), toDate: addDays(start, 44), kind: 'ferie' }),
        upsert('parentalLeaveAbsence', {
          id: `${personId}-p`,
          personId,
          fromDate: addDays(start, 50),
          toDate: addDays(start, 52),
          typeCode: 'FODSEL',
          reason: i % 2 ? 'grunn' : null,
        }),
      )
      if (i % 4 === 0)
        out.push(upsert('ending', { id: `${personId}-e`, personId, endDate: addDays(TODAY, -(i % 90)), reasonCode: i % 8 ? 'ARBEID' : 'UTDANNING', hoursPerWeek: null }))
      break
    }
    case 1:
      decision(`${personId}-dn`, 'norsk', 'NORSK_PLIKT', { hours: 300 })
      for (let k = 0; k < 4; k++) {
        const w = week(addDays(start, k * 7))
        out.push(
          upsert('weeklyParticipation', { id: `${personId}-w${k}`, personId, isoYear: w.year, isoWeek: w.week, norskHours: 6, samfunnHours: k % 2 ? 2 : 0, absenceHours: 1 }),
        )
      }
      out.push(
        upsert('languageTrack', { id: `${personId}-l`, personId, date: start, motherTongue: 'tir', language1: 'ara', language2: i % 2 ? 'eng' : null, track: '2' }),
        upsert('contact', { id: `${personId}-c`, personId, scheme: 'norsk', date: addDays(start, -30) }),
        upsert('claim', { id: `${personId}-k`, personId, scheme: 'norsk', date: addDays(start, -20), kind: 'NORSKOPPLAERING' }),
        // R12.3.2 / R12.2.6: a 2021 registration (JSON fact) and a delivered test result, both rules input.
        upsert('int2021Registration', {
          id: `${personId}-i`,
          personId,
          date: start,
          recordedAt: `${start}T08:00:00.000Z`,
          fact: { kind: 'educationBackground', background: 'GRUNNSKULE' },
        }),
        upsert('testResult', { id: `${personId}-t`, personId, part: 'NORSK_MUNNLEG', level: 'B1', testDate: start }),
      )
      break
    case 2: {
      const w = week(addDays(TODAY, -14))
      out.push(upsert('asylnorskParticipation', { id: `${personId}-as`, personId, isoYear: w.year, isoWeek: w.week, kind: 'ASYLNORSK', hours: 4 }))
      break
    }
    case 3:
      decision(`${personId}-dx`, 'intro', 'INTRO_PROGRAM', { result: 'avslag', startDate: null, reasonCode: 'ANNA', reasonText: 'fritekst' })
      out.push(upsert('contact', { id: `${personId}-ci`, personId, scheme: 'intro', date: addDays(start, -3) }))
      break
    case 4:
      decision(`${personId}-dn`, 'norsk', 'NORSK_RETT_OG_PLIKT', { hours: 550 })
      decision(`${personId}-dp`, 'norsk', 'NORSK_PERMISJON', { startDate: addDays(TODAY, -10), endDate: addDays(TODAY, 30), leaveType: 'FODSEL', leaveUnit: 'kalenderdagar' })
      break
    default:
      // Settled lately (R5.1, R6.2): open start deadlines due within 90 days, and some overdue.
      out.push(upsert('settlement', { id: `${personId}-s`, personId, date: addDays(TODAY, -20 - (i % 150)), municipality: M, byAgreement: true, familyReunification: false }))
      break
  }
  return out
}

/** Every person in scope evaluated from their full bundle (`loadBundle`, as `persons.get`): the reference. */
function fromFullBundles(today: string, district: string | null = null): ReportPerson[] {
  const codeLists = ruleCodeLists(replica)
  return replica.db
    .select()
    .from(t.persons)
    .where(
      and(
        eq(t.persons.followUpMunicipality, M),
        district ? eq(t.persons.followUpDistrict, district) : undefined,
        eq(t.persons.deleted, false),
        eq(t.persons.cachedReadOnly, false),
        eq(t.persons.keptAfterScopeExit, false),
      ),
    )
    .all()
    .map((p) => {
      const snapshot = snapshotFromBase(loadBundle(replica, p), codeLists)
      // What the reports read of the evaluation (the kept entries hold only that).
      return { snapshot, evaluation: reportEvaluationOf(evaluatePerson(snapshot, today)) }
    })
}

const periods = [
  { fromDate: '2026-01-01', toDate: TODAY },
  { fromDate: addDays(TODAY, -400), toDate: addDays(TODAY, -30) },
]

/** The fast path's reports equal the reference's for every period, and each person's snapshot and evaluation are equal. */
function expectSameAsFullBundles(today: string, district: string | null = null, stats?: ReportEntriesStats) {
  const fast = reportEntries(replica, M, district, today, stats)
  const ref = fromFullBundles(today, district)
  expect(fast.length).toBe(ref.length)
  const byId = new Map(fast.map((e) => [e.snapshot.person.id, e]))
  for (const r of ref) {
    const f = byId.get(r.snapshot.person.id)
    expect(f?.snapshot, r.snapshot.person.id).toEqual(r.snapshot)
    expect(f?.evaluation, r.snapshot.person.id).toEqual(r.evaluation)
  }
  for (const period of periods) {
    expect(municipalityReports(fast, today, period, keptAverageOf)).toEqual(municipalityReports(ref, today, period))
    // twice: the second time from the kept averages
    expect(municipalityReports(fast, today, period, keptAverageOf)).toEqual(municipalityReports(ref, today, period))
  }
  return { fast, ref }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nir-report-snapshots-'))
  key = randomBytes(32)
  replica = openReplica({ file: join(dir, 'replica.db'), key })
  const lines = generateDemoNdjson({
    seed: 7,
    today: TODAY,
    municipalities: [
      { code: M, count: 180 },
      { code: '0301', count: 20 },
    ],
  })
    .trim()
    .split('\n')
  const changes: Change[] = initialCodeLists.map((c) => upsert('codeList', c as unknown as Record<string, unknown>))
  let i = 0
  for (const line of lines) {
    const { type, ...data } = JSON.parse(line) as { type: Upsert['entity'] } & Record<string, unknown>
    changes.push(upsert(type, data))
    if (type === 'person') changes.push(...registrationsFor(String(data.id), i++))
  }
  pull(changes)
  // Persons outside the report's scope though they are in the municipality (R9, A4).
  const ids = replica.db.select({ id: t.persons.id }).from(t.persons).where(eq(t.persons.followUpMunicipality, M)).limit(3).all()
  replica.db.update(t.persons).set({ cachedReadOnly: true }).where(eq(t.persons.id, ids[0]!.id)).run()
  replica.db.update(t.persons).set({ keptAfterScopeExit: true }).where(eq(t.persons.id, ids[1]!.id)).run()
  pull([{ kind: 'delete', entity: 'person', id: ids[2]!.id, version: 2 }])
  // A tombstoned registration must not count.
  const m = replica.db.select({ id: t.measures.id }).from(t.measures).limit(1).get()!
  pull([{ kind: 'delete', entity: 'measure', id: m.id, version: 2 }])
})

afterAll(() => {
  replica?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('issue 8 point 9: municipality reports from the fast path', () => {
  test('D11 the first opening equals evaluating every person from full bundles (all lists, tombstones and out-of-scope persons left out)', () => {
    forgetReportEntries(replica)
    const stats = {} as ReportEntriesStats
    const { fast } = expectSameAsFullBundles(TODAY, null, stats)
    expect(stats).toEqual({ evaluated: fast.length, reread: 'all' })
    // Not vacuous: every registration list and every report has rows.
    const lists = new Set(fast.flatMap((e) => Object.entries(e.snapshot.registrations).flatMap(([k, v]) => (v.length ? [k] : []))))
    expect([...lists].sort()).toEqual(Object.keys(fast[0]!.snapshot.registrations).sort())
    expect(fast.some((e) => e.snapshot.settlements.length && e.snapshot.addresses?.length && e.snapshot.permits.length)).toBe(true)
    expect(fast.some((e) => e.snapshot.testResults?.length)).toBe(true)
    const r = municipalityReports(fast, TODAY, periods[0])
    for (const k of ['statuses', 'deadlinesDue', 'overdueStarts', 'belowNorm', 'absence', 'endings'] as const) expect(r[k].length, k).toBeGreaterThan(0)
    expect(fast.length).toBeLessThan(180)
  })

  test('D11 a district gets its own persons only, equal to the reference', () => {
    const district = replica.db
      .select({ d: t.persons.followUpDistrict })
      .from(t.persons)
      .where(eq(t.persons.followUpMunicipality, M))
      .all()
      .find((r) => r.d)!.d!
    const { fast } = expectSameAsFullBundles(TODAY, district)
    expect(fast.length).toBeGreaterThan(0)
    expect(fast.every((e) => e.snapshot.person.followUpDistrict === district)).toBe(true)
  })

  test('a second opening with nothing written evaluates nobody', () => {
    const stats = {} as ReportEntriesStats
    expectSameAsFullBundles(TODAY, null, stats)
    expect(stats).toEqual({ evaluated: 0, reread: 'none' })
  })

  const inScope = and(eq(t.persons.followUpMunicipality, M), eq(t.persons.deleted, false), eq(t.persons.cachedReadOnly, false), eq(t.persons.keptAfterScopeExit, false))
  const anyPerson = (n: number) => replica.db.select({ id: t.persons.id }).from(t.persons).where(inScope).all()[n]!.id
  /** A row of `table` (live) whose person is in the report's scope. */
  const rowInScope = <T extends typeof t.measures | typeof t.decisions>(table: T) =>
    replica.db
      .select({ row: table })
      .from(table)
      .innerJoin(t.persons, eq(t.persons.id, table.personId))
      .where(and(inScope, eq(table.deleted, false)))
      .get()!.row
  const intro = () =>
    replica.db
      .select({ id: t.persons.id })
      .from(t.decisions)
      .innerJoin(t.persons, eq(t.persons.id, t.decisions.personId))
      .where(and(inScope, eq(t.decisions.type, 'INTRO_PROGRAM'), eq(t.decisions.result, 'innvilga')))
      .get()!.id

  // Each write is followed by an opening that must show it: the kept evaluations are never stale.
  test.each<[string, () => void, number]>([
    [
      'a save on the device (a row written as `mutating` writes it) ends a programme: the ending shows',
      () => {
        const personId = intro()
        replica.db
          .insert(t.endings)
          .values({ id: `${personId}-new-end`, personId, endDate: addDays(TODAY, -1), reasonCode: 'UTDANNING', hoursPerWeek: null, serverVersion: null, deleted: false })
          .run()
      },
      1,
    ],
    [
      'a pull changes a measure’s hours: the average changes',
      () => {
        const m = rowInScope(t.measures)
        pull([
          upsert('measure', { id: m.id, personId: m.personId, groupCode: m.groupCode, measureCode: m.measureCode, fromDate: m.fromDate, toDate: m.toDate, hoursPerWeek: 3 }, 5),
        ])
      },
      1,
    ],
    [
      'a pull tombstones a decision',
      () => {
        const d = rowInScope(t.decisions)
        pull([{ kind: 'delete', entity: 'decision', id: d.id, version: 9 }])
      },
      1,
    ],
    [
      'a person moves to another municipality: they leave the report',
      () => {
        replica.db
          .update(t.persons)
          .set({ followUpMunicipality: '0301' })
          .where(eq(t.persons.id, anyPerson(4)))
          .run()
      },
      0,
    ],
    ['a scope exit removes a person and their rows', () => pull([{ kind: 'scopeExit', personId: anyPerson(5) } as Change]), 0],
    [
      'a permit changes its ground: the categories change',
      () => {
        const personId = anyPerson(6)
        const p = replica.db.select().from(t.permits).where(eq(t.permits.personId, personId)).get()
        if (p) replica.db.update(t.permits).set({ groundCode: 'UTL38_5' }).where(eq(t.permits.id, p.id)).run()
        else
          replica.db
            .insert(t.permits)
            .values({
              id: `${personId}-np`,
              personId,
              groundCode: 'UTL38_5',
              permitType: 'x',
              legalBasis: 'y',
              validFrom: '2025-01-01',
              validTo: null,
              grantedDate: '2025-01-01',
              serverVersion: null,
              deleted: false,
            })
            .run()
      },
      1,
    ],
  ])('never stale: %s', (_name, write, evaluated) => {
    write()
    const stats = {} as ReportEntriesStats
    expectSameAsFullBundles(TODAY, null, stats)
    expect(stats).toEqual({ evaluated, reread: 'changed' })
  })

  test('a save changes the next report’s figures (not only its inputs)', () => {
    const personId = intro()
    const before = municipalityReports(reportEntries(replica, M, null, TODAY), TODAY, periods[0])
    replica.db
      .insert(t.absences)
      .values({
        id: `${personId}-new-abs`,
        personId,
        fromDate: addDays(TODAY, -9),
        toDate: addDays(TODAY, -8),
        rows: [{ typeCode: 'SJUKDOM', days: 2, hours: null }],
        serverVersion: null,
        deleted: false,
      })
      .run()
    const after = municipalityReports(reportEntries(replica, M, null, TODAY), TODAY, periods[0])
    const days = (r: typeof before) => r.absence.find((a) => a.typeCode === 'SJUKDOM')?.days ?? 0
    expect(days(after)).toBe(days(before) + 2)
  })

  test('another day re-evaluates every kept person from the kept snapshots, as of that day', () => {
    const stats = {} as ReportEntriesStats
    const { fast } = expectSameAsFullBundles(addDays(TODAY, 45), null, stats)
    expect(stats).toEqual({ evaluated: fast.length, reread: 'none' })
  })

  test('changed rule code lists read and evaluate everyone again', () => {
    const ground = replica.db.select().from(t.codeLists).where(eq(t.codeLists.list, 'permitGround')).get()!
    pull([upsert('codeList', { ...toDomain('codeList', ground), nameNn: `${ground.nameNn} (endra)` }, 7)])
    const stats = {} as ReportEntriesStats
    const { fast } = expectSameAsFullBundles(addDays(TODAY, 45), null, stats)
    expect(stats).toEqual({ evaluated: fast.length, reread: 'all' })
  })

  test('a write by another connection to the file (no trigger of ours sees it) reads everyone again', () => {
    const other = new Database(join(dir, 'replica.db'))
    other.pragma(`key = "x'${key.toString('hex')}'"`)
    other.prepare('UPDATE measures SET hours_per_week = 1 WHERE deleted = 0 AND id = (SELECT min(id) FROM measures WHERE deleted = 0)').run()
    other.close()
    const stats = {} as ReportEntriesStats
    const { fast } = expectSameAsFullBundles(addDays(TODAY, 45), null, stats)
    expect(stats).toEqual({ evaluated: fast.length, reread: 'all' })
  })

  test('readReportSnapshots by id reads only those persons in scope', () => {
    const inScope = anyPerson(0)
    const other = replica.db.select({ id: t.persons.id }).from(t.persons).where(eq(t.persons.followUpMunicipality, '0301')).get()!.id
    const got = readReportSnapshots(replica, M, ruleCodeLists(replica), [inScope, other, 'no-such-person'])
    expect([...got.keys()]).toEqual([inScope])
  })

  test('issue 7 a save reads its person with the same readers: every live person (any municipality, cached or kept) gives the snapshot of their full bundle', () => {
    const all = replica.db.select().from(t.persons).where(eq(t.persons.deleted, false)).all()
    expect(new Set(all.map((p) => p.followUpMunicipality)).size).toBeGreaterThan(1)
    const codeLists = ruleCodeLists(replica)
    let withRegistrations = 0
    for (const p of all) {
      const expected = snapshotFromBase(loadBundle(replica, p), codeLists, offersOnDevice(replica, p.followUpMunicipality))
      expect(snapshotOnDevice(replica, p.id), p.id).toEqual(expected)
      if (Object.values(expected.registrations).some((l) => l.length)) withRegistrations++
    }
    expect(withRegistrations).toBeGreaterThan(10)
    // A person deleted by the register, or never pulled, has no snapshot.
    const gone = replica.db.select({ id: t.persons.id }).from(t.persons).where(eq(t.persons.deleted, true)).get()
    if (gone) expect(snapshotOnDevice(replica, gone.id)).toBeNull()
    expect(snapshotOnDevice(replica, 'no-such-person')).toBeNull()
  })
})
