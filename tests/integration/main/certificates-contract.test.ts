import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import type { Device } from '../../../src/main/services'
import { osloDateOfMs } from '../../../src/shared/rules/window'
import { certificateLogoFromEnv } from '../../../src/main/certificates/logo'
import { importCertificatePerson, writeNorskTraining } from './certificate-register'
import { call, CuttingProxy, loginAndSync, tempDir, testDevice, value } from '../sync/helpers'

/**
 * Issue 10 points 1 and 4 through the device contract: `certificates.list` and
 * `certificates.render` on a device synced from a real register (PGlite), the PDF read back
 * with poppler's `pdftotext`. The device talks to the register through a proxy that is closed
 * halfway, so a registration saved afterwards stays unsent (the pending-sync refusal).
 */

const SCREENS = join(process.cwd(), 'test-results', 'screens')
const P = 'cert-contract-norsk'

let register: Awaited<ReturnType<typeof startRegister>>
let proxy: CuttingProxy
let device: Device
const tmp = tempDir('certificates-contract')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 2 } })
  await importCertificatePerson(register.db, { id: P, duf: '201900044444', firstName: 'Åsmund', lastName: 'Ølstad-Berhe', birthDate: '1990-05-06', sex: 'M' })
  // Eight weeks from 2019 week 36: 8 × 10 = 80 Norwegian hours, 8 × 2.5 = 20 social-studies hours.
  await writeNorskTraining(register.db, P, 8)

  proxy = new CuttingProxy(register.url)
  await proxy.start()
  // Issue 10 point 3: the municipality's logo from the setting `NIR_CERTIFICATE_LOGO`, read as the app reads it at start.
  device = testDevice(tmp.dir, proxy.url, { certificateLogoPng: certificateLogoFromEnv(join(process.cwd(), 'resources', 'icon.png')) })
  await loginAndSync(device, 'norsk')
  mkdirSync(SCREENS, { recursive: true })
}, 120_000)

afterAll(async () => {
  await device?.close()
  await proxy?.close()
  await register?.close()
  tmp.remove()
})

const pdfText = (base64: string, name: string): string => {
  const file = join(SCREENS, `${name}.pdf`)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

describe('certificates.list / certificates.render (issue 10 points 1 and 4)', () => {
  test('issue 10 point 3: the logo of the setting prints on the first page of the certificate', async () => {
    const r = value(await call(device, 'certificates.render', { personId: P, scheme: 'norsk', lang: 'nb', issue: false }))
    const file = join(SCREENS, 'certificate-contract-logo-nb.pdf')
    writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'))
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(
      images
        .map((l) => l.trim().split(/\s+/))
        .filter((cols) => cols[2] === 'image')
        .map((cols) => cols[0]),
    ).toEqual(['1'])
  })

  test('D10 the list names each scheme: Norwegian training available, the programme never taken part in refused, nothing pending after a full sync', async () => {
    const list = value(await call(device, 'certificates.list', { personId: P }))
    expect(list).toEqual([
      { scheme: 'norsk', available: true, pending: [], issued: [] },
      { scheme: 'intro', refused: [{ code: 'CERTIFICATE_NOT_PARTICIPATED', field: 'scheme', values: { scheme: 'intro' } }], pending: [], issued: [] },
    ])
  })

  test.each([
    ['nb', ['Deltakerbevis', 'Navn Åsmund Ølstad-Berhe', 'Timer norsk gjennomført 80 timer', 'Timer samfunnskunnskap gjennomført 20 timer']],
    ['nn', ['Deltakarbevis', 'Namn Åsmund Ølstad-Berhe', 'Timar norsk gjennomført 80 timar', 'Timar samfunnskunnskap gjennomført 20 timar']],
  ] as const)('D10 render (%s): a PDF whose text has the person, the hours and the signing caseworker; the content is what prints', async (lang, expected) => {
    const r = value(await call(device, 'certificates.render', { personId: P, scheme: 'norsk', lang, issue: false }))
    expect(Buffer.from(r.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const today = osloDateOfMs(Date.now())
    expect(r.fileName).toBe(`deltakarbevis-norsk-201900044444-${today}-${lang}.pdf`)
    expect(r.content).toMatchObject({ lang, scheme: 'norsk', person: { name: 'Åsmund Ølstad-Berhe', duf: '201900044444' }, norsk: { norwegianHours: 80, socialStudiesHours: 20 } })
    const text = pdfText(r.pdfBase64, `certificate-contract-${lang}`)
    for (const s of expected) expect(text, s).toContain(s)
    // Issuer: the user's municipality, place = its name without "kommune", today's date in Oslo.
    const [y, m, d] = today.split('-')
    expect(text).toContain(`Bergen, ${d}.${m}.${y}`)
    expect(text).toContain(device.ctx.session!.user.displayName)
  })

  test.each([
    ['a scheme the person never took part in', { personId: P, scheme: 'intro', lang: 'nb', issue: true }, [{ code: 'CERTIFICATE_NOT_PARTICIPATED', field: 'scheme' }]],
    ['a person not on the device', { personId: 'no-such-person', scheme: 'norsk', lang: 'nb', issue: false }, [{ code: 'PERSON_NOT_FOUND', field: 'personId' }]],
    ['an unknown scheme', { personId: P, scheme: 'asylnorsk', lang: 'nb', issue: false }, [{ code: 'INVALID_INPUT', field: 'scheme' }]],
    ['an unknown language', { personId: P, scheme: 'norsk', lang: 'en', issue: false }, [{ code: 'INVALID_INPUT', field: 'lang' }]],
    ['issueAnyway not a boolean', { personId: P, scheme: 'norsk', lang: 'nb', issue: true, issueAnyway: 'yes' }, [{ code: 'INVALID_INPUT', field: 'issueAnyway' }]],
    ['no issue flag: preview or issue must be said', { personId: P, scheme: 'norsk', lang: 'nb' }, [{ code: 'INVALID_INPUT', field: 'issue' }]],
  ])('refuses %s with a coded reason on the field', async (_, input, reasons) => {
    const r = await device.dispatch('certificates.render', input)
    expect(r).toMatchObject({ ok: false, reasons })
  })

  test('issue 10.4 a training track saved offline waits to sync: the list names it, issuing refuses CERTIFICATE_PENDING_SYNC, issueAnyway renders with the unsynced track', async () => {
    await proxy.close() // the register is out of reach from now on: the save stays unsent
    const today = osloDateOfMs(Date.now())
    value(
      await call(device, 'norsk.registerLanguageTrack', { id: crypto.randomUUID(), personId: P, date: today, motherTongue: 'tir', language1: 'tir', language2: null, track: '3' }),
    )
    await device.ctx.session!.sync.whenIdle()

    const list = value(await call(device, 'certificates.list', { personId: P }))
    const norsk = list.find((e) => e.scheme === 'norsk')!
    expect(norsk).toMatchObject({ available: true, pending: [{ command: 'norsk.registerLanguageTrack', state: 'pending' }] })
    expect(norsk.pending).toHaveLength(1)
    // A Norwegian-training registration does not hold back the programme's certificate.
    expect(list.find((e) => e.scheme === 'intro')!.pending).toEqual([])

    for (const issueAnyway of [undefined, false]) {
      const refused = await call(device, 'certificates.render', { personId: P, scheme: 'norsk', lang: 'nn', issue: true, ...(issueAnyway === undefined ? {} : { issueAnyway }) })
      expect(refused).toEqual({
        ok: false,
        reasons: [{ code: 'CERTIFICATE_PENDING_SYNC', field: 'issueAnyway', values: { count: 1, which: 'norsk.registerLanguageTrack' } }],
      })
    }
    const r = value(await call(device, 'certificates.render', { personId: P, scheme: 'norsk', lang: 'nn', issue: true, issueAnyway: true }))
    // Track code 3 is named "Spor 2" in the track code list.
    expect(r.content.norsk).toMatchObject({ norwegianHours: 80, track: '3' }) // code 3 is named "Spor 2" in the track code list
    expect(pdfText(r.pdfBase64, 'certificate-contract-anyway-nn')).toContain('Opplæringsspor Spor 2')
  })
})
