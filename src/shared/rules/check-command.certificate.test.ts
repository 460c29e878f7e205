import { describe, expect, test } from 'vitest'
import type { CertificateIssue } from '../domain/registrations'
import type { Role } from '../domain/user'
import { checkCommand } from './check-command'
import { cmd, context, decision, INTRO_GRANTED, snapshot, TODAY } from './check-command.fixture'
import { commandEffects } from './command-specs'

/**
 * Issue 10 point 3, `certificates.recordIssue` through `checkCommand`: the same judgement on
 * the device and on the register. What is judged: R9 (role of the scheme, scope), R8.1/R8.3
 * (the date of issue), the timestamp's shape, and D10 — the person took part in the scheme.
 */

const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)
const issue = (over: Partial<CertificateIssue> = {}): CertificateIssue => ({
  id: 'ci1',
  personId: 'p1',
  scheme: 'intro',
  lang: 'nn',
  contentVersion: '1',
  issuedOn: TODAY,
  issuedAt: '2020-03-16T10:00:00.000Z',
  issuedBy: 'kari',
  issuerName: 'Kari Nordmann',
  pendingCount: 0,
  ...over,
})
const week = { id: 'w1', personId: 'p1', isoYear: 2020, isoWeek: 5, norskHours: 10, samfunnHours: 0, absenceHours: 0 }
const introOnly = snapshot({ decisions: [INTRO_GRANTED] })
const notStarted = snapshot({ decisions: [decision({ id: 'intro2', type: 'INTRO_PROGRAM', startDate: '2020-04-01' })] })

describe('certificates.recordIssue (issue 10 point 3, D10)', () => {
  test.each([
    ['D10 an introduction programme that started before the date of issue: accepted', issue(), introOnly, ['kommuneintro'], []],
    ['D10 a programme granted but starting after the date of issue: not taken part in', issue(), notStarted, ['kommuneintro'], ['CERTIFICATE_NOT_PARTICIPATED@scheme']],
    ['D10 Norwegian training with a week of hours: accepted', issue({ scheme: 'norsk' }), snapshot({ weeklyParticipation: [week] }), ['kommunenorsk'], []],
    [
      'D10 Norwegian training granted but no hours registered: not taken part in',
      issue({ scheme: 'norsk' }),
      snapshot({ weeklyParticipation: [{ ...week, norskHours: 0 }] }),
      ['kommunenorsk'],
      ['CERTIFICATE_NOT_PARTICIPATED@scheme'],
    ],
    [
      'D10 a programme certificate needs the programme, not Norwegian hours',
      issue(),
      snapshot({ decisions: [], weeklyParticipation: [week] }),
      ['kommuneintro'],
      ['CERTIFICATE_NOT_PARTICIPATED@scheme'],
    ],
    ['R9 the scheme decides the role: kommunenorsk may not issue the programme certificate', issue(), introOnly, ['kommunenorsk'], ['NOT_PERMITTED@command']],
    ['R9 kommuneles reads only', issue(), introOnly, ['kommuneles'], ['NOT_PERMITTED@command']],
    ['R8.3 a date of issue tomorrow is refused', issue({ issuedOn: '2020-03-17' }), introOnly, ['kommuneintro'], ['EVENT_DATE_IN_FUTURE@issuedOn']],
    ['R8.1 a date of issue outside the back-registration window is refused', issue({ issuedOn: '2019-12-01' }), introOnly, ['kommuneintro'], ['BACK_REGISTRATION_WINDOW@issuedOn']],
    ['a date of issue that does not exist is refused on its field', issue({ issuedOn: '2020-02-30' }), introOnly, ['kommuneintro'], ['INVALID_DATE@issuedOn']],
    ['a time of issue that is no timestamp is refused on its field', issue({ issuedAt: 'i går' }), introOnly, ['kommuneintro'], ['INVALID_DATE@issuedAt']],
  ] as [string, CertificateIssue, ReturnType<typeof snapshot>, Role[], string[]][])('%s', (_name, payload, s, roles, expected) => {
    expect(errors(checkCommand(cmd('certificates.recordIssue', payload), s, context(roles)))).toEqual(expected)
  })

  test('the effect is exactly one certificateIssue row, the payload as sent (a reissue adds a row, never replaces one)', () => {
    const p = issue({ pendingCount: 2 })
    expect(commandEffects(cmd('certificates.recordIssue', p), introOnly)).toEqual([{ entity: 'certificateIssue', op: 'upsert', row: p }])
  })
})
