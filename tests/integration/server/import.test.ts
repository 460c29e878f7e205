import { count, eq, max } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { importNdjson } from '../../../src/server'
import { addresses, auditLog, importBatches, permits, persons } from '../../../src/server/db/schema'
import type { RegisterDb } from '../../../src/server'
import { backends } from './backends'
import { parseLines, personsOf, smallFeed, toText } from './fixtures'

const personCount = async (db: RegisterDb) => (await db.select({ n: count() }).from(persons))[0].n

describe.each(backends())('import on $name', (backend) => {
  test('A6 bad lines are refused with their line numbers and nothing of the batch is imported', async () => {
    const { db } = await backend.open()
    const lines = smallFeed().trim().split('\n')
    lines[4] = lines[4].replace(/"validFrom":"(\d{4})-(\d{2})-(\d{2})"/, '"validFrom":"$3.$2.$1"')
    lines[9] = '{"type":"martian","id":"x"}'
    lines.splice(11, 0, '{not json')
    const res = await importNdjson(db, lines.join('\n'), { actor: 'test' })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.errors.map((e) => [e.line, e.code])).toEqual([
      [5, 'INVALID_ROW'],
      [10, 'UNKNOWN_TYPE'],
      [12, 'INVALID_JSON'],
    ])
    expect(res.errors[0].message).toContain('validFrom')
    expect(await personCount(db)).toBe(0)
  })

  test('A6 a row naming an unknown person is refused after the cross-check and the transaction rolls back', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    const permit = lines.find((l) => l.type === 'permit')!
    lines.push({ ...permit, id: 'orphan-permit', personId: 'nobody' })
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    expect(res).toEqual({ ok: false, errors: [{ line: lines.length, code: 'UNKNOWN_PERSON', field: 'personId', message: expect.stringContaining('nobody') }] })
    expect(await personCount(db)).toBe(0)
    expect((await db.select({ n: count() }).from(importBatches))[0].n).toBe(0)
  })

  test('A6 a person in an unknown district of their municipality is refused', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    const p = personsOf(lines)[0]
    p.followUpMunicipality = '4601'
    p.followUpDistrict = '030101'
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    expect(res.ok ? [] : res.errors.map((e) => e.code)).toEqual(['UNKNOWN_DISTRICT'])
  })

  test('A6 the same key twice in one file is refused on the second line', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    lines.push(lines[0])
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    expect(res.ok ? [] : res.errors.map((e) => [e.line, e.code])).toEqual([[lines.length, 'DUPLICATE_KEY']])
  })

  test('R2.2 a DUF with a failed check digit is imported and flagged dufCheckFailed', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    const p = personsOf(lines)[0]
    const duf = String(p.duf)
    p.duf = duf.slice(0, 10) + String((Number(duf.slice(10)) + 1) % 100).padStart(2, '0')
    p.dufCheckFailed = false
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    expect(res.ok).toBe(true)
    const [row] = await db
      .select()
      .from(persons)
      .where(eq(persons.id, String(p.id)))
    expect(row.dufCheckFailed).toBe(true)
    const others = await db.select().from(persons).where(eq(persons.dufCheckFailed, true))
    expect(others.map((o) => o.id)).toEqual([p.id])
  })

  test('A6 re-importing the same file changes nothing, allocates no change set and says so', async () => {
    const { db } = await backend.open()
    const text = smallFeed()
    const n = text.trim().split('\n').length
    const first = await importNdjson(db, text, { actor: 'test' })
    expect(first.ok && first.summary.created).toBe(n)
    const seqBefore = (await db.select({ m: max(persons.seq) }).from(persons))[0].m
    const again = await importNdjson(db, text, { actor: 'test' })
    expect(again.ok && [again.summary.created, again.summary.updated, again.summary.deleted, again.summary.unchanged]).toEqual([0, 0, 0, n])
    expect((await db.select({ m: max(persons.seq) }).from(persons))[0].m).toBe(seqBefore)
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'import'))
    expect(audits).toHaveLength(2)
  })

  test('A6 an update bumps version and seq; a person tombstone deletes them and all their rows', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed())
    expect((await importNdjson(db, toText(lines), { actor: 'test' })).ok).toBe(true)
    const [p1, p2] = personsOf(lines)
    const [before] = await db
      .select()
      .from(persons)
      .where(eq(persons.id, String(p1.id)))
    const res = await importNdjson(
      db,
      toText([
        { ...p1, lastName: 'Øvrebø-Sæther' },
        { type: 'person', id: p2.id, deleted: true },
      ]),
      { actor: 'test' },
    )
    if (!res.ok) throw new Error(JSON.stringify(res.errors))
    const ownedOfP2 = lines.filter((l) => l.personId === p2.id).length
    expect(res.summary.byEntity.person).toEqual({ created: 0, updated: 1, unchanged: 0, deleted: 1 })
    expect(res.summary.deleted).toBe(1 + ownedOfP2)
    const [after] = await db
      .select()
      .from(persons)
      .where(eq(persons.id, String(p1.id)))
    expect([after.version, after.lastName, after.seq > before.seq]).toEqual([2, 'Øvrebø-Sæther', true])
    const live = [
      ...(await db
        .select()
        .from(permits)
        .where(eq(permits.personId, String(p2.id)))),
      ...(await db
        .select()
        .from(addresses)
        .where(eq(addresses.personId, String(p2.id)))),
    ]
    expect(live.length).toBeGreaterThan(0)
    expect(live.every((r) => r.deleted)).toBe(true)
  })
})
