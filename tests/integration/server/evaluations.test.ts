import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { storedEvaluationSchema } from '../../../src/shared/domain/evaluation'
import { initialCodeLists } from '../../../src/shared/reference/initial-code-lists'
import { addDays } from '../../../src/shared/calendar'
import { evaluatePerson, RULES_VERSION, storedEvaluation, type Deadline } from '../../../src/shared/rules'
import { importNdjson, osloToday, readEvaluations, recomputeAll, serverSnapshot } from '../../../src/server'
import type { RegisterDb } from '../../../src/server'
import { personEvaluations, persons } from '../../../src/server/db/schema'
import { backends } from './backends'
import { parseLines, personsOf, smallFeed, TODAY, toText, type Line } from './fixtures'

const stored = async (db: RegisterDb) => new Map((await db.select().from(personEvaluations)).map((r) => [r.personId, r]))

async function imported(db: RegisterDb, lines: Line[], today = TODAY) {
  const res = await importNdjson(db, toText(lines), { actor: 'test', today })
  if (!res.ok) throw new Error(JSON.stringify(res.errors))
  return res.summary
}

/** Each stored row equals what the rules give now on the register's own snapshot. */
async function expectFresh(db: RegisterDb, ids: string[], today: string) {
  const rows = await stored(db)
  for (const id of ids) {
    const snapshot = await serverSnapshot(db, id)
    expect(rows.get(id)?.result, id).toEqual(storedEvaluation(evaluatePerson(snapshot!, today)))
  }
}

describe.each(backends())('person evaluations on $name', (backend) => {
  test('A6 an import evaluates every person with RULES_VERSION as of today in Oslo, and the result is the rules output', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    const before = osloToday()
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    const after = osloToday()
    const ids = personsOf(lines).map((p) => String(p.id))
    expect(res.ok && res.summary.evaluated).toBe(ids.length)
    const rows = await stored(db)
    expect([...rows.keys()].sort()).toEqual([...ids].sort())
    for (const r of rows.values()) {
      expect(r.rulesVersion).toBe(RULES_VERSION)
      expect([before, after]).toContain(r.evaluatedOn)
      expect(storedEvaluationSchema.safeParse(r.result).success).toBe(true)
    }
    await expectFresh(db, ids, rows.get(ids[0])!.evaluatedOn)
    expect([...rows.values()].some((r) => r.result.categories.length > 0)).toBe(true)
  })

  test('A6 a re-import that changes one person’s permit recomputes that person only', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    await imported(db, lines)
    const first = await stored(db)
    // An asylum seeker (no intro or norsk category) granted a residence permit (R3.1): those categories appear.
    const permitsOf = (id: unknown) => lines.filter((l) => l.type === 'permit' && l.personId === id)
    const permit = lines.find((l) => l.type === 'permit' && l.groundCode === 'ASYLSOKAR' && permitsOf(l.personId).length === 1)!
    const changed = { ...permit, groundCode: 'UTL28', grantedDate: '2025-05-01', validFrom: '2025-05-01', validTo: '2028-04-30' }
    const summary = await imported(
      db,
      lines.map((l) => (l === permit ? changed : l)),
    )
    expect([summary.updated, summary.evaluated]).toEqual([1, 1])
    const second = await stored(db)
    const personId = String(permit.personId)
    for (const [id, row] of second) {
      if (id === personId) expect(row.computedAt.getTime()).toBeGreaterThan(first.get(id)!.computedAt.getTime())
      else expect(row, id).toEqual(first.get(id))
    }
    // As a seeker in reception the person has only an asylnorsk category (R12.2.8 `mottak_plikt`
    // for an application from 2021); the permit gives the intro and norsk ones.
    const settled = (id: string, rows: typeof first) => rows.get(id)!.result.categories.filter((c) => c.scheme !== 'asylnorsk')
    expect(settled(personId, first)).toEqual([])
    expect(settled(personId, second).length).toBeGreaterThan(0)
    await expectFresh(db, [personId], TODAY)
  })

  test('A6 an unchanged re-import computes nothing', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    await imported(db, lines)
    const first = await stored(db)
    expect((await imported(db, lines, '2025-07-01')).evaluated).toBe(0)
    expect(await stored(db)).toEqual(first)
  })

  const permitGround = initialCodeLists.find((e) => e.list === 'permitGround')!
  const country = initialCodeLists.find((e) => e.list === 'country')!
  test.each([
    { list: 'permitGround', entry: permitGround, everyone: true },
    { list: 'country', entry: country, everyone: false },
  ])('A6 a changed $list code-list entry re-evaluates every person: $everyone', async ({ entry, everyone }) => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    await imported(db, lines)
    const summary = await imported(db, [{ type: 'codeList', ...entry, nameNb: `${entry.nameNb} (endra)` }])
    expect(summary.evaluated).toBe(everyone ? personsOf(lines).length : 0)
  })

  test('R11.5 / issue 8 point 6: an evaluation stored yesterday reads today with today’s days left and overdue, from its stored dates', async () => {
    const { db } = await backend.open()
    // One refugee under the 2020 act, settled by agreement 2020-08-01: start deadline 2020-11-01 (R5.1).
    const feed = parseLines(smallFeed())
    const who = feed.find((l) => l.type === 'settlement' && l.byAgreement)!.personId
    const lines = feed.map((l) => {
      if (l.type === 'person' && l.id === who) return { ...l, arrivalDate: '2020-05-01' }
      if (l.type === 'permit' && l.personId === who) return { ...l, groundCode: 'UTL28', validFrom: '2020-06-01', grantedDate: '2020-06-01', validTo: null }
      if (l.type === 'settlement' && l.personId === who) return { ...l, date: '2020-08-01' }
      return l
    })
    const today = '2020-11-02'
    const yesterday = addDays(today, -1)
    await imported(db, lines, yesterday)
    const ids = personsOf(lines).map((p) => String(p.id))
    const rows = await stored(db)
    const deadlinesOf = (e: { schemes: Record<string, { deadlines: object[] }> }) => Object.values(e.schemes).flatMap((r) => r.deadlines)
    // stored: dates only — nothing in the row depends on the day it is read
    for (const r of rows.values()) for (const d of deadlinesOf(r.result)) expect(Object.keys(d).sort()).toEqual(['date', 'explanation', 'key', 'metOn'])
    const read = await readEvaluations(db, ids, today)
    let compared = 0
    for (const id of ids) {
      const fresh = evaluatePerson((await serverSnapshot(db, id))!, today)
      const then = evaluatePerson((await serverSnapshot(db, id))!, yesterday)
      const got = read.get(id)!.schemes
      // the explanation keeps the day it was judged on ("not started as of …"), a dated and so still true statement
      const dated = (ds: Deadline[]) => ds.map(({ explanation: _, ...d }) => d)
      for (const k of ['intro', 'norsk'] as const) {
        expect(dated(got[k].deadlines), `${id} ${k}`).toEqual(dated(fresh.schemes[k].deadlines))
        expect(got[k].deadlines.map((d) => d.daysLeft)).toEqual(then.schemes[k].deadlines.map((d) => d.daysLeft - 1))
        compared += got[k].deadlines.length
      }
    }
    expect(compared).toBeGreaterThan(0)
    // the deadline day passed overnight without a start: stored as a date, read as overdue
    expect(read.get(String(who))!.schemes.intro.deadlines.map((d) => [d.key, d.date, d.daysLeft, d.overdue])).toEqual([['introStart', '2020-11-01', -1, true]])
  })

  test('issue 8 point 6: a row of an older RULES_VERSION is read as a fresh evaluation, not in its old shape', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    await imported(db, lines)
    const [id] = personsOf(lines).map((p) => String(p.id))
    await db
      .update(personEvaluations)
      .set({ rulesVersion: 'old', result: { rulesVersion: 'old' } as never })
      .where(eq(personEvaluations.personId, id))
    const read = await readEvaluations(db, [id], '2025-09-01')
    expect(read.get(id)).toEqual(evaluatePerson((await serverSnapshot(db, id))!, '2025-09-01'))
  })

  test('A6 a tombstoned person loses their stored evaluation; recompute re-evaluates every live person', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    await imported(db, lines)
    const [gone, ...rest] = personsOf(lines).map((p) => String(p.id))
    expect((await imported(db, [{ type: 'person', id: gone, deleted: true }])).evaluated).toBe(0)
    expect((await stored(db)).has(gone)).toBe(false)
    expect(await recomputeAll(db, '2025-09-01')).toBe(rest.length)
    const rows = await stored(db)
    expect([...rows.keys()].sort()).toEqual([...rest].sort())
    expect([...rows.values()].every((r) => r.evaluatedOn === '2025-09-01')).toBe(true)
    await expectFresh(db, rest, '2025-09-01')
    const [p] = await db.select().from(persons).where(eq(persons.id, gone))
    expect(p.deleted).toBe(true)
  })
})
