import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, startRegister } from '../../../src/server'
import type { RunningRegister } from '../../../src/server'
import { persons } from '../../../src/server/db/schema'
import { backends } from '../server/backends'
import { parseLines, personsOf, smallFeed } from '../server/fixtures'

/**
 * Issue 11 point 8, end to end: a register with its real pino logger on, driven over HTTP
 * through a login, a DUF look-up (hit, miss, and a name typed into a path), an import of demo
 * persons, and a failing query (an import refused by the database itself, whose parameters
 * and "Failing row contains" detail are every value of a person). Its log must name none of
 * those persons.
 */
describe.each(backends())('the register log has no personal data on $name (issue 11 point 8)', (backend) => {
  let reg: RunningRegister
  const lines: string[] = []
  beforeAll(async () => {
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 20 }, logger: { stream: { write: (l) => void lines.push(l) } } })
  })
  afterAll(async () => reg?.close())

  const post = (path: string, body: string, type: string, token?: string) =>
    fetch(`${reg.url}${path}`, { method: 'POST', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body })
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await post('/auth/login', JSON.stringify({ username, password, deviceId: 'log-test' }), 'application/json')
    return { status: res.status, token: res.ok ? ((await res.json()) as { accessToken: string }).accessToken : '' }
  }

  test('login, DUF look-up, import and a failing query leave no name, DUF number or birth date in the log', async () => {
    const les = await login('les')
    expect(les.status).toBe(200)
    expect((await login('les', 'feil')).status).toBe(401)
    const [demo] = await reg.db.select().from(persons).limit(1)
    const lookup = (path: string) => fetch(`${reg.url}${path}`, { headers: { authorization: `Bearer ${les.token}` } })
    expect((await lookup(`/persons/by-duf/${demo.duf}`)).status).toBe(200)
    expect((await lookup('/persons/by-duf/000000000000')).status).toBe(404)
    expect((await lookup(`/persons/${encodeURIComponent(`${demo.firstName} ${demo.lastName}`)}?born=${demo.birthDate}&name=${encodeURIComponent(demo.lastName)}`)).status).toBe(404)

    const admin = await login('nir-admin')
    const imported = smallFeed(3, 1, 41)
    expect((await post('/admin/import', imported, 'application/x-ndjson', admin.token)).status).toBe(200)

    // A constraint no new or changed person row satisfies, so the next import fails in the database.
    await reg.db.execute(sql`alter table persons add constraint log_test_refuse check (length(first_name) < 0) not valid`)
    const failing = smallFeed(3, 1, 43)
    const failed = await post('/admin/import', failing, 'application/x-ndjson', admin.token)
    await reg.db.execute(sql`alter table persons drop constraint log_test_refuse`)
    expect(failed.status).toBe(500)

    const log = lines.join('')
    // The run did log: requests with their (masked) URLs and the failed query with its SQL.
    expect(log).toContain('/persons/by-duf/<redacted>')
    expect(log).toContain('violates check constraint')
    expect(log).toContain('Failed query')

    const everyone = [
      ...(await reg.db.select().from(persons)).map((p) => ({ ...p, names: [p.firstName, p.middleName, p.lastName] })),
      ...personsOf([...parseLines(imported), ...parseLines(failing)]).map((p) => ({
        duf: String(p.duf),
        birthDate: String(p.birthDate),
        nationalId: (p.nationalId as string | undefined) ?? null,
        names: [p.firstName, p.middleName, p.lastName].map((n) => (n == null ? null : String(n))),
      })),
    ]
    expect(everyone.length).toBeGreaterThan(20)
    const found: string[] = []
    for (const p of everyone) {
      for (const value of [p.duf, p.birthDate, p.nationalId]) if (value && log.includes(value)) found.push(value)
      // Whole words only: a short first name may be part of an ordinary word of a stack frame.
      for (const name of p.names) if (name && new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(log)) found.push(name)
    }
    expect(found).toEqual([])
  })
})
