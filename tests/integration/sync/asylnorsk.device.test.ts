import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { AsylnorskOffer } from '../../../src/shared/domain'
import { addDays, isoWeek } from '../../../src/shared/calendar'
import { osloDateOfMs } from '../../../src/shared/rules'
import { importNdjson, startRegister } from '../../../src/server'
import { asylnorskOffers as registerOffers, asylnorskParticipation as registerParticipation } from '../../../src/server/db/schema'
import { asylnorskOffers, asylnorskParticipation, outbox, persons } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { loginAndSync, tempDir, testDevice } from './helpers'

/**
 * D7 on real devices and a real register: `tilskot` (no person data) gets a first sync, registers
 * the municipality's yearly offer, which the push carries to the register and the pull to every
 * other device of the municipality; a `norsk` caseworker then registers weeks inside it. The
 * first seeker applied before 2021 (R12.0.4: R3.5 / R7); the second in the last year, so the
 * 2021 act's training in reception applies (R12.2.8: rows MOTTAK_NORSK / MOTTAK_SAMF).
 */

const today = osloDateOfMs(Date.now())
const year = Number(today.slice(0, 4))
const seekerId = `asyl-${randomUUID()}`
const SEEKER = {
  id: seekerId,
  duf: '202000054321',
  nationalId: null,
  regNumber: null,
  firstName: 'Amanuel',
  middleName: null,
  lastName: 'Tesfay',
  birthDate: '1995-02-02',
  sex: 'M',
  closed: false,
  // R12.0.4: an application before 2021 keeps R3.5 / R7 (asylnorsk, NKNV).
  arrivalDate: '2020-10-01',
  followUpMunicipality: '4601',
  followUpDistrict: null,
  followUpByAgreement: false,
  receptionCentre: 'ordinaert',
}
const PERMIT = {
  id: `${seekerId}-permit`,
  personId: seekerId,
  groundCode: 'ASYLSOKAR',
  permitType: 'Asylsøknad under behandling',
  legalBasis: 'utlendingsloven § 28 (søknad under behandling)',
  validFrom: '2020-10-01',
  validTo: null,
  grantedDate: '2020-10-01',
}
/** R12.2.8: an application from 2021 (last October) → `mottak_plikt`. */
const seeker21Id = `asyl21-${randomUUID()}`
const SEEKER21 = { ...SEEKER, id: seeker21Id, duf: '202400054322', firstName: 'Hanna', arrivalDate: `${year - 1}-10-01` }
const PERMIT21 = { ...PERMIT, id: `${seeker21Id}-permit`, personId: seeker21Id, validFrom: `${year - 1}-10-01`, grantedDate: `${year - 1}-10-01` }

type Answer = { ok: true; value: unknown } | { ok: false; reasons: { code: string; field?: string }[] }
const call = (d: Device, name: string, input: object) => d.dispatch(name, input) as Promise<Answer>
const refusals = (a: Answer) => (a.ok ? [] : a.reasons.map((r) => `${r.code}@${r.field}`))
const sync = async (d: Device) => {
  d.ctx.session!.sync.run()
  await d.ctx.session!.sync.whenIdle()
}

for (const backend of backends())
  describe(`asylnorsk offers and weeks from the device (register on ${backend.name})`, () => {
    const dirs = [tempDir('asyl-tilskot'), tempDir('asyl-norsk')]
    let register: Awaited<ReturnType<typeof startRegister>>
    let tilskot: Device
    let norsk: Device
    const offer: AsylnorskOffer = { id: randomUUID(), municipality: '4601', year, kind: 'ASYLNORSK', fromDate: `${year}-01-01`, toDate: `${year}-12-31` }

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 5 } })
      const lines = [
        { type: 'person', ...SEEKER },
        { type: 'permit', ...PERMIT },
        { type: 'person', ...SEEKER21 },
        { type: 'permit', ...PERMIT21 },
      ]
      const imported = await importNdjson(register.db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
      expect(imported.ok, JSON.stringify(imported)).toBe(true)
      tilskot = testDevice(dirs[0].dir, register.url)
      norsk = testDevice(dirs[1].dir, register.url)
    }, 120_000)
    afterAll(async () => {
      await tilskot?.close()
      await norsk?.close()
      await register?.close()
      for (const d of dirs) d.remove()
    })

    test('R9 the first sync of a user without person data finishes: the replica is ready, with no persons', async () => {
      await loginAndSync(tilskot, 'tilskot')
      const state = await call(tilskot, 'session.state', {})
      expect(state).toMatchObject({ ok: true, value: { replicaReady: true, user: { roles: ['kommunetilskudd_asylnorsksokar'] } } })
      expect(tilskot.ctx.session!.sync.status().state).toBe('upToDate')
      expect(tilskot.ctx.session!.replica.db.select().from(persons).all()).toEqual([])
      expect(await call(tilskot, 'asylnorsk.offers', {})).toEqual({ ok: true, value: { offers: [], syncMarks: {} } })
    })

    test('R7.1 an offer reaching into the next year is refused on both dates it concerns, and nothing is written or queued', async () => {
      const answer = await call(tilskot, 'asylnorsk.registerOffer', { ...offer, id: randomUUID(), fromDate: `${year}-06-01`, toDate: `${year + 1}-01-31` })
      expect(refusals(answer)).toEqual(['OFFER_OUTSIDE_YEAR@toDate'])
      const { db } = tilskot.ctx.session!.replica
      expect(db.select().from(asylnorskOffers).all()).toEqual([])
      expect(db.select().from(outbox).all()).toEqual([])
    })

    test('R7.1 the offer is saved on the device, listed by asylnorsk.offers, and the push applies it on the register', async () => {
      expect(await call(tilskot, 'asylnorsk.registerOffer', offer)).toMatchObject({ ok: true, value: { rows: [{ entity: 'asylnorskOffer', id: offer.id }], warnings: [] } })
      expect(await call(tilskot, 'asylnorsk.offers', {})).toEqual({ ok: true, value: { offers: [offer], syncMarks: { [`asylnorskOffer:${offer.id}`]: 'pending' } } })
      await sync(tilskot)
      // A4: applied by the register, the offer is in sync and loses its mark.
      expect(await call(tilskot, 'asylnorsk.offers', {})).toEqual({ ok: true, value: { offers: [offer], syncMarks: {} } })
      const { db } = tilskot.ctx.session!.replica
      expect(db.select({ state: outbox.state }).from(outbox).all()).toEqual([{ state: 'applied' }])
      expect(await register.db.select().from(registerOffers).where(eq(registerOffers.id, offer.id))).toMatchObject([{ ...offer, version: 1, deleted: false }])
    })

    test('R7.1 a second offer of the same kind and year is refused beside the year', async () => {
      const answer = await call(tilskot, 'asylnorsk.registerOffer', { ...offer, id: randomUUID(), fromDate: `${year}-02-01` })
      expect(refusals(answer)).toEqual(['OFFER_EXISTS@year'])
    })

    test('R9 a norsk caseworker sees the pulled offer but may not register one', async () => {
      await loginAndSync(norsk, 'norsk')
      expect(await call(norsk, 'asylnorsk.offers', {})).toEqual({ ok: true, value: { offers: [offer], syncMarks: {} } })
      const answer = await call(norsk, 'asylnorsk.registerOffer', { ...offer, id: randomUUID(), kind: 'NKNV' })
      expect(refusals(answer)).toEqual(['NOT_PERMITTED@command'])
    })

    test('R7.2 a week inside the offered period is saved; a week before it and a kind not offered are refused beside the week', async () => {
      const w = isoWeek(today)
      const inside = { id: randomUUID(), personId: seekerId, isoYear: w.year, isoWeek: w.week, kind: 'ASYLNORSK', hours: 6 }
      expect(await call(norsk, 'asylnorsk.saveWeeklyParticipation', inside)).toMatchObject({ ok: true })
      const before = isoWeek(addDays(`${year}-01-01`, -14))
      const outside = { ...inside, id: randomUUID(), isoYear: before.year, isoWeek: before.week }
      expect(refusals(await call(norsk, 'asylnorsk.saveWeeklyParticipation', outside))).toContain('ASYLNORSK_NOT_OFFERED@isoWeek')
      const nknv = { ...inside, id: randomUUID(), kind: 'NKNV' }
      expect(refusals(await call(norsk, 'asylnorsk.saveWeeklyParticipation', nknv))).toEqual(['ASYLNORSK_NOT_OFFERED@isoWeek'])
      const rows = norsk.ctx.session!.replica.db.select().from(asylnorskParticipation).where(eq(asylnorskParticipation.personId, seekerId)).all()
      expect(rows.map((r) => r.id)).toEqual([inside.id])
    })
    test('R12.2.8 a 2021 applicant: a Norwegian week in reception is saved in the asylnorsk offer and pushed; the 2003 kind and social studies without the NKNV offer are refused', async () => {
      const w = isoWeek(today)
      const week = { id: randomUUID(), personId: seeker21Id, isoYear: w.year, isoWeek: w.week, kind: 'MOTTAK_NORSK', hours: 6 }
      expect(refusals(await call(norsk, 'asylnorsk.saveWeeklyParticipation', { ...week, id: randomUUID(), kind: 'ASYLNORSK' }))).toEqual(['ASYLNORSK_KIND_NOT_ALLOWED@kind'])
      const samf = await call(norsk, 'asylnorsk.saveWeeklyParticipation', { ...week, id: randomUUID(), kind: 'MOTTAK_SAMF' })
      expect(refusals(samf)).toEqual(['ASYLNORSK_NOT_OFFERED@isoWeek'])
      // Named by the offer the municipality must register (NKNV), not by the row's kind.
      expect(!samf.ok && (samf.reasons[0] as { values?: object }).values).toMatchObject({ kind: 'NKNV' })
      expect(await call(norsk, 'asylnorsk.saveWeeklyParticipation', week)).toMatchObject({ ok: true })
      await sync(norsk)
      expect(await register.db.select().from(registerParticipation).where(eq(registerParticipation.personId, seeker21Id))).toMatchObject([
        { id: week.id, kind: 'MOTTAK_NORSK', hours: 6, deleted: false },
      ])
    })
  })
