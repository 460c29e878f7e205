import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDays } from '../../../src/shared/calendar'
import type { MunicipalityReports } from '../../../src/shared/reports'
import { osloDateOfMs } from '../../../src/shared/rules'
import { startRegister } from '../../../src/server'
import { absences, decisions, endings, measures, persons } from '../../../src/server/db/schema'
import { nextSeqs, takeChangeLock } from '../../../src/server/sync/change-lock'
import { and, asc, eq } from 'drizzle-orm'
import type { Device } from '../../../src/main/services'
import { backends } from '../server/backends'
import { call, loginAndSync, PASSWORD, tempDir, testDevice, value } from './helpers'

/**
 * D11 / issue 8 point 7: the municipality's reports computed on the device from its replica
 * (`reports.municipality`) and on the register over PostgreSQL (`GET /reports/municipality/:code`)
 * give equal figures for the same rows — on PGlite, and on PostgreSQL when `TEST_DATABASE_URL`
 * is set. The demo persons give statuses and deadlines; intro rows written on the register
 * (programmes, measures below the norm, absence, an ending) reach the device by the pull.
 */

const today = osloDateOfMs(Date.now())
const period = { fromDate: addDays(today, -200), toDate: today }

for (const backend of backends())
  describe(`D11 reports parity between device and register on ${backend.name}`, () => {
    const dir = tempDir(`reports-${backend.name}`)
    let register: Awaited<ReturnType<typeof startRegister>>
    let device: Device
    /** The person this test ends by `ARBEID` (the demo has registrations of its own besides). */
    let endedByWork = ''
    const token = async (username: string) => {
      const res = await fetch(`${register.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD, deviceId: 'reports-test' }),
      })
      return ((await res.json()) as { accessToken: string }).accessToken
    }
    const get = async (path: string, username = 'super') => fetch(`${register.url}${path}`, { headers: { authorization: `Bearer ${await token(username)}` } })

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 60 } })
      const bergen = await register.db
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.followUpMunicipality, '4601'), eq(persons.deleted, false)))
        .orderBy(asc(persons.id))
        .limit(4)
      expect(bergen.length).toBe(4)
      endedByWork = bergen[3]!.id
      // Intro rows as a push writes them: under the change lock, each with its change-set seq.
      await register.db.transaction(async (tx) => {
        await takeChangeLock(tx)
        const seqs = await nextSeqs(tx, 16)
        let n = 0
        const sync = () => ({ version: 1, seq: seqs[n++]!, deleted: false })
        for (const [i, { id: personId }] of bergen.entries()) {
          const start = addDays(today, -150 + i * 7)
          await tx.insert(decisions).values({
            id: `rp-d-${i}`,
            personId,
            scheme: 'intro',
            type: 'INTRO_PROGRAM',
            result: 'innvilga',
            decisionDate: addDays(start, -7),
            startDate: start,
            endDate: null,
            hours: null,
            reasonCode: null,
            reasonText: null,
            leaveType: null,
            leaveUnit: null,
            ...sync(),
          })
          // 37.5 for the first person (meets the norm), fewer hours for the others
          await tx.insert(measures).values({
            id: `rp-m-${i}`,
            personId,
            groupCode: 'NORSK',
            measureCode: 'GRUNNLEGGANDE_NORSK',
            fromDate: start,
            toDate: addDays(today, 200),
            hoursPerWeek: i === 0 ? 37.5 : 15 + i * 2.5,
            ...sync(),
          })
          await tx.insert(absences).values({
            id: `rp-a-${i}`,
            personId,
            fromDate: addDays(start, 14),
            toDate: addDays(start, 18),
            rows: [{ typeCode: i % 2 ? 'SJUKDOM' : 'VELFERD', days: 1 + i, hours: null }],
            ...sync(),
          })
        }
        await tx.insert(endings).values({ id: 'rp-e-0', personId: bergen[3]!.id, endDate: addDays(today, -10), reasonCode: 'ARBEID', hoursPerWeek: 30, ...sync() })
      })
      device = testDevice(dir.dir, register.url)
      await loginAndSync(device, 'super')
    }, 180_000)
    afterAll(async () => {
      await device?.close()
      await register?.close()
      dir.remove()
    })

    test('D11 every report has the same rows and person ids on the device and on the register', async () => {
      const onDevice = value(await call(device, 'reports.municipality', period))
      const res = await get(`/reports/municipality/4601?fromDate=${period.fromDate}&toDate=${period.toDate}`)
      expect(res.status).toBe(200)
      const onRegister = (await res.json()) as MunicipalityReports
      const { municipality, municipalityName, district, people, ...figures } = onDevice
      expect(figures).toEqual(onRegister)
      expect({ municipality, district }).toEqual({ municipality: '4601', district: null })
      expect(municipalityName).toBe('Bergen')
      // Not vacuous: the written rows show in the reports, and every named person has a name.
      expect(figures.persons).toBeGreaterThan(10)
      expect(figures.statuses.length).toBeGreaterThan(1)
      expect(figures.belowNorm.length).toBeGreaterThanOrEqual(1)
      expect(figures.absence.reduce((s, r) => s + r.days, 0)).toBeGreaterThanOrEqual(1 + 2 + 3 + 4)
      expect(figures.endings.find((r) => r.reasonCode === 'ARBEID')?.personIds).toContain(endedByWork)
      const named = new Set([...figures.statuses.flatMap((r) => r.personIds), ...figures.belowNorm.map((r) => r.personId)])
      for (const id of named) expect(people[id]?.duf, id).toMatch(/^\d{12}$/)
    })

    test('issue 8 point 9: a save on the device shows in the next report (a kept evaluation is never served after a write)', async () => {
      const before = value(await call(device, 'reports.municipality', period))
      const ended = new Set(before.endings.flatMap((r) => r.personIds))
      const personId = before.belowNorm.map((r) => r.personId).find((id) => !ended.has(id))!
      expect(personId).toBeTruthy()
      expect(before.endings.find((r) => r.reasonCode === 'UTDANNING')).toBeUndefined()
      const saved = await call(device, 'intro.registerEnding', { id: randomUUID(), personId, endDate: addDays(today, -1), reasonCode: 'UTDANNING', hoursPerWeek: null })
      expect(saved).toMatchObject({ ok: true })
      const after = value(await call(device, 'reports.municipality', period))
      expect(after.endings).toContainEqual({ reasonCode: 'UTDANNING', count: 1, personIds: [personId] })
      expect(after.statuses.find((r) => r.scheme === 'intro' && r.status === 'avslutta')?.personIds).toContain(personId)
    })

    test.each([
      ['another municipality is out of scope', '/reports/municipality/0301', 'super', 403, 'OUT_OF_SCOPE'],
      ['a role that reads no person data is refused', '/reports/municipality/4601', 'admin', 403, 'NOT_PERMITTED'],
    ])('D11 register: %s', async (_n, path, username, status, code) => {
      const res = await get(path, username)
      expect(res.status).toBe(status)
      expect(JSON.stringify(await res.json())).toContain(code)
    })

    test('D11 register: no token is 401', async () => {
      expect((await fetch(`${register.url}/reports/municipality/4601`)).status).toBe(401)
    })

    test('D11 device: a period ending before it starts is refused on its field', async () => {
      const res = await call(device, 'reports.municipality', { fromDate: today, toDate: addDays(today, -1) })
      expect(res).toEqual({ ok: false, reasons: [expect.objectContaining({ code: 'INVALID_INPUT', field: 'toDate' })] })
    })
  })
