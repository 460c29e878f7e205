import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { makeDuf } from '../../../src/shared/ids'
import { importNdjson, projectScope, startRegister } from '../../../src/server'
import { outbox, persons } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { SEARCH_LIMIT } from '../../../src/main/services/persons'
import { call, loginAndSync, PASSWORD, tempDir, testDevice, value } from '../sync/helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
type Row = Record<string, unknown> & { id: string; lastName: string; firstName: string; middleName: string | null }
let register: Register
let registerOpen = false
let device: Device
let inScope: Row[]
const tmp = tempDir('search')

/** A person with accents and æøå in the name, imported so the name tests do not depend on the demo draw. */
const odegaard = (template: Row): Row => ({
  ...template,
  id: 'test-odegaard',
  duf: makeDuf(2019, 424242),
  nationalId: null,
  regNumber: null,
  firstName: 'José Ærling',
  middleName: null,
  lastName: 'Ødegård-Hélland',
})

const ids = async (query: string) =>
  value(await call(device, 'persons.search', { query }))
    .hits.map((h) => h.id)
    .sort()
const prefixOfSomePart = (p: Row, w: string) =>
  [p.firstName, p.middleName ?? '', p.lastName]
    .join(' ')
    .toLowerCase()
    .split(/\s+/)
    .some((part) => part.startsWith(w.toLowerCase()))

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 60 } })
  registerOpen = true
  const template = (await projectScope(register.db, '4601')).person[0] as Row
  const many = Array.from({ length: SEARCH_LIMIT + 5 }, (_, i) => ({
    type: 'person',
    ...template,
    id: `test-many-${i}`,
    duf: makeDuf(2018, 500 + i),
    nationalId: null,
    regNumber: null,
    lastName: 'Myklebustvåg',
  }))
  const lines = [{ type: 'person', ...odegaard(template) }, ...many].map((l) => JSON.stringify(l)).join('\n')
  const imported = await importNdjson(register.db, lines, { actor: 'test' })
  if (!imported.ok) throw new Error(JSON.stringify(imported))
  inScope = (await projectScope(register.db, '4601')).person as Row[]
  device = testDevice(tmp.dir, register.url)
  await loginAndSync(device, 'intro')
})
afterAll(async () => {
  await device?.close()
  if (registerOpen) await register.close()
  tmp.remove()
})

describe('search online (D5)', () => {
  test('D5 a DUF search for a person outside scope reaches the register and caches them read-only', async () => {
    const outside = (await projectScope(register.db, '0301')).person[0] as Row
    expect(outside).toBeDefined()
    expect(await ids(String(outside.lastName))).not.toContain(outside.id)

    const res = value(await call(device, 'persons.search', { query: String(outside.duf) }))
    expect(res).toMatchObject({ kind: 'duf', fromRegister: true, hits: [{ id: outside.id, cachedReadOnly: true, followUpMunicipality: '0301' }] })
    const cached = device.ctx.session!.replica.db.select().from(persons).where(eq(persons.id, outside.id)).get()
    expect(cached).toMatchObject({ cachedReadOnly: true, lastName: outside.lastName })

    const again = value(await call(device, 'persons.search', { query: String(outside.duf) }))
    expect(again).toMatchObject({ fromRegister: false, hits: [{ id: outside.id }] })
    // Only DUF reaches persons outside the municipality, even when cached (D5).
    expect(await ids(String(outside.lastName))).not.toContain(outside.id)
    const view = value(await call(device, 'persons.get', { personId: outside.id }))
    expect(view).toMatchObject({ cachedReadOnly: true, bundle: { person: { id: outside.id } } })
  })

  test('D12 reading a person queues an audit read in the outbox', async () => {
    const p = inScope[2]
    const reads = () =>
      device.ctx
        .session!.replica.db.select()
        .from(outbox)
        .where(and(eq(outbox.personId, p.id), eq(outbox.command, 'audit.read')))
        .all()
    const before = reads().length
    value(await call(device, 'persons.get', { personId: p.id }))
    expect(reads()).toHaveLength(before + 1)
  })

  test('R2.4 a DUF number the register does not know finds nobody', async () => {
    expect(value(await call(device, 'persons.search', { query: makeDuf(1999, 1) }))).toMatchObject({ kind: 'duf', hits: [], fromRegister: true })
  })
})

describe('roles without person access (R9, D2)', () => {
  test('R9 kommuneadministrator alone reads no person data: search and person are refused with a reason on the field', async () => {
    const other = tempDir('search-admin')
    const admin = testDevice(other.dir, register.url)
    try {
      await loginAndSync(admin, 'admin')
      const searched = await call(admin, 'persons.search', { query: inScope[0].lastName })
      expect(searched).toEqual({ ok: false, reasons: [{ code: 'NO_PERSON_ACCESS', field: 'query' }] })
      const read = await call(admin, 'persons.get', { personId: inScope[0].id })
      expect(read).toEqual({ ok: false, reasons: [{ code: 'NO_PERSON_ACCESS', field: 'personId' }] })
      // The register sent this user no persons either.
      expect(admin.ctx.session!.sync.status().personsInReplica).toBe(0)
    } finally {
      await admin.close()
      other.remove()
    }
  })
})

describe('search offline from the replica (D5, R2.4)', () => {
  beforeAll(async () => {
    value(await call(device, 'session.logout', {}))
    await register.close()
    registerOpen = false
    expect(value(await call(device, 'session.login', { username: 'intro', password: PASSWORD })).mode).toBe('offline')
  })

  test('R2.4 12 digits with spaces find the person by DUF', async () => {
    const p = inScope[5]
    const duf = String(p.duf)
    const res = value(await call(device, 'persons.search', { query: ` ${duf.slice(0, 4)} ${duf.slice(4, 8)} ${duf.slice(8)} ` }))
    expect(res).toMatchObject({ kind: 'duf', value: duf, fromRegister: false })
    expect(res.hits.map((h) => h.id)).toEqual([p.id])
  })

  test('R2.4 11 digits find by national id, 6 by reg-nummer, dd.mm.åååå by birth date', async () => {
    const withId = inScope.find((p) => p.nationalId)!
    expect(await ids(String(withId.nationalId))).toEqual(
      inScope
        .filter((p) => p.nationalId === withId.nationalId)
        .map((p) => p.id)
        .sort(),
    )
    const withReg = inScope.find((p) => p.regNumber)
    if (withReg) expect(await ids(String(withReg.regNumber))).toEqual([withReg.id])
    const [y, m, d] = String(inScope[7].birthDate).split('-')
    const res = value(await call(device, 'persons.search', { query: `${d}.${m}.${y}` }))
    expect(res.kind).toBe('birthDate')
    expect(res.hits.map((h) => h.id).sort()).toEqual(
      inScope
        .filter((p) => p.birthDate === inScope[7].birthDate)
        .map((p) => p.id)
        .sort(),
    )
  })

  test('R2.4 "etternavn, fornavn" matches surname and first name by prefix', async () => {
    const p = inScope[9]
    const query = `${p.lastName.slice(0, 3)}, ${p.firstName.slice(0, 2)}`
    const expected = inScope
      .filter((q) => q.lastName.toLowerCase().startsWith(p.lastName.slice(0, 3).toLowerCase()) && q.firstName.toLowerCase().startsWith(p.firstName.slice(0, 2).toLowerCase()))
      .map((q) => q.id)
      .sort()
    expect(expected).toContain(p.id)
    expect(await ids(query)).toEqual(expected)
  })

  test('R2.4 part of a name lists every person with a name part starting with it', async () => {
    const part = inScope[11].lastName.slice(0, 2)
    expect(await ids(part)).toEqual(
      inScope
        .filter((q) => prefixOfSomePart(q, part))
        .map((q) => q.id)
        .sort(),
    )
  })

  test.each([
    ['R11.4 accents fold away: jose finds José', 'jose', true],
    ['R11.4 æ, ø, å stay letters: odegard does not find Ødegård', 'odegard', false],
    ['R11.4 a hyphenated surname is one part: helland does not find Ødegård-Hélland', 'helland', false],
    ['R11.4 "etternavn, fornavn" with æøå and accents', 'ødegård-he, josé æ', true],
    ['R11.4 case does not matter', 'ØDEGÅ ÆRL', true],
  ])('%s', async (_name, query, found) => {
    expect((await ids(query)).includes('test-odegaard')).toBe(found)
  })

  test('D5 a search returns at most 100 hits and says it was truncated', async () => {
    const res = value(await call(device, 'persons.search', { query: 'myklebustv' }))
    expect(res.hits).toHaveLength(SEARCH_LIMIT)
    expect(res.truncated).toBe(true)
    expect(value(await call(device, 'persons.search', { query: 'ødegå' })).truncated).toBe(false)
  })

  test('D5 a DUF search outside the replica while offline warns DUF_LOOKUP_OFFLINE', async () => {
    const res = value(await call(device, 'persons.search', { query: makeDuf(2020, 777) }))
    expect(res).toMatchObject({ kind: 'duf', hits: [], fromRegister: false, warnings: [{ code: 'DUF_LOOKUP_OFFLINE', field: 'query' }] })
  })

  test('R11.4 a date that does not exist is refused', async () => {
    expect(await call(device, 'persons.search', { query: '31.02.2001' })).toMatchObject({ ok: false, reasons: [{ code: 'SEARCH_DATE_INVALID' }] })
  })
})
