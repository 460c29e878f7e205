import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import type { PushRequest, PushResponse } from '../../../src/shared/sync'
import { startRegister } from '../../../src/server'
import { mutations, weeklyParticipation as registerWeeks } from '../../../src/server/db/schema'
import { outbox, weeklyParticipation } from '../../../src/main/db/schema'
import { RegisterClient } from '../../../src/main/sync/register-client'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { dropReply, FaultProxy, type Upstream } from './fault-proxy'
import { loginAndSync, tempDir, testDevice } from './helpers'
import { grantedNorskDecision, importNorskPerson, registerTrace, weekRow } from './registration-fixture'

/**
 * A9 sync under faults, with real replicas, a real register and a real HTTP proxy between
 * them that loses replies, duplicates and reorders pushes: every mutation is applied exactly
 * once (one effect at version 1, one `mutations` row, one audit entry), and two devices
 * registering the same week end in a conflict, never a silent overwrite (A4 steps 1 and 4).
 */

const personId = 'e7-faults-person'
const today = osloDateOfMs(Date.now())

for (const backend of backends())
  describe(`sync under faults (register on ${backend.name})`, () => {
    const dirs = [tempDir('faults-a'), tempDir('faults-b')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let proxy: FaultProxy
    let a: Device
    let b: Device
    // The devices' clock, moved forward to pass the push retry timer (A4 backoff) without waiting for it.
    let offset = 0
    const now = () => new Date(Date.now() + offset)

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      await importNorskPerson(register.db, personId, today, '201900054321')
      proxy = new FaultProxy(register.url)
      await proxy.start()
      a = testDevice(dirs[0].dir, proxy.url, { now })
      b = testDevice(dirs[1].dir, register.url, { now })
      await loginAndSync(a, 'norsk')
      await loginAndSync(b, 'norsk')
      await save(a, 'decision.register', grantedNorskDecision(personId, today))
      await sync(a)
      await sync(b)
    }, 120_000)
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await proxy?.stop()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    const save = async (d: Device, name: string, input: object): Promise<string> => {
      const res = (await d.dispatch(name, input)) as { ok: true; value: { mutationId: string } } | { ok: false; reasons: unknown }
      if (!res.ok) throw new Error(`${name} refused: ${JSON.stringify(res.reasons)}`)
      return res.value.mutationId
    }
    /** One full cycle; after a network failure the device probes /health until it is back online first. */
    const sync = async (d: Device) => {
      const s = d.ctx.session!.sync
      await s.whenIdle()
      for (let i = 0; i < 100 && !s.online; i++) await new Promise((r) => setTimeout(r, 50))
      s.run()
      await s.whenIdle()
    }
    const outboxRow = (d: Device, id: string) => d.ctx.session!.replica.db.select().from(outbox).where(eq(outbox.id, id)).get()!
    const registerWeek = async (id: string) => (await register.db.select().from(registerWeeks).where(eq(registerWeeks.id, id)))[0]
    const liveWeeks = (d: Device, w: { isoYear: number; isoWeek: number }) =>
      d.ctx
        .session!.replica.db.select()
        .from(weeklyParticipation)
        .where(
          and(
            eq(weeklyParticipation.personId, personId),
            eq(weeklyParticipation.isoYear, w.isoYear),
            eq(weeklyParticipation.isoWeek, w.isoWeek),
            eq(weeklyParticipation.deleted, false),
          ),
        )
        .all()
    const sentTimes = (id: string) => proxy.pushes.filter((p) => p.mutations.some((m) => m.id === id)).length

    const w1 = weekRow(personId, today, 2)
    test('A4 a reply lost after the register committed: the device retries after its backoff timer and the week is applied once', async () => {
      proxy.faults.push(dropReply)
      const id = await save(a, 'norsk.saveWeeklyParticipation', w1)
      await sync(a)
      // The register committed; the device never heard, so the row waits for its retry timer.
      expect(outboxRow(a, id)).toMatchObject({ state: 'pending', attempts: 1, lastErrorKind: 'network' })
      expect(await registerTrace(register.db, id)).toEqual({ mutations: 1, audit: 1, verdict: 'applied' })
      expect(await registerWeek(w1.id)).toMatchObject({ version: 1, norskHours: 6 })

      offset += 10_000 // past the 5 s (± 20 %) first backoff
      await sync(a)
      expect(sentTimes(id)).toBe(2)
      expect(outboxRow(a, id)).toMatchObject({ state: 'applied', attempts: 1, nextAttemptAt: null })
      expect(JSON.parse(outboxRow(a, id).lastResponse!)).toMatchObject({ verdict: 'applied', versions: { [`weeklyParticipation:${w1.id}`]: 1 } })
      expect(await registerTrace(register.db, id)).toEqual({ mutations: 1, audit: 1, verdict: 'applied' })
      expect(await registerWeek(w1.id)).toMatchObject({ version: 1 })
      expect(liveWeeks(a, w1)).toMatchObject([{ id: w1.id, serverVersion: 1 }])
    })

    const w2 = weekRow(personId, today, 3)
    test('A4 the same push delivered twice at once: both answers are the same stored verdict, the week is applied once', async () => {
      const replies: Upstream[] = []
      proxy.faults.push(async (body, forward) => {
        replies.push(...(await Promise.all([forward(body), forward(body)])))
        return replies[0]
      })
      const id = await save(a, 'norsk.saveWeeklyParticipation', w2)
      await sync(a)
      expect(replies).toHaveLength(2)
      const [first, second] = replies.map((r) => JSON.parse(r.text) as PushResponse)
      expect(second).toEqual(first)
      expect(first.results.find((r) => r.id === id)).toMatchObject({ verdict: 'applied', versions: { [`weeklyParticipation:${w2.id}`]: 1 } })
      expect(await registerTrace(register.db, id)).toEqual({ mutations: 1, audit: 1, verdict: 'applied' })
      expect(await registerWeek(w2.id)).toMatchObject({ version: 1 })
      expect(outboxRow(a, id).state).toBe('applied')
    })

    test('A4 a reordered pair: the later seq arriving first gets resend_from, the device resends in order, the late first request is answered from storage', async () => {
      let held: PushRequest | null = null
      const replies: Upstream[] = []
      proxy.faults.push(async function reorder(body, forward) {
        // Only a push carrying both rows can be reordered; anything else waits for the next push.
        if (body.mutations.length < 2) {
          proxy.faults.unshift(reorder)
          return forward(body)
        }
        held = { ...body, mutations: body.mutations.slice(0, 1) }
        const reply = await forward({ ...body, mutations: body.mutations.slice(1) })
        replies.push(reply)
        return reply
      })
      const w3 = weekRow(personId, today, 4)
      const created = await save(a, 'norsk.saveWeeklyParticipation', w3)
      const edited = await save(a, 'norsk.saveWeeklyParticipation', { ...w2, id: w2.id, norskHours: 7 })
      await sync(a)
      const firstSeq = outboxRow(a, created).seq
      expect(JSON.parse(replies[0].text)).toEqual({ results: [], resendFrom: firstSeq })
      expect([outboxRow(a, created).state, outboxRow(a, edited).state]).toEqual(['applied', 'applied'])
      const stored = await register.db.select().from(mutations).where(eq(mutations.id, created))
      expect(stored).toMatchObject([{ seq: firstSeq }])
      expect((await register.db.select().from(mutations).where(eq(mutations.id, edited)))[0].seq).toBe(firstSeq + 1)

      // The first request, held back on the wire, arrives last: the stored verdict, nothing applied again.
      const late = await new RegisterClient(register.url).push(a.ctx.session!.token!, held!)
      expect(late).toEqual({ results: [JSON.parse(outboxRow(a, created).lastResponse!)], resendFrom: null })
      for (const id of [created, edited]) expect(await registerTrace(register.db, id)).toEqual({ mutations: 1, audit: 1, verdict: 'applied' })
      expect(await registerWeek(w3.id)).toMatchObject({ version: 1 })
      expect(await registerWeek(w2.id)).toMatchObject({ version: 2, norskHours: 7 })
    })

    test('A4 duplicate_key: two devices create the same ISO week; the register keeps the first, the second device is told so and holds only the register row', async () => {
      const mine = weekRow(personId, today, 5, { norskHours: 6 })
      const theirs = weekRow(personId, today, 5, { norskHours: 4 })
      const first = await save(a, 'norsk.saveWeeklyParticipation', mine)
      await sync(a)
      const second = await save(b, 'norsk.saveWeeklyParticipation', theirs)
      await sync(b)
      expect(outboxRow(a, first).state).toBe('applied')
      expect(outboxRow(b, second).state).toBe('conflict')
      expect(JSON.parse(outboxRow(b, second).lastResponse!)).toMatchObject({
        verdict: 'conflict',
        reasons: [{ code: 'DUPLICATE_KEY' }],
        conflict: {
          kind: 'duplicate_key',
          rows: [
            { entity: 'weeklyParticipation', id: mine.id, version: 1, row: expect.objectContaining({ norskHours: 6 }) },
            // The device's own id is unknown to the register: row null, so the device drops it.
            { entity: 'weeklyParticipation', id: theirs.id, version: null, row: null },
          ],
        },
      })
      const onRegister = await register.db
        .select()
        .from(registerWeeks)
        .where(and(eq(registerWeeks.personId, personId), eq(registerWeeks.isoWeek, mine.isoWeek), eq(registerWeeks.deleted, false)))
      expect(onRegister).toMatchObject([{ id: mine.id, version: 1, norskHours: 6 }])
      expect(await registerTrace(register.db, second)).toEqual({ mutations: 1, audit: 1, verdict: 'conflict' })
      // The second device's week is the register's again: one row for the week, not its own next to it.
      expect(liveWeeks(b, mine)).toEqual([{ ...mine, serverVersion: 1, deleted: false }])
    })

    test('A4 stale_base: two devices edit the same week; the first edit is applied, the second is a conflict and its row returns to the register state', async () => {
      await sync(b) // b holds w1 at version 1, as a does
      const first = await save(a, 'norsk.saveWeeklyParticipation', { ...w1, norskHours: 8 })
      const second = await save(b, 'norsk.saveWeeklyParticipation', { ...w1, norskHours: 4 })
      expect(JSON.parse(outboxRow(b, second).baseVersions)).toEqual({ [`weeklyParticipation:${w1.id}`]: 1 })
      await sync(a)
      await sync(b)
      expect(outboxRow(a, first).state).toBe('applied')
      expect(JSON.parse(outboxRow(b, second).lastResponse!)).toMatchObject({
        verdict: 'conflict',
        conflict: { kind: 'stale_base', rows: [{ entity: 'weeklyParticipation', id: w1.id, version: 2, row: expect.objectContaining({ norskHours: 8 }) }] },
      })
      expect(await registerWeek(w1.id)).toMatchObject({ version: 2, norskHours: 8 })
      expect(liveWeeks(b, w1)).toEqual([{ ...w1, norskHours: 8, serverVersion: 2, deleted: false }])
      expect(liveWeeks(a, w1)).toEqual([{ ...w1, norskHours: 8, serverVersion: 2, deleted: false }])
    })

    test('A9 after all faults: every outbox row of both devices is decided and every mutation the register processed has exactly one audit entry', async () => {
      for (const d of [a, b]) {
        const rows = d.ctx.session!.replica.db.select().from(outbox).all()
        expect(rows.filter((r) => r.state === 'pending')).toEqual([])
        for (const r of rows) expect(await registerTrace(register.db, r.id), `${r.command} ${r.id}`).toMatchObject({ mutations: 1, audit: 1 })
      }
    })
  })
