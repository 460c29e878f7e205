import { describe, expect, test } from 'vitest'
import type { PersonView } from '../api/persons'
import type { Decision, Ending, WeeklyParticipation } from '../domain'
import { initialCodeLists } from '../reference/initial-code-lists'
import { evaluatePerson, programmePlan } from '../rules'
import { snapshotFromBase } from '../rules/snapshot-builder'
import { emptyBundle, type PersonBundle } from '../sync'
import { certificateContent, isRefused } from './content'
import type { CertificateContent, CertificateIssuer } from './types'

/**
 * The certificate's edge cases on a PersonView built as `persons.get` builds it: the bundle,
 * and the evaluation by the real rules (`evaluatePerson` over `snapshotFromBase`).
 */
const TODAY = '2025-03-14'
const issuer: CertificateIssuer = { municipalityName: 'Bergen kommune', place: 'Bergen', date: TODAY, caseworkerName: 'Kari Nordmann', caseworkerTitle: 'Rådgjevar' }

function viewOf(rows: Partial<PersonBundle>, permitGranted: string | null = '2019-03-01'): PersonView {
  const bundle: PersonBundle = {
    ...emptyBundle({
      id: 'p1',
      duf: '201912345601',
      dufCheckFailed: false,
      nationalId: null,
      regNumber: null,
      firstName: 'Ada',
      middleName: null,
      lastName: 'Ås',
      birthDate: '1990-01-01',
      sex: 'K',
      closed: false,
      arrivalDate: '2019-01-01',
      followUpMunicipality: '4601',
      followUpDistrict: null,
      followUpByAgreement: true,
      receptionCentre: null,
    }),
    ...rows,
  }
  if (permitGranted) {
    bundle.permits = [
      { id: 'pm', personId: 'p1', groundCode: 'UTL28', permitType: 'x', legalBasis: 'x', validFrom: permitGranted, validTo: null, grantedDate: permitGranted },
    ] as PersonBundle['permits']
    bundle.settlements = [{ id: 's', personId: 'p1', date: '2019-04-01', municipality: '4601', byAgreement: true, familyReunification: false }] as PersonBundle['settlements']
  }
  const snapshot = snapshotFromBase(bundle, initialCodeLists)
  return {
    bundle,
    evaluation: evaluatePerson(snapshot, TODAY),
    introPlan: programmePlan(snapshot),
    municipalityName: 'Bergen',
    districtName: null,
    cachedReadOnly: false,
    inPersonList: false,
    syncMarks: {},
    registerChanged: [],
    keptAfterScopeExit: false,
  }
}

const decision = (type: Decision['type'], startDate: string, hours: number | null = null): Decision => ({
  id: `d-${type}-${startDate}`,
  personId: 'p1',
  scheme: type.startsWith('INTRO') ? 'intro' : 'norsk',
  type,
  result: 'innvilga',
  decisionDate: startDate,
  startDate,
  endDate: null,
  hours,
})
const week = (isoWeek: number, norskHours: number, samfunnHours = 0, absenceHours = 0, id = `w${isoWeek}`): WeeklyParticipation => ({
  id,
  personId: 'p1',
  isoYear: 2019,
  isoWeek,
  norskHours,
  samfunnHours,
  absenceHours,
})
const ending = (endDate: string, reasonCode: string, hoursPerWeek: number | null = null): Ending => ({ id: 'e', personId: 'p1', endDate, reasonCode, hoursPerWeek })

function made(view: PersonView, scheme: 'norsk' | 'intro', lang: 'nb' | 'nn' = 'nn'): CertificateContent {
  const c = certificateContent(view, scheme, lang, issuer)
  if (isRefused(c)) throw new Error(JSON.stringify(c.refused))
  return c
}
const rowsOf = (c: CertificateContent) => Object.fromEntries([...c.sections, ...c.sectionsAfterTable].flatMap((s) => s.rows.map((r) => [r.label, r.value])))

const PROGRAMME = decision('INTRO_PROGRAM', '2020-02-03')

describe('certificateContent (issue 10 point 2)', () => {
  test.each([
    ['R5.6 the programme time ran out: not ended early, no part completed', ending('2022-02-02', 'PROGRAMTID_UTE'), false, null, 'Nei'],
    ['R5.6 moved away a year in: ended early, half the planned days', ending('2021-02-02', 'FLYTTA'), true, { days: 366, plannedDays: 731, percent: 50 }, 'Ja'],
  ])('%s', (_name, end, early, completed, printed) => {
    const c = made(viewOf({ decisions: [PROGRAMME], endings: [end] }), 'intro')
    expect(c.intro).toMatchObject({ plannedEnd: '2022-02-02', endedEarly: early, completed })
    expect(rowsOf(c)['Avslutta før planlagd slutt']).toBe(printed)
    expect('Gjennomført del av programmet' in rowsOf(c)).toBe(completed !== null)
  })

  test('an ongoing programme: the period is open and the ending says it goes on', () => {
    const c = made(viewOf({ decisions: [PROGRAMME] }), 'intro')
    expect(c.period).toEqual({ from: '2020-02-03', to: null })
    expect(rowsOf(c)).toMatchObject({ Periode: 'frå 03.02.2020', Avslutta: 'Programmet held fram' })
    expect(c.measuresTable).toMatchObject({ rows: [], empty: 'Ingen tiltak registrerte.' })
  })

  test('R11.10 a week saved twice counts once; weeks with only absence are no participation', () => {
    const c = made(
      viewOf({ decisions: [decision('NORSK_RETT_OG_PLIKT', '2019-09-02', 600)], weeklyParticipation: [week(36, 10, 2), week(36, 12, 3, 0, 'again'), week(37, 0, 0, 5)] }),
      'norsk',
      'nb',
    )
    expect(c.norsk).toMatchObject({ norwegianHours: 12, socialStudiesHours: 3 })
    // the period ends with the last week that had training, not the absence week after it
    expect(c.period).toEqual({ from: '2019-09-02', to: '2019-09-08' })
    expect(certificateContent(viewOf({ weeklyParticipation: [week(37, 0, 0, 5)] }), 'norsk', 'nb', issuer)).toEqual({
      refused: [{ code: 'CERTIFICATE_NOT_PARTICIPATED', field: 'scheme', values: { scheme: 'norsk' } }],
    })
  })

  test('R4 needs-based hours granted are printed beside the hours category', () => {
    const c = made(
      viewOf({ decisions: [decision('NORSK_RETT_OG_PLIKT', '2019-09-02', 600), decision('NORSK_BEHOVSPROVD', '2020-01-06', 150)], weeklyParticipation: [week(36, 10)] }),
      'norsk',
      'nb',
    )
    expect(c.norsk?.needsBasedHours).toBe(150)
    expect(rowsOf(c)['Timer etter behov']).toBe('150 timer')
  })

  test.each([
    ['before 2021-01-01', '2019-09-02', 'INTRO_2003', 'Introduksjonslova'],
    ['from 2021-01-01', '2021-09-06', 'INTEGRERING_2021', 'Integreringslova'],
  ])('R12.0 a person without a qualifying permit falls under the act in force when training started (%s)', (_when, start, regime, act) => {
    const year = Number(start.slice(0, 4))
    const c = made(viewOf({ weeklyParticipation: [{ ...week(40, 8), isoYear: year }], decisions: [decision('NORSK_RETT_OG_PLIKT', start, 600)] }, null), 'norsk')
    expect(c.regime).toBe(regime)
    expect(rowsOf(c).Lovgrunnlag).toContain(act)
  })
})
