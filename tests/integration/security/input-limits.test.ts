import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, importNdjson, startRegister } from '../../../src/server'
import type { RegisterDb, RunningRegister } from '../../../src/server'
import { createUser } from '../../../src/server/auth/users'
import { codeLists, importBatches, municipalities, persons } from '../../../src/server/db/schema'
import { backends } from '../server/backends'
import { parseLines, personsOf, smallFeed, toText, type Line } from '../server/fixtures'

/**
 * Issue 11 points 3 and 6, replayed as an attacker would: every attempt is refused with a 4xx
 * (or an import refusal) that names the field (and the line), never a 500, and nothing changes.
 */
describe.each(backends())('input limits on $name', (backend) => {
  let reg: RunningRegister
  let token: string
  beforeAll(async () => {
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 20 } })
    await createUser(reg.db, { username: 'åse', password: DEMO_PASSWORD, displayName: 'Åse', municipality: '4601', roles: ['kommuneintro'] })
    token = (await (await post('/auth/login', { username: 'nir-admin', password: DEMO_PASSWORD })).json()).accessToken
  })
  afterAll(async () => reg?.close())

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${reg.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

  test.each([
    ['11.3 INTRO logs in as intro', 'INTRO', 'intro'],
    ['11.3 surrounding spaces are trimmed', '  intro ', 'intro'],
    ['11.3 a name typed in decomposed Unicode (NFD) is the same user as its NFC form', 'a\u030ase', 'åse'],
    ['11.3 upper case and NFD together', 'A\u030aSE', 'åse'],
  ])('%s', async (_name, username, expected) => {
    const res = await post('/auth/login', { username, password: DEMO_PASSWORD })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { username: string } }).user.username).toBe(expected)
  })

  // A NUL is refused by the input guard, a line break or tab by the single-line login schema: the same answer either way.
  test.each([
    ['11.3 a NUL after the username', { username: 'intro\u0000', password: DEMO_PASSWORD }, 'username'],
    ['11.3 a NUL alone', { username: '\u0000', password: 'x' }, 'username'],
    ['11.3 a line break inside the username', { username: 'in\ntro', password: DEMO_PASSWORD }, 'username'],
    ['11.3 a carriage return after the username', { username: 'intro\r', password: DEMO_PASSWORD }, 'username'],
    ['11.3 a tab inside the username', { username: 'in\ttro', password: DEMO_PASSWORD }, 'username'],
    ['11.6 a NUL in the device id', { username: 'intro', password: DEMO_PASSWORD, deviceId: 'dev\u0000' }, 'deviceId'],
    ['11.6 a line break in the device id', { username: 'intro', password: DEMO_PASSWORD, deviceId: 'dev\nice' }, 'deviceId'],
  ])('%s is refused 400 INVALID_INPUT naming the field, never a 500', async (_name, body, field) => {
    const res = await post('/auth/login', body)
    expect([res.status, await res.json()]).toEqual([400, expect.objectContaining({ error: 'INVALID_INPUT', field })])
  })

  test('11.6 another schema refusal is a 400 BAD_REQUEST that names its field too', async () => {
    const res = await post('/auth/login', { username: 'intro', password: '' })
    expect([res.status, await res.json()]).toEqual([400, { error: 'BAD_REQUEST', field: 'password', message: expect.stringContaining('body.password') }])
  })

  test('11.3 a second user differing only in case or Unicode form cannot be created', async () => {
    await expect(createUser(reg.db, { username: 'INTRO', password: DEMO_PASSWORD, displayName: 'x', municipality: '4601', roles: [] })).rejects.toThrow(/taken/)
    await expect(createUser(reg.db, { username: 'A\u030aSE', password: DEMO_PASSWORD, displayName: 'x', municipality: '4601', roles: [] })).rejects.toThrow(/taken/)
    await expect(createUser(reg.db, { username: 'bad\u0000name', password: DEMO_PASSWORD, displayName: 'x', municipality: '4601', roles: [] })).rejects.toThrow(/not valid/)
  })

  const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) })
  test.each([
    ['11.6 a NUL in a pushed payload', 'POST', '/sync/push', { deviceId: 'd', mutations: [{ payload: { reason: 'a\u0000b' } }] }, 'mutations.0.payload.reason'],
    ['11.6 nesting 100 deep in a pushed body', 'POST', '/sync/push', { deviceId: 'd', mutations: [deep(100)] }, expect.stringMatching(/^mutations\.0(\.a)+$/)],
    ['11.6 a 20 000-character string in a pushed body', 'POST', '/sync/push', { deviceId: 'x'.repeat(20_000) }, 'deviceId'],
    ['11.6 a NUL in the pull cursor', 'GET', '/sync/pull?epoch=%00&seq=0', undefined, 'epoch'],
    ['11.6 a NUL in a DUF look-up', 'GET', '/persons/by-duf/%00', undefined, 'duf'],
    ['11.6 a NUL in a report municipality', 'GET', '/reports/municipality/46%0001', undefined, 'code'],
  ])('%s is refused 400 INVALID_INPUT naming the field', async (_name, method, path, body, field) => {
    const res = await fetch(`${reg.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'INVALID_INPUT', field })
  })

  test('11.6 a JSON body nested 100 000 deep is a 4xx, not a crash', async () => {
    const res = await post('/sync/push', '['.repeat(100_000) + ']'.repeat(100_000), { authorization: `Bearer ${token}` })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect((await fetch(`${reg.url}/health`)).status).toBe(200)
  })

  test('11.6 an import over the configured size is 413 naming the limit, with nothing imported', async () => {
    const before = (await reg.db.select({ n: count() }).from(importBatches))[0].n
    process.env.NIR_IMPORT_MAX_MB = '1'
    try {
      const feed = smallFeed(40, 0, 3)
      // Streamed without a content length, so the limit is found while reading.
      const body = new ReadableStream({
        start(c) {
          const bytes = new TextEncoder().encode(feed)
          for (let i = 0; i * bytes.length < 1.5 * 1024 * 1024; i++) c.enqueue(bytes)
          c.close()
        },
      })
      const res = await fetch(`${reg.url}/admin/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
        body,
        duplex: 'half',
      } as RequestInit)
      expect(res.status).toBe(413)
      expect(((await res.json()) as { message: string }).message).toMatch(/1 MB/)
    } finally {
      delete process.env.NIR_IMPORT_MAX_MB
    }
    expect((await reg.db.select({ n: count() }).from(importBatches))[0].n).toBe(before)
  })

  test('11.6 an import refusal over HTTP names the line and the field', async () => {
    const lines = parseLines(smallFeed(2, 0, 9))
    personsOf(lines)[0].birthDate = '2024-02-30'
    const res = await fetch(`${reg.url}/admin/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: toText(lines),
    })
    expect(res.status).toBe(400)
    const line = lines.indexOf(personsOf(lines)[0]) + 1
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([{ line, code: 'INVALID_ROW', field: 'birthDate', message: expect.stringContaining('calendar') }])
  })
})

/** One attack per row: how the line is spoiled, and the refusal expected on it. */
type Attack = [name: string, spoil: (lines: Line[]) => Line, code: string, field: string]
const person = (lines: Line[]) => personsOf(lines)[0]
const ofType = (lines: Line[], type: string) => lines.find((l) => l.type === type)!
const set = (pick: (lines: Line[]) => Line, field: string, value: unknown) => (lines: Line[]) => Object.assign(pick(lines), { [field]: value })

const attacks: Attack[] = [
  ['11.6 a birth date of 2024-02-30 (no such day)', set(person, 'birthDate', '2024-02-30'), 'INVALID_ROW', 'birthDate'],
  ['11.6 a birth date of 0000-00-00', set(person, 'birthDate', '0000-00-00'), 'INVALID_ROW', 'birthDate'],
  ['11.6 an arrival date in month 13', set(person, 'arrivalDate', '2024-13-01'), 'INVALID_ROW', 'arrivalDate'],
  ['11.6 a 29 February outside a leap year', set(person, 'birthDate', '2023-02-29'), 'INVALID_ROW', 'birthDate'],
  ['11.6 a NUL in a last name', set(person, 'lastName', 'Ola\u0000'), 'INVALID_ROW', 'lastName'],
  ['11.6 a line break in a first name', set(person, 'firstName', 'Ola\nNordmann'), 'INVALID_ROW', 'firstName'],
  ['11.6 a grant amount beyond the integer column', set((l) => ofType(l, 'grant'), 'amountNok', 2 ** 40), 'INVALID_ROW', 'amountNok'],
  ['11.6 a 5 MB municipality name', (l) => Object.assign(l[0], { type: 'municipality', code: '4601', name: 'B'.repeat(5 * 1024 * 1024) }), 'LINE_TOO_LONG', ''],
  ['11.6 a 1000-character municipality name', (l) => Object.assign(l[0], { type: 'municipality', code: '4601', name: 'B'.repeat(1000) }), 'INVALID_ROW', 'name'],
  [
    '11.6 a code-list entry with data nested 40 deep',
    (l) =>
      Object.assign(l[0], {
        type: 'codeList',
        id: 'x',
        list: 'country',
        code: 'X',
        nameNb: 'x',
        nameNn: 'x',
        validFrom: null,
        validTo: null,
        sortOrder: 1,
        data: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)),
      }),
    'INVALID_ROW',
    expect.stringMatching(/^data(\.a)+$/) as unknown as string,
  ],
  [
    '11.6 a code-list sort order beyond the integer column',
    (l) => Object.assign(l[0], { type: 'codeList', id: 'x', list: 'country', code: 'X', nameNb: 'x', nameNn: 'x', validFrom: null, validTo: null, sortOrder: 2 ** 31, data: {} }),
    'INVALID_ROW',
    'sortOrder',
  ],
]

describe.each(backends())('import attacks on $name', (backend) => {
  test.each(attacks)('%s is refused naming the line and the field; nothing is written', async (_name, spoil, code, field) => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(3, 1, 11))
    const bad = spoil(lines)
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    expect(res).toEqual({ ok: false, errors: [expect.objectContaining({ line: lines.indexOf(bad) + 1, code, ...(field ? { field } : {}), message: expect.any(String) })] })
    expect((await db.select({ n: count() }).from(persons))[0].n).toBe(0)
  })

  test('11.6 the same attacks streamed line by line are refused alike', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(3, 1, 11))
    person(lines).birthDate = '2024-02-30'
    const text = toText(lines)
    // Chunks that split lines (and a multi-byte character) anywhere.
    async function* chunks() {
      const bytes = new TextEncoder().encode(text)
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7)
    }
    expect(await importNdjson(db, chunks(), { actor: 'test' })).toEqual({
      ok: false,
      errors: [{ line: lines.indexOf(person(lines)) + 1, code: 'INVALID_ROW', field: 'birthDate', message: expect.any(String) }],
    })
  })

  test('11.6 a streamed feed imports exactly what the same text imports', async () => {
    const { db } = await backend.open()
    const text = smallFeed(3, 1, 11)
    async function* chunks() {
      const bytes = new TextEncoder().encode(text.replaceAll('\n', '\r\n'))
      for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000)
    }
    const streamed = await importNdjson(db, chunks(), { actor: 'test', today: '2025-06-02' })
    expect(streamed.ok).toBe(true)
    expect(await importNdjson(db, text, { actor: 'test', today: '2025-06-02' })).toMatchObject({ ok: true, summary: { created: 0, updated: 0, deleted: 0 } })
  })

  const tombstone = async (db: RegisterDb, line: Line) => importNdjson(db, toText([line]), { actor: 'test' })
  test('11.6 deleting municipality 4601 while persons live there is refused on its line; 4601 stays', async () => {
    const { db } = await backend.open()
    expect((await importNdjson(db, smallFeed(3, 1, 11), { actor: 'test' })).ok).toBe(true)
    const res = await tombstone(db, { type: 'municipality', code: '4601', deleted: true })
    expect(res).toEqual({ ok: false, errors: [{ line: 1, code: 'STILL_REFERENCED', field: 'code', message: expect.stringContaining('4601') }] })
    expect((await db.select().from(municipalities).where(eq(municipalities.code, '4601')))[0].deleted).toBe(false)
    // The next Bergen import still works.
    expect((await importNdjson(db, smallFeed(3, 1, 11), { actor: 'test' })).ok).toBe(true)
  })

  test('11.6 a municipality named by nothing (persons moved away in the same file, no user) may be deleted', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(0, 2, 5))
    for (const p of personsOf(lines)) Object.assign(p, { followUpMunicipality: '4601', followUpDistrict: null })
    lines.push({ type: 'municipality', code: '1111', name: 'Prøvekommune' })
    expect((await importNdjson(db, toText(lines), { actor: 'test' })).ok).toBe(true)
    expect(await tombstone(db, { type: 'municipality', code: '1111', deleted: true })).toMatchObject({ ok: true, summary: { deleted: 1 } })
  })

  test('11.6 deleting a permit ground (R3) a live permit names is refused; the entry stays', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(3, 1, 11))
    expect((await importNdjson(db, toText(lines), { actor: 'test' })).ok).toBe(true)
    const ground = String(ofType(lines, 'permit').groundCode)
    const [entry] = await db
      .select()
      .from(codeLists)
      .where(and(eq(codeLists.list, 'permitGround'), eq(codeLists.code, ground)))
    const res = await tombstone(db, { type: 'codeList', id: entry.id, deleted: true })
    expect(res).toEqual({ ok: false, errors: [{ line: 1, code: 'STILL_REFERENCED', field: 'id', message: expect.stringContaining(ground) }] })
    expect((await db.select().from(codeLists).where(eq(codeLists.id, entry.id)))[0].deleted).toBe(false)
  })

  test('11.6 deleting a municipality a live line of the same file names is refused', async () => {
    const { db } = await backend.open()
    const lines = parseLines(smallFeed(2, 0, 5))
    lines.push({ type: 'municipality', code: '4601', deleted: true })
    const res = await importNdjson(db, toText(lines), { actor: 'test' })
    expect(res.ok ? [] : res.errors.map((e) => [e.line, e.code])).toContainEqual([lines.length, 'STILL_REFERENCED'])
  })
})
