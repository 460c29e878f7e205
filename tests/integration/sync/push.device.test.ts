import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import { startRegister } from '../../../src/server'
import { auditLog, contacts as registerContacts } from '../../../src/server/db/schema'
import { contacts, outbox } from '../../../src/main/db/schema'
import { pushPending } from '../../../src/main/sync/push'
import { HttpError, NetworkError, RegisterClient } from '../../../src/main/sync/register-client'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { loginAndSync, replicaSnapshot, tempDir, testDevice } from './helpers'

/**
 * A4 push from real devices (encrypted replicas) to a real register over HTTP: the sync cycle
 * pushes pending outbox rows before it pulls; verdicts land on the outbox rows; two devices
 * editing the same record end in a conflict, never a silent overwrite.
 */

for (const backend of backends())
  describe(`push from the device (register on ${backend.name})`, () => {
    const dirs = [tempDir('push-a'), tempDir('push-b')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let a: Device
    let b: Device
    let personId: string
    const contactId = randomUUID()
    const today = osloDateOfMs(Date.now())

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 10 } })
      a = testDevice(dirs[0].dir, register.url)
      b = testDevice(dirs[1].dir, register.url)
      await loginAndSync(a, 'norsk')
      await loginAndSync(b, 'norsk')
      personId = String(replicaSnapshot(a).person[0].id)
    }, 120_000)
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    const sync = async (d: Device) => {
      d.ctx.session!.sync.run()
      await d.ctx.session!.sync.whenIdle()
    }
    const states = (d: Device) => d.ctx.session!.replica.db.select({ command: outbox.command, state: outbox.state }).from(outbox).orderBy(outbox.seq).all()

    test('A4 a sync pushes the outbox in order: the contact and the read are applied, the register has them, the replica holds the server version', async () => {
      expect(await a.dispatch('persons.get', { personId })).toMatchObject({ ok: true })
      expect(await a.dispatch('contact.register', { id: contactId, personId, scheme: 'norsk', date: today })).toMatchObject({ ok: true })
      expect(states(a).map((r) => r.state)).toEqual(['pending', 'pending'])
      await sync(a)
      expect(states(a)).toEqual([
        { command: 'audit.read', state: 'applied' },
        { command: 'contact.register', state: 'applied' },
      ])
      expect(await register.db.select().from(registerContacts).where(eq(registerContacts.id, contactId))).toMatchObject([{ version: 1, date: today, deleted: false }])
      expect(a.ctx.session!.replica.db.select().from(contacts).where(eq(contacts.id, contactId)).all()).toMatchObject([{ serverVersion: 1 }])
      const reads = await register.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.action} = 'person.read' and ${auditLog.personId} = ${personId}`)
      expect(reads).toHaveLength(1)
      expect(a.ctx.session!.sync.status().state).toBe('upToDate')
    })

    test('A4 two devices editing the same contact: the first edit is applied, the second is a conflict and the register keeps the first', async () => {
      await sync(b) // b now has the contact at version 1
      const yesterday = osloDateOfMs(Date.now() - 86_400_000)
      expect(await b.dispatch('contact.register', { id: contactId, personId, scheme: 'norsk', date: yesterday })).toMatchObject({ ok: true })
      const twoDaysAgo = osloDateOfMs(Date.now() - 2 * 86_400_000)
      expect(await a.dispatch('contact.register', { id: contactId, personId, scheme: 'norsk', date: twoDaysAgo })).toMatchObject({ ok: true })
      await sync(b)
      await sync(a)
      expect(states(b).at(-1)).toEqual({ command: 'contact.register', state: 'applied' })
      const last = a.ctx.session!.replica.db.select().from(outbox).orderBy(outbox.seq).all().at(-1)!
      expect(last.state).toBe('conflict')
      expect(JSON.parse(last.lastResponse!)).toMatchObject({
        verdict: 'conflict',
        conflict: { kind: 'stale_base', rows: [{ id: contactId, version: 2, row: { date: yesterday } }] },
      })
      expect(await register.db.select().from(registerContacts).where(eq(registerContacts.id, contactId))).toMatchObject([{ version: 2, date: yesterday }])
    })

    test('A4 a register out of reach sets the retry timer (5 s ± 20 %) in the outbox; nothing is sent before it; a 401 stops with the row kept', async () => {
      const contact = { id: randomUUID(), personId, scheme: 'norsk', date: today }
      expect(await a.dispatch('contact.register', contact)).toMatchObject({ ok: true })
      const replica = a.ctx.session!.replica
      const row = () =>
        replica.db
          .select()
          .from(outbox)
          .where(sql`${outbox.payload} like ${`%${contact.id}%`}`)
          .get()!
      const at = new Date()
      // Port 9 on loopback: nothing listens, a real connection refusal.
      const unreachable = new RegisterClient('http://127.0.0.1:9', { timeoutMs: 2000 })
      const deps = { replica, client: unreachable, token: 'x', signal: new AbortController().signal, now: () => at }
      await expect(pushPending(deps)).rejects.toBeInstanceOf(NetworkError)
      const waiting = row()
      expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastErrorKind: 'network' })
      const delay = Date.parse(waiting.nextAttemptAt!) - at.getTime()
      expect(delay).toBeGreaterThanOrEqual(4000)
      expect(delay).toBeLessThanOrEqual(6000)
      // Before the timer nothing is attempted (a request would fail again and count a second attempt).
      expect(await pushPending(deps)).toEqual({ sent: 0 })
      expect(row().attempts).toBe(1)

      const later = new Date(at.getTime() + 10_000)
      const wrongToken = { ...deps, client: new RegisterClient(register.url), token: 'not-a-token', now: () => later }
      await expect(pushPending(wrongToken)).rejects.toSatisfy((e) => e instanceof HttpError && e.status === 401)
      expect(row()).toMatchObject({ state: 'pending', attempts: 1 })

      // The real sync right now waits for the timer; once it is due, the row goes through.
      await sync(a)
      expect(row().state).toBe('pending')
      expect(await pushPending({ ...wrongToken, token: a.ctx.session!.token! })).toEqual({ sent: 1 })
      expect(row()).toMatchObject({ state: 'applied', nextAttemptAt: null })
    })

    test('A4 a pull does not overwrite a row with an unsent edit; the push then meets the register change as a stale_base conflict', async () => {
      const replica = a.ctx.session!.replica
      const mine = osloDateOfMs(Date.now() - 3 * 86_400_000)
      expect(await a.dispatch('contact.register', { id: contactId, personId, scheme: 'norsk', date: mine })).toMatchObject({ ok: true })
      const base = replica.db.select().from(contacts).where(eq(contacts.id, contactId)).get()!
      // The register is out of reach for this push: the row waits for its retry timer.
      const at = new Date()
      const unreachable = { replica, client: new RegisterClient('http://127.0.0.1:9', { timeoutMs: 2000 }), token: 'x', signal: new AbortController().signal, now: () => at }
      await expect(pushPending(unreachable)).rejects.toBeInstanceOf(NetworkError)
      // Meanwhile another caseworker changes the contact on the register.
      const theirs = osloDateOfMs(Date.now() - 4 * 86_400_000)
      expect(await b.dispatch('contact.register', { id: contactId, personId, scheme: 'norsk', date: theirs })).toMatchObject({ ok: true })
      await sync(b)
      const [registerRow] = await register.db.select().from(registerContacts).where(eq(registerContacts.id, contactId))
      expect(registerRow.date).toBe(theirs)

      await sync(a) // push waits for the timer; the pull brings the register's change
      expect(replica.db.select().from(contacts).where(eq(contacts.id, contactId)).get()).toEqual({ ...base, date: mine })

      const later = new Date(at.getTime() + 10_000)
      await pushPending({ ...unreachable, client: new RegisterClient(register.url), token: a.ctx.session!.token!, now: () => later })
      const last = replica.db.select().from(outbox).orderBy(outbox.seq).all().at(-1)!
      expect(last.state).toBe('conflict')
      expect(JSON.parse(last.lastResponse!)).toMatchObject({ conflict: { kind: 'stale_base', rows: [{ id: contactId, version: registerRow.version, row: { date: theirs } }] } })
      // The verdict releases the row: the next pull returns it to the register's state.
      await sync(a)
      expect(replica.db.select().from(contacts).where(eq(contacts.id, contactId)).get()).toMatchObject({ date: theirs, serverVersion: registerRow.version })
    })
  })
