import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, importNdjson, startRegister } from '../../../src/server'
import { setRuleSetting } from '../../../src/server/admin/rule-settings'
import { personEvaluations } from '../../../src/server/db/schema'
import type { Device } from '../../../src/main/services'
import { renderExplanation } from '../../../src/shared/rules'
import { rules2021 } from '../../../src/shared/i18n/messages/rules-2021'
import { backends } from '../server/backends'
import { call, loginAndSync, tempDir, testDevice, value } from './helpers'

/**
 * Issue 9 point 5 end to end: a rule setting changed on the register reaches the device by an
 * ordinary pull (no release), the device's own evaluation uses the new value and its log names
 * it with origin `register`, and device and register agree on the person's result.
 */

/** A § 34 holder in Bergen granted 2026-07-05: outside chapter 6A by the initial last date 2026-06-30 (R12.0.3, J11). */
const PERSON = '5b7d1e90-3c2a-4f6e-9d80-1a2b3c4d5e6f'
const feed = [
  {
    type: 'person',
    id: PERSON,
    duf: '202698765432',
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    firstName: 'Taras',
    middleName: null,
    lastName: 'Testenko',
    birthDate: '1985-09-12',
    sex: 'M',
    closed: false,
    arrivalDate: '2026-07-01',
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: false,
    receptionCentre: null,
  },
  {
    type: 'permit',
    id: '5b7d1e90-0000-4f6e-9d80-1a2b3c4d5e70',
    personId: PERSON,
    groundCode: 'UTL34',
    permitType: 'Kollektiv beskyttelse',
    legalBasis: 'utlendingsloven § 34',
    validFrom: '2026-07-05',
    validTo: '2027-07-04',
    grantedDate: '2026-07-05',
  },
]
  .map((l) => JSON.stringify(l))
  .join('\n')

for (const backend of backends())
  describe(`a rule setting changed on the register reaches the device (${backend.name})`, () => {
    const dir = tempDir(`rule-settings-${backend.name}`)
    let register: Awaited<ReturnType<typeof startRegister>>
    let device: Device

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 4 } })
      expect(await importNdjson(register.db, feed, { actor: 'test' })).toMatchObject({ ok: true })
      device = testDevice(dir.dir, register.url)
      await loginAndSync(device, 'super', DEMO_PASSWORD)
    }, 120_000)
    afterAll(async () => {
      await device?.close()
      await register?.close()
      dir.remove()
    })

    const evaluationOnDevice = async () => value(await call(device, 'persons.get', { personId: PERSON })).evaluation
    const settingsStep = (e: Awaited<ReturnType<typeof evaluationOnDevice>>) => e.regime.introNorsk.explanation.find((s) => s.key === 'int21Settings')!

    test('R12.0.3 / J11: INT_6A.lastGrantDate moved to 2026-12-31 on the register → after a pull the device puts the person under chapter 6A and its log says so (nb, nn)', async () => {
      const before = await evaluationOnDevice()
      expect(before.regime.introNorsk.regime).toBe('INTEGRERING_2021')
      expect(settingsStep(before).values).toMatchObject({ last6A: '2026-06-30', last6AOrigin: 'register' })

      const res = await setRuleSetting(register.db, { key: 'INT_6A.lastGrantDate', value: '2026-12-31', reason: 'test: forlenga kapittel 6A', actor: { username: 'nir-admin' } })
      expect(res).toMatchObject({ ok: true, changed: true })
      // Nothing moves on the device before it syncs: the value travels as data, not code.
      expect((await evaluationOnDevice()).regime.introNorsk.regime).toBe('INTEGRERING_2021')

      device.ctx.session!.sync.run()
      await device.ctx.session!.sync.whenIdle()
      const after = await evaluationOnDevice()
      expect(after.regime.introNorsk.regime).toBe('INT_6A')
      const step = settingsStep(after)
      expect(step.values).toMatchObject({ last6A: '2026-12-31', last6AOrigin: 'register' })
      expect(after.regime.introNorsk.explanation.find((s) => s.key === 'int21Regime6A')?.values).toMatchObject({ last: '2026-12-31', origin: 'register' })
      expect(renderExplanation([step], rules2021 as never, 'nb')[0]!.text).toContain('siste innvilgelsesdato for kapittel 6A: 31.12.2026 (kilde: sentralregisteret)')
      expect(renderExplanation([step], rules2021 as never, 'nn')[0]!.text).toContain('siste dato for innvilging etter kapittel 6A: 31.12.2026 (kjelde: sentralregisteret)')

      // Parity (A9): the register's stored result for the person is the same regime.
      const [row] = await register.db.select().from(personEvaluations).where(eq(personEvaluations.personId, PERSON))
      expect(row!.result.regime).toEqual(after.regime)
    })
  })
