import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDays } from '../../../src/shared/calendar'
import { osloDateOfMs } from '../../../src/shared/rules'
import { projectScope, startRegister } from '../../../src/server'
import { auditLog, mutations } from '../../../src/server/db/schema'
import { outbox } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { FaultProxy } from './fault-proxy'
import { loginAndSync, replicaSnapshot, serverSnapshot, tempDir, testDevice } from './helpers'
import { grantedNorskDecision, importNorskPerson, registerTrace, weekRow } from './registration-fixture'

/**
 * A9 an offline week: the register goes away (its port closes) while a caseworker registers
 * a week of mixed work on one person, including edits and a delete of rows that never
 * reached the register; when it comes back at the same URL, one sync applies everything in
 * `seq` order, the register's state equals the device's, every mutation has exactly one
 * audit entry, and nothing is left pending.
 */

const personId = 'e7-offline-person'
const today = osloDateOfMs(Date.now())

for (const backend of backends())
  describe(`an offline week of registrations (register on ${backend.name})`, () => {
    const dir = tempDir('offline-week')
    let register: Awaited<ReturnType<typeof startRegister>>
    let proxy: FaultProxy
    let device: Device
    const saved: string[] = []

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      await importNorskPerson(register.db, personId, today, '201900065432')
      proxy = new FaultProxy(register.url)
      await proxy.start()
      device = testDevice(dir.dir, proxy.url)
      await loginAndSync(device, 'norsk')
    }, 120_000)
    afterAll(async () => {
      await device?.close()
      await proxy?.stop()
      await register?.close()
      dir.remove()
    })

    const save = async (name: string, input: object): Promise<void> => {
      const res = (await device.dispatch(name, input)) as { ok: true; value: { mutationId: string } } | { ok: false; reasons: unknown }
      if (!res.ok) throw new Error(`${name} refused offline: ${JSON.stringify(res.reasons)}`)
      saved.push(res.value.mutationId)
    }
    const rows = () => device.ctx.session!.replica.db.select().from(outbox).where(inArray(outbox.id, saved)).orderBy(outbox.seq).all()

    test('A4 offline: every save is kept in the outbox in order while the register cannot be reached', async () => {
      const s = device.ctx.session!.sync
      await proxy.stop()
      await save('contact.register', { id: randomUUID(), personId, scheme: 'norsk', date: addDays(today, -3) })
      s.run()
      await s.whenIdle()
      expect(s.online).toBe(false)
      expect(rows()[0]).toMatchObject({ state: 'pending', attempts: 1, lastErrorKind: 'network' })

      await save('decision.register', grantedNorskDecision(personId, today))
      const weeks = [1, 2, 3, 4, 5].map((back) => weekRow(personId, today, back))
      for (const w of weeks) await save('norsk.saveWeeklyParticipation', w)
      // Edits and a delete of rows the register has never seen: each depends on the save that created it.
      await save('norsk.saveWeeklyParticipation', { ...weeks[0], norskHours: 7.5 })
      await save('norsk.saveWeeklyParticipation', { ...weeks[3], absenceHours: 2 })
      await save('norsk.deleteWeeklyParticipation', { id: weeks[4].id, personId })
      await save('contact.register', { id: randomUUID(), personId, scheme: 'norsk', date: today })
      await save('norsk.registerLanguageTrack', { id: randomUUID(), personId, date: today, motherTongue: 'tir', language1: 'nor', language2: null, track: '2' })
      s.run()
      await s.whenIdle()

      const queued = rows()
      expect(queued).toHaveLength(12)
      expect(queued.every((r) => r.state === 'pending')).toBe(true)
      expect(queued.map((r) => r.seq)).toEqual(queued.map((_, i) => queued[0].seq + i))
      expect(queued.filter((r) => r.dependsOn !== null).map((r) => r.command)).toEqual([
        'norsk.saveWeeklyParticipation',
        'norsk.saveWeeklyParticipation',
        'norsk.deleteWeeklyParticipation',
      ])
      expect(await register.db.select().from(mutations).where(inArray(mutations.id, saved))).toEqual([])
    })

    test('A4 back online at the same URL: one sync applies all twelve in seq order, the register equals the device, one audit entry each, nothing pending', async () => {
      const s = device.ctx.session!.sync
      // The failed attempts left a retry timer in the future; the reconnect itself clears it
      // (A4: sync on reconnect), so the clock is not moved here.
      expect(Date.parse(rows()[0].nextAttemptAt ?? '')).toBeGreaterThan(Date.now())
      await proxy.start() // the same port: the register is back
      for (let i = 0; i < 100 && !s.online; i++) await new Promise((r) => setTimeout(r, 50))
      expect(s.online).toBe(true)
      await s.whenIdle()
      s.run()
      await s.whenIdle()

      const decided = rows()
      expect(decided.map((r) => `${r.command}:${r.state}`)).toEqual(decided.map((r) => `${r.command}:applied`))
      const processed = await register.db.select().from(mutations).where(inArray(mutations.id, saved))
      expect(processed.sort((x, y) => x.seq - y.seq).map((m) => [m.id, m.seq])).toEqual(decided.map((r) => [r.id, r.seq]))
      // Applied in seq order: the audit log (append-only, ids in commit order) lists them as the outbox does.
      const audit = (await register.db.select().from(auditLog).orderBy(auditLog.id)).filter((e) => saved.includes(String(e.details.mutationId)))
      expect(audit.map((e) => e.details.mutationId)).toEqual(decided.map((r) => r.id))
      for (const id of saved) expect(await registerTrace(register.db, id)).toEqual({ mutations: 1, audit: 1, verdict: 'applied' })

      expect(replicaSnapshot(device)).toEqual(serverSnapshot(await projectScope(register.db, '4601')))
      const mine = replicaSnapshot(device)
      expect(mine.weeklyParticipation.filter((w) => w.personId === personId)).toHaveLength(4)
      expect(mine.contact.filter((c) => c.personId === personId)).toHaveLength(2)
      expect(mine.languageTrack.filter((t) => t.personId === personId)).toHaveLength(1)
      expect(device.ctx.session!.replica.db.select().from(outbox).where(eq(outbox.state, 'pending')).all()).toEqual([])
      expect(s.status().state).toBe('upToDate')
    })
  })
