import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import type { PushMutation, PushResponse } from '../../../src/shared/sync'
import { DEMO_PASSWORD, projectScope, startRegister } from '../../../src/server'
import { auditLog, contacts, mutations, pushDevices } from '../../../src/server/db/schema'
import { backends } from './backends'

/**
 * A4 push on the register over real HTTP, on PGlite and (with TEST_DATABASE_URL) PostgreSQL:
 * exactly-once by mutation id, per-device sequence with `resendFrom`, the rules re-run on the
 * register's own state, base versions (`stale_base`), audit entries and reads.
 */

for (const backend of backends())
  describe(`push (A4) on ${backend.name}`, () => {
    let register: Awaited<ReturnType<typeof startRegister>>
    let token: string
    let personId: string
    const now = new Date()
    const today = osloDateOfMs(now.getTime())
    const contactId = randomUUID()

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 10 } })
      const res = await fetch(`${register.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'norsk', password: DEMO_PASSWORD, deviceId: `dev-${backend.name}` }),
      })
      token = ((await res.json()) as { accessToken: string }).accessToken
      personId = String((await projectScope(register.db, '4601')).person[0].id)
    }, 120_000)
    afterAll(async () => {
      await register?.close()
    })

    const mutation = (seq: number, command: string, payload: object, extra: Partial<PushMutation> = {}): PushMutation => ({
      id: randomUUID(),
      seq,
      command,
      payload,
      contractVersion: 1,
      rulesVersion: 'test',
      naturalKey: null,
      baseVersions: {},
      dependsOn: null,
      recordedAt: now.toISOString(),
      ...extra,
    })
    const send = async (...batch: PushMutation[]): Promise<PushResponse> => {
      const res = await fetch(`${register.url}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId: 'ignored-token-has-one', lastSyncAt: null, mutations: batch }),
      })
      expect(res.status).toBe(200)
      return (await res.json()) as PushResponse
    }
    const auditsOf = async (mutationId: string) =>
      register.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.details}->>'mutationId' = ${mutationId}`)

    let first: PushMutation
    beforeAll(() => {
      first = mutation(1, 'contact.register', { id: contactId, personId, scheme: 'norsk', date: today }, { baseVersions: { [`contact:${contactId}`]: null } })
    })

    test('A4 a duplicated request is applied once: one row, one audit entry, the same stored response', async () => {
      const a = await send(first)
      const b = await send(first)
      expect(a.results).toHaveLength(1)
      expect(a.results[0]).toMatchObject({ id: first.id, verdict: 'applied', versions: { [`contact:${contactId}`]: 1 } })
      expect(b).toEqual(a)
      expect(await register.db.select().from(contacts).where(eq(contacts.id, contactId))).toMatchObject([{ version: 1, date: today, deleted: false }])
      expect(await auditsOf(first.id)).toHaveLength(1)
      expect(await register.db.select().from(mutations).where(eq(mutations.id, first.id))).toHaveLength(1)
    })

    test('A4 a gap in the sequence answers resendFrom and stores nothing', async () => {
      const ahead = mutation(5, 'audit.read', { personId })
      expect(await send(ahead)).toEqual({ results: [], resendFrom: 2 })
      expect(await register.db.select().from(mutations).where(eq(mutations.id, ahead.id))).toEqual([])
    })

    test('A4 an edit from a stale base is a conflict with the register row, never an overwrite', async () => {
      const edit = mutation(2, 'contact.register', { id: contactId, personId, scheme: 'norsk', date: today }, { baseVersions: { [`contact:${contactId}`]: 1 } })
      const yesterday = osloDateOfMs(now.getTime() - 86_400_000)
      const staleEdit = mutation(3, 'contact.register', { id: contactId, personId, scheme: 'norsk', date: yesterday }, { baseVersions: { [`contact:${contactId}`]: 1 } })
      const res = await send(edit, staleEdit)
      expect(res.resendFrom).toBeNull()
      expect(res.results.map((r) => r.verdict)).toEqual(['applied', 'conflict'])
      expect(res.results[1]).toMatchObject({
        reasons: [{ code: 'STALE_BASE' }],
        conflict: { kind: 'stale_base', rows: [{ entity: 'contact', id: contactId, version: 2, row: { date: today } }] },
      })
      expect(await register.db.select().from(contacts).where(eq(contacts.id, contactId))).toMatchObject([{ version: 2, date: today }])
    })

    test('R8.3 the register re-runs the rules: a future contact is rejected, counted as processed, and the queue moves on', async () => {
      const future = mutation(4, 'contact.register', { id: randomUUID(), personId, scheme: 'norsk', date: '2999-01-01' }, { baseVersions: {} })
      const read = mutation(5, 'audit.read', { personId })
      const res = await send(future, read)
      expect(res.results.map((r) => [r.verdict, r.reasons.map((x) => `${x.code}@${x.field}`)])).toEqual([
        ['rejected', ['EVENT_DATE_IN_FUTURE@date']],
        ['applied', []],
      ])
      expect(await auditsOf(read.id)).toMatchObject([{ action: 'person.read', personId, deviceId: `dev-${backend.name}` }])
      expect(
        await register.db
          .select()
          .from(pushDevices)
          .where(eq(pushDevices.deviceId, `dev-${backend.name}`)),
      ).toMatchObject([{ lastSeq: 5 }])
    })

    test('A4 a mutation that depends on a rejected one is rejected as dependency_rejected', async () => {
      const rejectedId = (await register.db.select().from(mutations).where(eq(mutations.seq, 4)))[0].id
      const dependant = mutation(6, 'contact.register', { id: randomUUID(), personId, scheme: 'norsk', date: today }, { dependsOn: rejectedId })
      expect((await send(dependant)).results).toMatchObject([{ verdict: 'dependency_rejected', reasons: [{ code: 'DEPENDENCY_REJECTED' }] }])
    })

    test("A4/A7 a mutation id another device used is refused, never answered with that device's stored response", async () => {
      // The conflict of seq 3 carries the register's row: the answer another device must not read.
      const taken = (await register.db.select().from(mutations).where(eq(mutations.seq, 3)))[0]
      expect(taken.verdict).toBe('conflict')
      const login = await fetch(`${register.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'norsk', password: DEMO_PASSWORD, deviceId: `other-${backend.name}` }),
      })
      const otherToken = ((await login.json()) as { accessToken: string }).accessToken
      const sendAsOther = async (...batch: PushMutation[]): Promise<PushResponse> => {
        const res = await fetch(`${register.url}/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${otherToken}` },
          body: JSON.stringify({ deviceId: 'ignored', lastSyncAt: null, mutations: batch }),
        })
        expect(res.status).toBe(200)
        return (await res.json()) as PushResponse
      }
      const forged = mutation(1, 'audit.read', { personId }, { id: taken.id })
      const refused = { id: taken.id, seq: 1, verdict: 'rejected', reasons: [{ code: 'MUTATION_ID_TAKEN', field: 'id', severity: 'error' }], versions: {}, conflict: null }
      expect(await sendAsOther(forged)).toEqual({ results: [refused], resendFrom: null })
      // Sent again, the same refusal; the stored mutation is still the first device's, unchanged.
      expect(await sendAsOther(forged)).toEqual({ results: [refused], resendFrom: null })
      expect(await register.db.select().from(mutations).where(eq(mutations.id, taken.id))).toEqual([taken])
      // The refused seq counts as processed: the other device's queue moves on.
      const next = mutation(2, 'audit.read', { personId })
      expect((await sendAsOther(next)).results).toMatchObject([{ id: next.id, verdict: 'applied' }])
      // The first device still gets its own stored answer for its id.
      const own = (await send({ ...forged, seq: 3 })).results[0]
      expect(own).toEqual(taken.response)
    })
  })
