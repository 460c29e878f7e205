import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import { importNdjson, startRegister } from '../../../src/server'
import { auditLog, contacts as registerContacts } from '../../../src/server/db/schema'
import { contacts, outbox, persons } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { call, loginAndSync, tempDir, testDevice, value } from './helpers'

/**
 * Issue 7 points 6–7 (A4 "After a rejection or conflict", "Sync status", "Scope exits"): real
 * devices (encrypted SQLite replicas) push to a real register over HTTP. A refused row returns
 * to the register's state and waits in `sync.problems` with the caseworker's input; the
 * caseworker keeps the register's version, overwrites it, or fixes and resubmits; a person who
 * leaves the scope with unsent or refused work stays read-only until it is resolved.
 */

const DAY = 86_400_000
const today = osloDateOfMs(Date.now())
const daysAgo = (n: number) => osloDateOfMs(Date.now() - n * DAY)

const person = (id: string, duf: string, municipality: string, lastName: string) => ({
  type: 'person',
  id,
  duf,
  nationalId: null,
  regNumber: null,
  firstName: 'Synk',
  middleName: null,
  lastName,
  birthDate: '1991-02-03',
  sex: 'K',
  closed: false,
  arrivalDate: '2019-05-01',
  followUpMunicipality: municipality,
  followUpDistrict: null,
  followUpByAgreement: true,
  receptionCentre: null,
})
const P = person('sp-person-p', '201900071234', '4601', 'Problemsen')
const M = person('sp-person-m', '201900082345', '4601', 'Flyttersen')

for (const backend of backends())
  describe(`sync problems (register on ${backend.name})`, () => {
    const dirs = [tempDir('problems-a'), tempDir('problems-b')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let a: Device
    let b: Device
    /** Device a's clock ahead of the real one by this much (A5: the register refuses such times). */
    let skewMs = 0

    const importLines = async (...rows: object[]) => {
      const res = await importNdjson(register.db, rows.map((r) => JSON.stringify(r)).join('\n'), { actor: 'test' })
      if (!res.ok) throw new Error(JSON.stringify(res))
    }
    const sync = async (d: Device) => {
      d.ctx.session!.sync.run()
      await d.ctx.session!.sync.whenIdle()
    }
    const outboxOf = (d: Device, id: string) => d.ctx.session!.replica.db.select().from(outbox).where(eq(outbox.id, id)).get()!
    const lastCommand = (d: Device) =>
      d.ctx
        .session!.replica.db.select()
        .from(outbox)
        .where(sql`${outbox.command} <> 'audit.read'`)
        .orderBy(sql`${outbox.seq} desc`)
        .limit(1)
        .get()!
    const localContact = (d: Device, id: string) => d.ctx.session!.replica.db.select().from(contacts).where(eq(contacts.id, id)).get()
    const registerContact = async (id: string) => (await register.db.select().from(registerContacts).where(eq(registerContacts.id, id)))[0]
    /**
     * Saves and holds the row back as a failed push would (its retry timer an hour ahead), so
     * the push ~1 s after a save leaves it alone and a pull runs with it unsent; `release` lets it go.
     */
    const saveHeld = async (d: Device, input: { id: string; personId: string; scheme: 'norsk'; date: string }) => {
      const res = await call(d, 'contact.register', input)
      const later = new Date(Date.now() + 3_600_000).toISOString()
      d.ctx
        .session!.replica.db.update(outbox)
        .set({ nextAttemptAt: later })
        .where(eq(outbox.id, lastCommand(d).id))
        .run()
      return res
    }
    const release = (d: Device) => d.ctx.session!.replica.db.update(outbox).set({ nextAttemptAt: null }).where(eq(outbox.state, 'pending')).run()
    const pushNow = async (d: Device) => {
      release(d)
      await sync(d)
    }

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 4 } })
      await importLines(P, M)
      a = testDevice(dirs[0].dir, register.url, { now: () => new Date(Date.now() + skewMs) })
      b = testDevice(dirs[1].dir, register.url)
      await loginAndSync(a, 'norsk')
      await loginAndSync(b, 'norsk')
    }, 180_000)
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    test('A4 a save is pushed about a second later without a sync call; the chip counts unsent commands only (audit reads excluded)', async () => {
      value(await call(a, 'persons.get', { personId: P.id }))
      const id = randomUUID()
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: today }))
      expect(value(await call(a, 'sync.status', {}))).toMatchObject({ pending: 1, problems: 0, stale: false, oldestPendingAt: expect.any(String) })
      const view = value(await call(a, 'persons.get', { personId: P.id }))
      expect(view.syncMarks).toEqual({ [`contact:${id}`]: 'pending' })
      expect(value(await call(a, 'persons.search', { query: P.duf })).hits).toMatchObject([{ id: P.id, syncMark: 'pending' }])
      // The next save goes to the register on its own (A4 "sync right after a save"), and the held one with it.
      release(a)
      const second = randomUUID()
      value(await call(a, 'contact.register', { id: second, personId: P.id, scheme: 'norsk', date: today }))
      await vi.waitFor(() => expect(outboxOf(a, lastCommand(a).id).state).toBe('applied'), { timeout: 15_000, interval: 200 })
      await a.ctx.session!.sync.whenIdle()
      expect(await registerContact(second)).toMatchObject({ version: 1 })
      expect(value(await call(a, 'sync.status', {}))).toMatchObject({ pending: 0, oldestPendingAt: null, problems: 0 })
      expect(value(await call(a, 'persons.get', { personId: P.id })).syncMarks).toEqual({})
    })

    test('A4 unsent work older than 3 days turns the status stale', async () => {
      const id = randomUUID()
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: today }))
      expect(value(await call(a, 'sync.status', {})).stale).toBe(false)
      skewMs = 4 * DAY
      try {
        expect(value(await call(a, 'sync.status', {})).stale).toBe(true)
      } finally {
        skewMs = 0
      }
      release(a)
      await sync(a)
      expect(outboxOf(a, lastCommand(a).id).state).toBe('applied')
    })

    test('A4 a rejected edit returns the row to the register state, and the problem keeps the input, the base and the register rows', async () => {
      const id = randomUUID()
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: daysAgo(1) }))
      await pushNow(a)
      // The device clock runs two days ahead: the register refuses the recorded time (A5).
      skewMs = 2 * DAY
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: daysAgo(2) }))
      skewMs = 0
      const refused = lastCommand(a)
      await pushNow(a)
      expect(outboxOf(a, refused.id)).toMatchObject({ state: 'rejected', resolution: null })
      expect(localContact(a, id)).toMatchObject({ date: daysAgo(1), serverVersion: 1, deleted: false })
      const { problems } = value(await call(a, 'sync.problems', {}))
      expect(problems).toEqual([
        expect.objectContaining({
          mutationId: refused.id,
          command: 'contact.register',
          personId: P.id,
          personName: 'Synk Problemsen',
          verdict: 'rejected',
          conflictKind: null,
          payload: { id, personId: P.id, scheme: 'norsk', date: daysAgo(2) },
          reasons: [expect.objectContaining({ code: 'RECORDED_AT_IMPLAUSIBLE', field: 'recordedAt' })],
          register: [{ entity: 'contact', id, version: 1, row: expect.objectContaining({ date: daysAgo(1) }) }],
          base: [{ entity: 'contact', id, version: 1, row: expect.objectContaining({ date: daysAgo(1) }) }],
          causeMutationId: null,
        }),
      ])
      expect(value(await call(a, 'sync.problem', { mutationId: refused.id })).mutationId).toBe(refused.id)
      expect(value(await call(a, 'sync.status', {}))).toMatchObject({ problems: 1, pending: 0 })
      expect(value(await call(a, 'persons.get', { personId: P.id })).syncMarks).toEqual({ [`contact:${id}`]: 'problem' })

      // keepRegister: nothing changes in the replica, the problem is gone.
      expect(value(await call(a, 'sync.resolve', { mutationId: refused.id, resolution: 'keepRegister' }))).toMatchObject({ problems: 0 })
      expect(outboxOf(a, refused.id).resolution).toBe('keepRegister')
      expect(await call(a, 'sync.problem', { mutationId: refused.id })).toMatchObject({ ok: false, reasons: [{ code: 'SYNC_PROBLEM_NOT_FOUND', field: 'mutationId' }] })
      expect(localContact(a, id)).toMatchObject({ date: daysAgo(1) })
      // Only a conflict can be overwritten.
      const again = lastCommand(a)
      expect(await call(a, 'sync.resolve', { mutationId: again.id, resolution: 'overwrite' })).toMatchObject({ ok: false })
    })

    test('A4 a rejected create is removed from the replica; its dependent edit is dependency_rejected; fixing and resubmitting the create resolves both and is applied', async () => {
      const id = randomUUID()
      skewMs = 2 * DAY
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: daysAgo(3) }))
      skewMs = 0
      const create = lastCommand(a)
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: daysAgo(4) }))
      const edit = lastCommand(a)
      expect(edit.dependsOn).toBe(create.id)
      await pushNow(a)
      expect(outboxOf(a, create.id).state).toBe('rejected')
      expect(outboxOf(a, edit.id).state).toBe('rejected')
      expect(localContact(a, id)).toMatchObject({ deleted: true })
      expect(await registerContact(id)).toBeUndefined()
      const { problems } = value(await call(a, 'sync.problems', {}))
      expect(problems.map((p) => [p.mutationId, p.verdict, p.causeMutationId])).toEqual([
        [create.id, 'rejected', null],
        [edit.id, 'dependency_rejected', create.id],
      ])
      expect(problems[0]).toMatchObject({ register: [{ entity: 'contact', id, version: null, row: null }], base: [{ entity: 'contact', id, version: null, row: null }] })

      // Fix and resubmit: the screen saves the pre-filled dialog again (same row id).
      const fixed = value(await call(a, 'sync.problem', { mutationId: edit.id })).payload as { id: string; personId: string; scheme: 'norsk'; date: string }
      value(await saveHeld(a, fixed))
      expect(outboxOf(a, create.id).resolution).toBe('resubmitted')
      expect(outboxOf(a, edit.id).resolution).toBe('resubmitted')
      expect(value(await call(a, 'sync.problems', {})).problems).toEqual([])
      await pushNow(a)
      expect(await registerContact(id)).toMatchObject({ version: 1, date: daysAgo(4), deleted: false })
      expect(localContact(a, id)).toMatchObject({ serverVersion: 1, deleted: false })
    })

    test('A4 a conflict shows both versions; overwrite applies the input on the register with one audit entry; keepRegister leaves the register version', async () => {
      const id = randomUUID()
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: daysAgo(5) }))
      await pushNow(a)
      await sync(b)
      value(await call(b, 'contact.register', { id, personId: P.id, scheme: 'norsk', date: daysAgo(6) }))
      await sync(b)
      value(await saveHeld(a, { id, personId: P.id, scheme: 'norsk', date: daysAgo(7) }))
      // A4 "warn before pushing": the pull sees the register's change under the unsent edit.
      const held = lastCommand(a)
      await sync(a)
      expect(outboxOf(a, held.id).state).toBe('pending')
      expect(value(await call(a, 'persons.get', { personId: P.id }))).toMatchObject({ syncMarks: { [`contact:${id}`]: 'pending' }, registerChanged: [`contact:${id}`] })
      // Once due, the push meets the change as a conflict.
      await pushNow(a)
      const problem = value(await call(a, 'sync.problem', { mutationId: held.id }))
      expect(problem).toMatchObject({
        verdict: 'conflict',
        conflictKind: 'stale_base',
        register: [{ entity: 'contact', id, version: 2, row: { date: daysAgo(6) } }],
        base: [{ entity: 'contact', id, version: 1, row: { date: daysAgo(5) } }],
        payload: { date: daysAgo(7) },
      })
      expect(localContact(a, id)).toMatchObject({ date: daysAgo(6), serverVersion: 2 })
      expect(value(await call(a, 'persons.get', { personId: P.id })).registerChanged).toEqual([])

      // Meanwhile b, still at version 2, edits too (held until a's overwrite is in).
      value(await saveHeld(b, { id, personId: P.id, scheme: 'norsk', date: daysAgo(8) }))
      const bEdit = lastCommand(b)

      value(await call(a, 'sync.resolve', { mutationId: held.id, resolution: 'overwrite' }))
      expect(outboxOf(a, held.id).resolution).toBe('overwritten')
      const overwrite = lastCommand(a)
      expect(overwrite).toMatchObject({ state: 'pending', baseVersions: JSON.stringify({ [`contact:${id}`]: 2 }) })
      await sync(a)
      expect(outboxOf(a, overwrite.id).state).toBe('applied')
      expect(await registerContact(id)).toMatchObject({ version: 3, date: daysAgo(7) })
      const entries = await register.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'contact.register'), sql`${auditLog.details}->>'mutationId' = ${overwrite.id}`))
      expect(entries).toHaveLength(1)

      // The other way: b's next edit conflicts, and b keeps the register's version.
      await pushNow(b)
      expect(outboxOf(b, bEdit.id).state).toBe('conflict')
      value(await call(b, 'sync.resolve', { mutationId: bEdit.id, resolution: 'keepRegister' }))
      expect(localContact(b, id)).toMatchObject({ date: daysAgo(7), serverVersion: 3 })
      expect(await registerContact(id)).toMatchObject({ version: 3, date: daysAgo(7) })
      expect(value(await call(b, 'sync.problems', {})).problems).toEqual([])
    })

    test('A4 a person moved out of scope with unsent work stays read-only (PERSON_KEPT_AFTER_SCOPE_EXIT) until the work is resolved, then leaves at the next pull', async () => {
      const id = randomUUID()
      value(await saveHeld(a, { id, personId: M.id, scheme: 'norsk', date: today }))
      const pending = lastCommand(a)
      await importLines({ ...M, followUpMunicipality: '0301' })
      await sync(a)
      expect(outboxOf(a, pending.id).state).toBe('pending')
      const kept = value(await call(a, 'persons.get', { personId: M.id }))
      expect(kept).toMatchObject({ keptAfterScopeExit: true, syncMarks: { [`contact:${id}`]: 'pending' } })
      expect(await call(a, 'contact.register', { id: randomUUID(), personId: M.id, scheme: 'norsk', date: today })).toMatchObject({
        ok: false,
        reasons: [{ code: 'PERSON_KEPT_AFTER_SCOPE_EXIT', field: 'personId' }],
      })

      // Pushed at last: the register refuses it (out of scope) and discloses no row; still kept, now with a problem.
      await pushNow(a)
      expect(outboxOf(a, pending.id).state).toBe('rejected')
      expect(JSON.parse(outboxOf(a, pending.id).lastResponse!)).toMatchObject({ rows: [{ entity: 'contact', id, version: null, row: null }] })
      expect(value(await call(a, 'persons.get', { personId: M.id }))).toMatchObject({ keptAfterScopeExit: true, syncMarks: { [`contact:${id}`]: 'problem' } })

      value(await call(a, 'sync.resolve', { mutationId: pending.id, resolution: 'keepRegister' }))
      await sync(a)
      expect(a.ctx.session!.replica.db.select().from(persons).where(eq(persons.id, M.id)).all()).toEqual([])
      expect(await call(a, 'persons.get', { personId: M.id })).toMatchObject({ ok: false, reasons: [{ code: 'PERSON_NOT_FOUND' }] })
    })
  })
