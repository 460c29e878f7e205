import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PersonView } from '../../../src/shared/api'
import { certificateContent, isRefused, type CertificateContent, type CertificateIssuer } from '../../../src/shared/certificates'
import { A4, renderCertificatePdf } from '../../../src/main/certificates/pdf'
import { importNdjson, startRegister } from '../../../src/server'
import { decisions, endings, languageTracks, measures, replacements, testResults, weeklyParticipation } from '../../../src/server/db/schema'
import type { Device } from '../../../src/main/services'
import { writeRegisterRows } from './certificate-register'
import { call, loginAndSync, tempDir, testDevice, value } from '../sync/helpers'

/**
 * Issue 10 points 2, 3 and 5: the participant certificate of real persons. A register (PGlite)
 * holds three persons with their registrations; a device syncs them and reads each with
 * `persons.get` — the very `PersonView` the screens show — and the certificate is made from it
 * in bokmål and nynorsk, rendered to PDF, read back with poppler's `pdftotext -raw` (the
 * drawing order: a label, then its value; a table cell whole), and its first
 * page rendered with `pdftoppm` (written to test-results/screens/ to be looked at).
 */

const SCREENS = join(process.cwd(), 'test-results', 'screens')
const issuer = (lang: 'nb' | 'nn'): CertificateIssuer => ({
  municipalityName: 'Bergen kommune',
  place: 'Bergen',
  date: '2025-03-14',
  caseworkerName: 'Kari Ødegård Nordmann',
  caseworkerTitle: lang === 'nb' ? 'Rådgiver, introduksjonsenheten' : 'Rådgjevar, introduksjonseininga',
})

const person = (id: string, duf: string, first: string, middle: string | null, last: string, birthDate: string) => ({
  type: 'person',
  id,
  duf,
  nationalId: null,
  regNumber: null,
  firstName: first,
  middleName: middle,
  lastName: last,
  birthDate,
  sex: 'K',
  closed: false,
  arrivalDate: '2019-01-15',
  followUpMunicipality: '4601',
  followUpDistrict: null,
  followUpByAgreement: true,
  receptionCentre: null,
})
const permit = (personId: string, grantedDate: string) => ({
  type: 'permit',
  id: `${personId}-permit`,
  personId,
  groundCode: 'UTL28',
  permitType: 'Opphaldsløyve',
  legalBasis: 'utlendingsloven § 28',
  validFrom: grantedDate,
  validTo: null,
  grantedDate,
})
const settlement = (personId: string, date: string) => ({
  type: 'settlement',
  id: `${personId}-settlement`,
  personId,
  date,
  municipality: '4601',
  byAgreement: true,
  familyReunification: false,
})

const NORSK = 'cert-norsk-2003'
const INTRO = 'cert-intro-arbeid'
const NORSK21 = 'cert-norsk-2021'

const decision = (personId: string, id: string, type: string, decisionDate: string, startDate: string, hours: number | null) => ({
  id,
  personId,
  scheme: type.startsWith('INTRO') ? 'intro' : 'norsk',
  type,
  result: 'innvilga',
  decisionDate,
  startDate,
  endDate: null,
  hours,
  reasonCode: null,
  reasonText: null,
  leaveType: null,
  leaveUnit: null,
})
/** Ten weeks of 2019 from week 36 with 12.5 Norwegian hours, the first six with 5 social-studies hours. */
const norskWeeks = (personId: string, year: number, firstWeek: number) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: `${personId}-w${i}`,
    personId,
    isoYear: year,
    isoWeek: firstWeek + i,
    norskHours: 12.5,
    samfunnHours: i < 6 ? 5 : 0,
    absenceHours: i === 3 ? 2 : 0,
  }))

let register: Awaited<ReturnType<typeof startRegister>>
let device: Device
const tmp = tempDir('certificates')
const views: Record<string, PersonView> = {}

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 5 } })
  const lines = [
    // Norwegian training under the 2003 act (R3.4: UTL28 granted after 2012 → 600 hours)
    person(NORSK, '201900011111', 'Åse Marie', null, 'Ødegård-Ærø', '1988-04-12'),
    permit(NORSK, '2019-03-01'),
    settlement(NORSK, '2019-04-01'),
    // The introduction programme, ended by ARBEID before its completion deadline
    person(INTRO, '201900022222', 'Mohammed', 'Abdirahman Ali-Hassan', 'Warsame', '1993-07-30'),
    permit(INTRO, '2019-10-01'),
    settlement(INTRO, '2019-11-15'),
    // Norwegian training under the 2021 act (permit granted 2022), with test results
    person(NORSK21, '202200033333', 'Olena', null, 'Kovalenko', '1985-11-02'),
    permit(NORSK21, '2022-03-01'),
    settlement(NORSK21, '2022-04-01'),
  ]
  const imported = await importNdjson(register.db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
  expect(imported.ok, JSON.stringify(imported)).toBe(true)
  await writeRegisterRows(register.db, [
    [
      decisions,
      [
        decision(NORSK, `${NORSK}-d`, 'NORSK_RETT_OG_PLIKT', '2019-08-20', '2019-09-02', 600),
        decision(INTRO, `${INTRO}-d`, 'INTRO_PROGRAM', '2020-01-20', '2020-02-03', null),
        decision(NORSK21, `${NORSK21}-d`, 'NORSK_RETT_OG_PLIKT', '2022-08-01', '2022-08-15', null),
      ],
    ],
    [weeklyParticipation, [...norskWeeks(NORSK, 2019, 36), ...norskWeeks(NORSK21, 2022, 33)]],
    [
      languageTracks,
      [
        { id: `${NORSK}-t1`, personId: NORSK, date: '2019-08-25', motherTongue: 'tir', language1: 'tir', language2: null, track: '2' },
        { id: `${NORSK}-t2`, personId: NORSK, date: '2019-10-20', motherTongue: 'tir', language1: 'tir', language2: null, track: '3' },
      ],
    ],
    [
      measures,
      [
        { id: `${INTRO}-m1`, personId: INTRO, groupCode: 'NORSK', measureCode: 'GRUNNLEGGANDE_NORSK', fromDate: '2020-02-03', toDate: '2020-12-31', hoursPerWeek: 15 },
        { id: `${INTRO}-m2`, personId: INTRO, groupCode: 'ANDRE', measureCode: 'LIVSMEISTRING', fromDate: '2020-02-03', toDate: '2020-06-30', hoursPerWeek: 5 },
        { id: `${INTRO}-m3`, personId: INTRO, groupCode: 'ARBEID', measureCode: 'ARBEIDSPRAKSIS', fromDate: '2020-09-01', toDate: '2021-06-30', hoursPerWeek: 20 },
      ],
    ],
    [
      replacements,
      [
        {
          id: `${INTRO}-r1`,
          personId: INTRO,
          fromDate: '2021-03-01',
          toDate: '2021-06-30',
          replacesMeasureIds: [`${INTRO}-m3`],
          groupCode: 'ARBEID',
          measureCode: 'LONNA_ARBEID',
          hoursPerWeek: 22.5,
        },
      ],
    ],
    [endings, [{ id: `${INTRO}-e`, personId: INTRO, endDate: '2021-06-30', reasonCode: 'ARBEID', hoursPerWeek: 37.5 }]],
    [
      testResults,
      [
        { id: `${NORSK}-r1`, personId: NORSK, part: 'NORSK_LESE', level: 'B2', testDate: '2019-12-10' },
        { id: `${NORSK21}-r1`, personId: NORSK21, part: 'NORSK_LESE', level: 'A2', testDate: '2023-01-10' },
        { id: `${NORSK21}-r2`, personId: NORSK21, part: 'NORSK_LESE', level: 'B1', testDate: '2023-06-10' },
        { id: `${NORSK21}-r3`, personId: NORSK21, part: 'NORSK_MUNNLEG', level: 'B1', testDate: '2023-06-10' },
        { id: `${NORSK21}-r4`, personId: NORSK21, part: 'SAMFUNNSKUNNSKAP', level: 'BESTATT', testDate: '2023-06-10' },
      ],
    ],
  ])
  device = testDevice(tmp.dir, register.url)
  await loginAndSync(device, 'norsk')
  for (const id of [NORSK, INTRO, NORSK21]) views[id] = value(await call(device, 'persons.get', { personId: id }))
  mkdirSync(SCREENS, { recursive: true })
}, 120_000)

afterAll(async () => {
  await device?.close()
  await register?.close()
  tmp.remove()
})

/** The content, rendered and read back: the PDF's text with runs of whitespace as one space. */
async function rendered(c: CertificateContent, name: string): Promise<{ text: string; file: string }> {
  const file = join(SCREENS, `${name}.pdf`)
  writeFileSync(file, await renderCertificatePdf(c))
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  return { text, file }
}

function made(personId: string, scheme: 'norsk' | 'intro', lang: 'nb' | 'nn'): CertificateContent {
  const c = certificateContent(views[personId], scheme, lang, issuer(lang))
  if (isRefused(c)) throw new Error(`refused: ${JSON.stringify(c.refused)}`)
  return c
}

const common = (lang: 'nb' | 'nn') => [
  lang === 'nb' ? 'Utstedt av Bergen kommune' : 'Utferda av Bergen kommune',
  'Bergen, 14.03.2025',
  'Kari Ødegård Nordmann',
  issuer(lang).caseworkerTitle,
  lang === 'nb' ? 'Underskrift' : 'Underskrift',
]

describe('deltakarbevis (issue 10): content from persons.get, PDF read back with pdftotext', () => {
  test.each([
    [
      'nb',
      [
        'Deltakerbevis – opplæring i norsk og samfunnskunnskap',
        'Navn Åse Marie Ødegård-Ærø',
        'Fødselsdato 12.04.1988',
        'DUF-nummer 201900011111',
        'Ordning Opplæring i norsk og samfunnskunnskap',
        'Lovgrunnlag Introduksjonsloven (lov 4. juli 2003 nr. 80)',
        // first granted start (R6.2) to the Sunday of the last registered week (2019 week 45)
        'Periode 02.09.2019 – 10.11.2019',
        'Timekategori 600 timer (550 timer norsk, 50 timer samfunnskunnskap)',
        'Timer norsk gjennomført 125 timer',
        'Timer samfunnskunnskap gjennomført 30 timer',
        'Opplæringsspor Spor 2',
      ],
    ],
    [
      'nn',
      [
        'Deltakarbevis – opplæring i norsk og samfunnskunnskap',
        'Namn Åse Marie Ødegård-Ærø',
        'Lovgrunnlag Introduksjonslova (lov 4. juli 2003 nr. 80)',
        'Periode 02.09.2019 – 10.11.2019',
        'Timekategori 600 timar (550 timar norsk, 50 timar samfunnskunnskap)',
        'Timar norsk gjennomført 125 timar',
        'Timar samfunnskunnskap gjennomført 30 timar',
        'Opplæringsspor Spor 2',
      ],
    ],
  ] as const)('R3.4 / R6.1 Norwegian training under the 2003 act (%s): hours category, hours done, the latest track', async (lang, expected) => {
    const c = made(NORSK, 'norsk', lang)
    expect(c.regime).toBe('INTRO_2003')
    expect(c.norsk).toMatchObject({ hoursCategory: { total: 600, norwegian: 550, socialStudies: 50 }, norwegianHours: 125, socialStudiesHours: 30, track: '3' })
    const { text } = await rendered(c, `certificate-norsk-${lang}`)
    for (const s of [...expected, ...common(lang)]) expect(text, s).toContain(s)
    // the person's test results (B2 in reading) are not printed under the 2003 act
    expect(text).not.toMatch(/\b(A1|A2|B1|B2|C1)\b/)
  })

  test.each([
    [
      'nb',
      [
        'Deltakerbevis – introduksjonsprogram',
        'Navn Mohammed Abdirahman Ali-Hassan Warsame',
        'Fødselsdato 30.07.1993',
        'DUF-nummer 201900022222',
        'Lovgrunnlag Introduksjonsloven (lov 4. juli 2003 nr. 80) kapittel 2',
        'Periode 03.02.2020 – 30.06.2021',
        'Grunnleggende norsk og samfunnskunnskap Norsk 03.02.2020 – 31.12.2020 15',
        'Livsmestring Andre tiltak 03.02.2020 – 30.06.2020 5',
        'Arbeidspraksis Arbeid 01.09.2020 – 30.06.2021 20',
        'Lønnet arbeid (erstatningstiltak) Arbeid 01.03.2021 – 30.06.2021 22,5',
        'Avsluttet 30.06.2021',
        'Årsak Arbeid',
        'Arbeidstimer per uke 37,5 timer',
        'Planlagt slutt (gjennomføringsfrist) 02.02.2022',
        'Avsluttet før planlagt slutt Ja',
        'Gjennomført del av programmet 70 % (514 av 731 dager)',
      ],
    ],
    [
      'nn',
      [
        'Deltakarbevis – introduksjonsprogram',
        'Namn Mohammed Abdirahman Ali-Hassan Warsame',
        'Lovgrunnlag Introduksjonslova (lov 4. juli 2003 nr. 80) kapittel 2',
        'Grunnleggande norsk og samfunnskunnskap',
        'Livsmeistring',
        'Lønna arbeid (erstatningstiltak)',
        'Avslutta 30.06.2021',
        'Årsak Arbeid',
        'Arbeidstimar per veke 37,5 timar',
        'Avslutta før planlagd slutt Ja',
        'Gjennomført del av programmet 70 % (514 av 731 dagar)',
      ],
    ],
  ] as const)('R5.2 / R5.6 introduction programme ended by ARBEID (%s): measures with periods and hours, ending, part completed', async (lang, expected) => {
    const c = made(INTRO, 'intro', lang)
    expect(c.intro).toMatchObject({ plannedEnd: '2022-02-02', endedEarly: true, completed: { days: 514, plannedDays: 731, percent: 70 } })
    const { text } = await rendered(c, `certificate-intro-${lang}`)
    for (const s of [...expected, ...common(lang)]) expect(text, s).toContain(s)
  })

  test.each([
    ['nb', ['Integreringsloven (lov 6. november 2020 nr. 127) § 26 flg.', 'Norskmål Ikke fastsatt', 'Nivå oppnådd lesing: B1, muntlig: B1', 'Timer norsk gjennomført 125 timer']],
    ['nn', ['Integreringslova (lov 6. november 2020 nr. 127) § 26 flg.', 'Norskmål Ikkje fastsett', 'Nivå nådd lesing: B1, munnleg: B1', 'Timar norsk gjennomført 125 timar']],
  ] as const)('R12.2.6 Norwegian training under the 2021 act (%s): the norskmål and the best level per part instead of an hours category', async (lang, expected) => {
    const c = made(NORSK21, 'norsk', lang)
    expect(c.regime).toBe('INTEGRERING_2021')
    expect(c.norsk?.hoursCategory).toBeNull()
    const { text } = await rendered(c, `certificate-norsk-2021-${lang}`)
    for (const s of expected) expect(text, s).toContain(s)
    expect(text).not.toContain('Timekategori')
  })

  test.each([
    ['intro for a person who only took Norwegian training', NORSK, 'intro'],
    ['Norwegian training for a person who only took the introduction programme', INTRO, 'norsk'],
  ] as const)('issue 10 point 4: refused for a scheme never taken part in — %s', (_what, personId, scheme) => {
    for (const lang of ['nb', 'nn'] as const) {
      expect(certificateContent(views[personId], scheme, lang, issuer(lang))).toEqual({
        refused: [{ code: 'CERTIFICATE_NOT_PARTICIPATED', field: 'scheme', values: { scheme } }],
      })
    }
  })

  test('issue 10 point 4: an introduction programme that starts after the date of issue is not yet taken part in', () => {
    expect(certificateContent(views[INTRO], 'intro', 'nb', { ...issuer('nb'), date: '2020-02-02' })).toHaveProperty('refused')
    expect(isRefused(certificateContent(views[INTRO], 'intro', 'nb', { ...issuer('nb'), date: '2020-02-03' }))).toBe(false)
  })

  test('many measures and a long name: the table runs over pages with its headings repeated, and every page says "Side n av N"', async () => {
    const view = views[INTRO]
    const many = Array.from({ length: 45 }, (_, i) => ({
      ...view.bundle.measures[0],
      id: `m${i}`,
      fromDate: `2020-${String((i % 12) + 1).padStart(2, '0')}-01`,
      toDate: `2020-${String((i % 12) + 1).padStart(2, '0')}-28`,
      hoursPerWeek: i + 0.5,
    }))
    const longName = { ...view.bundle.person, middleName: 'Abdirahman Ali-Hassan Abdullahi Mohamed-Nuur Osman Ibrahim Farah Jama Hirsi Warsame-Egal' }
    const c = made(INTRO, 'intro', 'nn')
    const long = certificateContent({ ...view, bundle: { ...view.bundle, person: longName, measures: many } }, 'intro', 'nn', issuer('nn'))
    if (isRefused(long)) throw new Error('refused')
    const { file } = await rendered(long, 'certificate-intro-long-nn')
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
    expect(pages).toBeGreaterThanOrEqual(2)
    const pageText = (n: number) => execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (let n = 1; n <= pages; n++) expect(pageText(n)).toContain(`Side ${n} av ${pages}`)
    // the second page continues the table under its own column headings
    expect(pageText(2)).toContain('Tiltak Type Periode Timar per veke')
    const all = Array.from({ length: pages }, (_, i) => pageText(i + 1)).join(' ')
    for (const m of many) expect(all).toContain(` ${String(m.hoursPerWeek).replace('.', ',')} `)
    expect(all).toContain('Abdirahman Ali-Hassan Abdullahi Mohamed-Nuur Osman Ibrahim Farah Jama Hirsi Warsame-Egal Warsame')
    expect(pageText(pages)).toContain('Kari Ødegård Nordmann')
    // one page needs no page numbers
    expect((await rendered(c, 'certificate-intro-short-nn')).text).not.toContain('Side 1 av 1')
  })

  test('issue 10 point 3: the municipality logo from settings prints on the first page; a file that is not a PNG is refused', async () => {
    const c = made(NORSK, 'norsk', 'nb')
    const file = join(SCREENS, 'certificate-norsk-logo-nb.pdf')
    writeFileSync(file, await renderCertificatePdf(c, { logoPng: readFileSync(join(process.cwd(), 'resources', 'icon.png')) }))
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    // one image on page 1 (its alpha channel is listed apart as an smask)
    expect(images.map((l) => l.trim().split(/\s+/)).filter((cols) => cols[2] === 'image')).toEqual([expect.arrayContaining(['1'])])
    expect(images.every((l) => l.trim().startsWith('1 '))).toBe(true)
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, join(SCREENS, 'certificate-norsk-logo-nb')])
    await expect(renderCertificatePdf(c, { logoPng: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') })).rejects.toThrow('not a PNG')
  })

  test.each([['norsk-nb'], ['intro-nn']])('the first page of %s renders non-blank on A4 (pdftoppm)', async (name) => {
    const [scheme, lang] = name.split('-') as ['norsk' | 'intro', 'nb' | 'nn']
    const { file } = await rendered(made(scheme === 'norsk' ? NORSK : INTRO, scheme, lang), `certificate-${name}-page`)
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, join(SCREENS, `certificate-${name}`)])
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', file])
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'))!
    const [width, height] = [Number(header[1]), Number(header[2])]
    // A4 at 50 dpi: 210 × 297 mm → 413 × 585 pixels (poppler rounds up)
    expect(Math.abs(height / width - A4[1] / A4[0])).toBeLessThan(0.01)
    expect(width).toBeGreaterThanOrEqual(413)
    const pixels = pgm.subarray(header[0].length)
    const dark = pixels.reduce((n, p) => n + (p < 128 ? 1 : 0), 0)
    // text, rules and the signature line: a blank or nearly blank page has far fewer dark pixels
    expect(dark / pixels.length).toBeGreaterThan(0.01)
    expect(dark / pixels.length).toBeLessThan(0.3)
  })
})
