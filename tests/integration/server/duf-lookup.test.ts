import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, startRegister } from '../../../src/server'
import type { RunningRegister } from '../../../src/server'
import { auditLog, persons } from '../../../src/server/db/schema'
import { DUF_LOOKUP_LIMIT } from '../../../src/server/routes/persons'
import { backends } from './backends'

/**
 * Issue 6 point 13c over real HTTP: DUF look-ups are limited per user, and misses are
 * audited as well as hits, without the number looked up.
 */
const LIMIT = { max: 3, windowMs: 60_000 }

describe.each(backends())('DUF look-up limit on $name', (backend) => {
  let reg: RunningRegister
  beforeAll(async () => {
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 20 }, dufLookupLimit: LIMIT })
  })
  afterAll(async () => reg?.close())

  const login = async (username: string) => {
    const res = await fetch(`${reg.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD, deviceId: `dev-${username}` }),
    })
    expect(res.status).toBe(200)
    return (await res.json()) as { accessToken: string; user: { id: string } }
  }
  const lookUp = (duf: string, token: string) => fetch(`${reg.url}/persons/by-duf/${duf}`, { headers: { authorization: `Bearer ${token}` } })

  test('the default is a dated 30 per 10 minutes', () => {
    expect(DUF_LOOKUP_LIMIT).toEqual({ max: 30, windowMs: 600_000 })
  })

  test('13c the limit counts hits and misses per user; beyond it 429 DUF_LOOKUP_RATE_LIMITED with Retry-After; another user is not held up', async () => {
    const [oslo] = await reg.db
      .select()
      .from(persons)
      .where(and(eq(persons.followUpMunicipality, '0301'), eq(persons.closed, false)))
    const walker = await login('super')
    const statuses = []
    for (const duf of [oslo!.duf, '000000000001', '000000000002']) statuses.push((await lookUp(duf, walker.accessToken)).status)
    expect(statuses).toEqual([200, 404, 404])
    const refused = await lookUp(oslo!.duf, walker.accessToken)
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ error: 'DUF_LOOKUP_RATE_LIMITED' })
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // A new token for the same user is the same user: logging in again does not reset the count.
    const again = await login('super')
    expect((await lookUp(oslo!.duf, again.accessToken)).status).toBe(429)
    const other = await login('intro')
    expect((await lookUp(oslo!.duf, other.accessToken)).status).toBe(200)
  })

  test('13c every look-up is audited: a hit as a read of the person, a miss without the number looked up', async () => {
    const [trondheim] = await reg.db
      .select()
      .from(persons)
      .where(and(eq(persons.followUpMunicipality, '5001'), eq(persons.closed, false)))
    const user = await login('norsk')
    expect((await lookUp(trondheim!.duf, user.accessToken)).status).toBe(200)
    expect((await lookUp('999999999999', user.accessToken)).status).toBe(404)
    const rows = await reg.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.user.id), inArray(auditLog.action, ['person.read', 'person.lookup.miss'])))
    expect(rows.map((r) => [r.action, r.personId, r.details]).sort()).toEqual(
      [
        ['person.lookup.miss', null, { via: 'duf' }],
        ['person.read', trondheim!.id, { via: 'duf' }],
      ].sort(),
    )
    expect(JSON.stringify(rows)).not.toContain('999999999999')
  })

  test('13c a closed person hidden from a read-only user is audited as a miss, not a read (R9)', async () => {
    // The small demo has no closed person: close one in the register, as a case closure would.
    const [closed] = await reg.db
      .select()
      .from(persons)
      .where(and(eq(persons.followUpMunicipality, '0301'), eq(persons.closed, false)))
    await reg.db.update(persons).set({ closed: true }).where(eq(persons.id, closed!.id))
    const reader = await login('les')
    expect((await lookUp(closed!.duf, reader.accessToken)).status).toBe(404)
    const rows = await reg.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, reader.user.id), inArray(auditLog.action, ['person.read', 'person.lookup.miss'])))
    expect(rows.map((r) => [r.action, r.personId])).toEqual([['person.lookup.miss', null]])
  })
})
