import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, demoUsers, loadDemo, startRegister } from '../../../src/server'
import type { RunningRegister } from '../../../src/server'
import { auditLog, persons } from '../../../src/server/db/schema'
import type { LoginResponse, PullResponse } from '../../../src/shared/sync'
import { loginResponseSchema, personBundleSchema, pullResponseSchema } from '../../../src/shared/sync'
import { backends } from './backends'
import { TestReplica } from './replica'

/** Real HTTP: the register listens on a free loopback port and the test talks to it with fetch. */
describe.each(backends())('register over HTTP on $name', (backend) => {
  let reg: RunningRegister
  beforeAll(async () => {
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 20 } })
  })
  afterAll(async () => reg?.close())

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${reg.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const login = async (username: string, password = DEMO_PASSWORD): Promise<LoginResponse> => {
    const res = await post('/auth/login', { username, password, deviceId: 'test-device' })
    expect(res.status).toBe(200)
    return loginResponseSchema.parse(await res.json())
  }
  const get = (path: string, token?: string) => fetch(`${reg.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

  test('A6 health answers with the epoch and server time, with helmet headers', async () => {
    const res = await get('/health')
    const body = (await res.json()) as { ok: boolean; epoch: string }
    expect([res.status, body.ok, body.epoch.length > 0]).toEqual([200, true, true])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('A7 login with the right password returns a token, the user and the epoch', async () => {
    const r = await login('intro')
    expect(r.user).toMatchObject({ username: 'intro', municipality: '4601', roles: ['kommuneintro'] })
    // Issue 11.1: a short access token (10 minutes); the device renews it with its refresh token.
    const ttl = Date.parse(r.expiresAt) - Date.now()
    expect(ttl).toBeGreaterThan(9 * 60_000)
    expect(ttl).toBeLessThanOrEqual(10 * 60_000)
  })

  test('A7 wrong password and unknown user give the same 401 INVALID_CREDENTIALS', async () => {
    const wrong = await post('/auth/login', { username: 'norsk', password: 'nope' })
    const unknown = await post('/auth/login', { username: 'nobody-here', password: 'nope' })
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'INVALID_CREDENTIALS', message: 'wrong username or password' }])
    expect([unknown.status, await unknown.json()]).toEqual([401, { error: 'INVALID_CREDENTIALS', message: 'wrong username or password' }])
    const bad = await post('/auth/login', { username: '' })
    expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([400, 'BAD_REQUEST'])
  })

  test('A7 after five failures the same user at the same IP waits: 429 THROTTLED with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await post('/auth/login', { username: 'support', password: `wrong-${i}` })).status).toBe(401)
    const locked = await post('/auth/login', { username: 'support', password: DEMO_PASSWORD })
    expect(locked.status).toBe(429)
    expect(((await locked.json()) as { error: string }).error).toBe('THROTTLED')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(10)
    expect((await post('/auth/login', { username: 'tilskot', password: DEMO_PASSWORD })).status).toBe(200)
  })

  test('A4 pull needs a valid token', async () => {
    const none = await get('/sync/pull')
    expect([none.status, ((await none.json()) as { error: string }).error]).toEqual([401, 'TOKEN_REQUIRED'])
    const forged = await get('/sync/pull', 'eyJzdWIiOiJ4In0.c2ln')
    expect([forged.status, ((await forged.json()) as { error: string }).error]).toEqual([401, 'TOKEN_INVALID'])
  })

  test('A4 pull over HTTP pages from zero to the projection of the user scope', async () => {
    const { accessToken, epoch } = await login('intro')
    const replica = new TestReplica()
    let cursor = ''
    let pages = 0
    for (;;) {
      const res = await get(`/sync/pull?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, accessToken)
      expect(res.status).toBe(200)
      const page: PullResponse = pullResponseSchema.parse(await res.json())
      if (page.status !== 'ok') throw new Error('reset')
      replica.apply(page.changeSets)
      pages++
      cursor = `${page.cursor.epoch}:${page.cursor.seq}`
      if (!page.hasMore) break
    }
    expect(pages).toBeGreaterThan(2)
    const { projectScope } = await import('../../../src/server')
    expect(replica.snapshot()).toEqual(await projectScope(reg.db, '4601'))
    const stale = await get(`/sync/pull?cursor=${encodeURIComponent(`not-${epoch}:5`)}`, accessToken)
    expect(((await stale.json()) as PullResponse).status).toBe('reset_required')
  })

  test('D5 DUF look-up finds a person outside the scope, 404 for an unknown DUF, and is audited', async () => {
    const { accessToken } = await login('les')
    const [oslo] = await reg.db
      .select()
      .from(persons)
      .where(and(eq(persons.followUpMunicipality, '0301'), eq(persons.closed, false)))
    const res = await get(`/persons/by-duf/${oslo.duf}`, accessToken)
    expect(res.status).toBe(200)
    const bundle = personBundleSchema.parse(await res.json())
    expect([bundle.person.id, bundle.addresses.length > 0]).toEqual([oslo.id, true])
    const audit = await reg.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.read'), eq(auditLog.personId, oslo.id)))
    expect(audit.map((a) => [a.username, a.deviceId])).toEqual([['les', 'test-device']])
    expect((await get('/persons/by-duf/000000000000', accessToken)).status).toBe(404)
    const admin = await login('admin')
    expect((await get(`/persons/by-duf/${oslo.duf}`, admin.accessToken)).status).toBe(403)
  })

  test('A6 import endpoint: central admin only; a refused feed answers 400 IMPORT_REFUSED with the lines', async () => {
    const ndjson = (body: string, token: string) =>
      fetch(`${reg.url}/admin/import`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` }, body })
    const caseworker = await login('super')
    expect((await ndjson('', caseworker.accessToken)).status).toBe(403)
    const admin = await login('nir-admin')
    const refused = await ndjson('{"type":"municipality","code":"9999","name":"Testby"}\n{"type":"district","code":"999901"}\n', admin.accessToken)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: 'IMPORT_REFUSED', errors: [{ line: 2, code: 'INVALID_ROW' }] })
    const ok = await ndjson('{"type":"municipality","code":"9999","name":"Testby"}\n', admin.accessToken)
    expect(await ok.json()).toMatchObject({ ok: true, summary: { created: 1 } })
  })

  test('A8 the demo loads once: with users present a second load changes nothing', async () => {
    expect(demoUsers.map((u) => u.username)).toEqual(['intro', 'norsk', 'les', 'admin', 'tilskot', 'etterreg', 'super', 'support', 'nir-admin'])
    const before = (await reg.db.select().from(persons)).length
    expect(before).toBe(20 + 2 + 2)
    expect(await loadDemo(reg.db, { persons: 20 })).toBe(false)
    expect((await reg.db.select().from(persons)).length).toBe(before)
  })
})
