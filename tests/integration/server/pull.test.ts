import { describe, expect, test } from 'vitest'
import { getServerMeta, importNdjson, projectScope, renewEpoch } from '../../../src/server'
import type { RegisterDb } from '../../../src/server'
import { pull } from '../../../src/server/sync/pull'
import { zeroCursor } from '../../../src/shared/sync'
import { backends } from './backends'
import { parseLines, personsOf, smallFeed, toText } from './fixtures'
import type { Line } from './fixtures'
import { pullAll, scope } from './pull-helpers'

async function imported(db: RegisterDb, lines: Line[]): Promise<void> {
  const res = await importNdjson(db, toText(lines), { actor: 'test' })
  if (!res.ok) throw new Error(JSON.stringify(res.errors))
}

const writer = scope('4601', ['kommuneintro'])

describe.each(backends())('pull on $name', (backend) => {
  test('A4 a pull from zero equals the server projection of the scope (municipality and district users)', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(14, 4))
    await imported(db, lines)
    const { replica } = await pullAll(db, writer, zeroCursor)
    expect(replica.snapshot()).toEqual(await projectScope(db, '4601'))
    expect(replica.snapshot().person).toHaveLength(14)
    const district = String(personsOf(lines)[0].followUpDistrict)
    const narrow = await pullAll(db, scope('4601', ['kommunenorsk'], district), zeroCursor)
    const projected = await projectScope(db, '4601', district)
    expect(narrow.replica.snapshot()).toEqual(projected)
    expect(projected.person.length).toBeLessThan(14)
  })

  test('R9 a user without a writing role gets no closed person; reference-only roles get only reference data', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(10, 2))
    const closed = personsOf(lines).find((p) => p.followUpMunicipality === '4601')!
    closed.closed = true
    await imported(db, lines)
    const reader = (await pullAll(db, scope('4601', ['kommuneles']), zeroCursor)).replica.snapshot()
    const full = await projectScope(db, '4601')
    expect(reader.person.map((p) => p.id)).toEqual(full.person.filter((p) => p.id !== closed.id).map((p) => p.id))
    expect(reader.permit.some((r) => r.personId === closed.id)).toBe(false)
    for (const roles of [['kommuneadministrator'], ['kommunesupport'], ['kommunetilskudd_asylnorsksokar']] as const) {
      const snap = (await pullAll(db, scope('4601', [...roles]), zeroCursor)).replica.snapshot()
      expect({ persons: snap.person.length, codeLists: snap.codeList }).toEqual({ persons: 0, codeLists: full.codeList })
    }
  })

  test('A4 paging never splits a change set: every page size gives the same sets and the same replica', async () => {
    const { db } = await backend.open()
    await imported(db, parseLines(smallFeed(12, 3)))
    const whole = await pullAll(db, writer, zeroCursor, 1000)
    expect(whole.pages).toHaveLength(1)
    const bySeq = new Map(whole.pages[0].map((cs) => [cs.seq, cs]))
    for (const limit of [1, 2, 5]) {
      const paged = await pullAll(db, writer, zeroCursor, limit)
      const seqs = paged.pages.flat().map((cs) => cs.seq)
      expect(seqs).toEqual([...bySeq.keys()])
      for (const cs of paged.pages.flat()) expect(cs).toEqual(bySeq.get(cs.seq))
      expect(paged.pages.every((p) => p.length <= limit)).toBe(true)
      expect(paged.replica.snapshot()).toEqual(whole.replica.snapshot())
    }
    // one change set per person: each person's rows travel together
    for (const cs of whole.pages[0]) {
      const owners = new Set(cs.changes.map((c) => (c.kind === 'upsert' ? (c.entity === 'person' ? c.id : c.data.personId) : null)))
      if (cs.changes.some((c) => c.kind === 'upsert' && c.entity === 'person')) expect(owners.size).toBe(1)
    }
  })

  test('A4 an incremental pull returns only what changed after the cursor, tombstones as delete', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(10, 2))
    await imported(db, lines)
    const first = await pullAll(db, writer, zeroCursor)
    const p = personsOf(lines).find((x) => x.followUpMunicipality === '4601')!
    const permit = lines.find((l) => l.type === 'permit' && l.personId === p.id)!
    const grant = lines.find((l) => l.type === 'grant' && l.personId === p.id)
    const change: Line[] = [{ ...permit, id: 'new-permit-1', validFrom: '2025-05-01', validTo: null, grantedDate: '2025-04-20' }]
    if (grant) change.push({ type: 'grant', id: grant.id, deleted: true })
    await imported(db, change)
    const next = await pullAll(db, writer, first.cursor, 200, first.replica)
    const sets = next.pages.flat()
    expect(sets).toHaveLength(1)
    const kinds = sets[0].changes.map((c) => (c.kind === 'scopeExit' ? `exit:${c.personId}` : `${c.kind}:${c.entity}:${c.id}`))
    expect(kinds).toEqual([`upsert:permit:new-permit-1`, ...(grant ? [`delete:grant:${grant.id}`] : [])])
    expect(next.replica.snapshot()).toEqual(await projectScope(db, '4601'))
    const idle = await pullAll(db, writer, next.cursor)
    expect([idle.pages.flat().length, idle.cursor]).toEqual([0, next.cursor])
  })

  test('A4 a person moved to another municipality leaves with scopeExit and arrives whole in the new scope', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(10, 3))
    await imported(db, lines)
    const oslo = scope('0301', ['kommuneintro', 'kommunenorsk'])
    const b0 = await pullAll(db, writer, zeroCursor)
    const o0 = await pullAll(db, oslo, zeroCursor)
    const mover = personsOf(lines).find((x) => x.followUpMunicipality === '4601' && !x.closed)!
    const lastAddress = lines.filter((l) => l.type === 'address' && l.personId === mover.id).at(-1)!
    await imported(db, [
      { ...mover, followUpMunicipality: '0301', followUpDistrict: '030102', followUpByAgreement: false },
      { ...lastAddress, validTo: '2025-05-31' },
      {
        type: 'address',
        id: 'moved-address',
        personId: mover.id,
        source: 'DSF',
        street: 'Thorvald Meyers gate 7',
        postalCode: '0555',
        postalPlace: 'Oslo',
        municipality: '0301',
        district: '030102',
        validFrom: '2025-06-01',
        validTo: null,
      },
    ])
    const b1 = await pullAll(db, writer, b0.cursor, 200, b0.replica)
    expect(b1.pages.flat().flatMap((cs) => cs.changes)).toEqual([{ kind: 'scopeExit', personId: mover.id }])
    expect(b1.replica.snapshot()).toEqual(await projectScope(db, '4601'))
    const o1 = await pullAll(db, oslo, o0.cursor, 200, o0.replica)
    const arrived = o1.pages.flat()
    expect(arrived).toHaveLength(1)
    const ownRows = lines.filter((l) => l.personId === mover.id).length + 1
    expect(arrived[0].changes).toHaveLength(1 + ownRows)
    expect(o1.replica.snapshot()).toEqual(await projectScope(db, '0301'))
    expect(o1.replica.snapshot().person.map((p) => p.id)).toContain(mover.id)
  })

  test('A4 a cursor of another epoch answers reset_required; the zero cursor starts in the current epoch', async () => {
    const { db } = await backend.open()
    await imported(db, parseLines(smallFeed(3, 1)))
    const first = await pullAll(db, writer, zeroCursor)
    const { epoch } = await getServerMeta(db)
    expect(first.cursor.epoch).toBe(epoch)
    const renewed = await renewEpoch(db)
    const res = await pull(db, writer, first.cursor, 200, renewed)
    expect(res).toMatchObject({ status: 'reset_required', epoch: renewed })
    const fresh = await pull(db, writer, { epoch: 'whatever', seq: 0 }, 200, renewed)
    expect(fresh.status === 'ok' && fresh.cursor.epoch).toBe(renewed)
  })
})
