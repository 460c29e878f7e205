import type { Command } from '../domain/command'
import type { Decision } from '../domain/registrations'
import type { PersonRegistrations, PersonSnapshot } from '../domain/snapshot'
import type { Role } from '../domain/user'
import type { CheckContext } from './checks/context'
import { emptyRegistrations } from './snapshot-builder'

export { emptyRegistrations }

/**
 * Test data for `checkCommand`: a refugee (UTL28) settled by agreement in 0301 in 2019,
 * in the programme and in Norwegian training since 2019-09-02. "Today" is Monday
 * 2020-03-16 (ISO week 2020-W12). Real rules, real snapshot — nothing stubbed.
 */
export const TODAY = '2020-03-16'
export const PERSON_ID = 'p1'

export const PERMIT_GROUNDS: PersonSnapshot['permitGrounds'] = {
  UTL28: { introGroup: 'rett_og_plikt', norskGroup: 'rett_og_plikt', asylumSeeker: false, needsSettlementAgreement: true },
  ASYLSOKAR: { introGroup: null, norskGroup: null, asylumSeeker: true, needsSettlementAgreement: false },
  ARBEID: { introGroup: null, norskGroup: 'plikt', asylumSeeker: false, needsSettlementAgreement: false },
}

export const ABSENCE_TYPES: PersonSnapshot['absenceTypes'] = {
  EIGENMELDING: { valid: true },
  LEGEERKLAERING: { valid: true },
  UGYLDIG: { valid: false },
}

let seq = 0
const nextId = (prefix: string) => `${prefix}${++seq}`

export function decision(d: Partial<Decision> & Pick<Decision, 'type'>): Decision {
  return {
    id: nextId('d'),
    personId: PERSON_ID,
    scheme: d.type.startsWith('NORSK_') ? 'norsk' : 'intro',
    result: 'innvilga',
    decisionDate: '2019-09-01',
    ...d,
  }
}

export const INTRO_GRANTED = decision({ id: 'intro1', type: 'INTRO_PROGRAM', startDate: '2019-09-02' })
export const NORSK_GRANTED = decision({ id: 'norsk1', type: 'NORSK_RETT_OG_PLIKT', startDate: '2019-09-02', hours: 600 })

/** The person with the given registrations (default: both programmes granted). */
export function snapshot(reg: Partial<PersonRegistrations> = {}, extra: Partial<PersonSnapshot> = {}): PersonSnapshot {
  return {
    person: { id: PERSON_ID, birthDate: '1990-05-05', arrivalDate: '2019-05-01', followUpMunicipality: '0301', followUpDistrict: null, receptionCentre: null },
    permits: [{ groundCode: 'UTL28', validFrom: '2019-06-01', validTo: null, grantedDate: '2019-06-01' }],
    settlements: [{ date: '2019-08-01', municipality: '0301', byAgreement: true }],
    permitGrounds: PERMIT_GROUNDS,
    absenceTypes: ABSENCE_TYPES,
    registrations: { ...emptyRegistrations(), decisions: [INTRO_GRANTED, NORSK_GRANTED], ...reg },
    asylnorskOffers: [],
    ...extra,
  }
}

/** An asylum seeker in an ordinary reception centre in 0301 (R3.5). */
export function asylumSeeker(reg: Partial<PersonRegistrations> = {}, offers: PersonSnapshot['asylnorskOffers'] = []): PersonSnapshot {
  return snapshot(
    { decisions: [], ...reg },
    {
      person: { id: PERSON_ID, birthDate: '1990-05-05', arrivalDate: '2019-10-01', followUpMunicipality: '0301', followUpDistrict: null, receptionCentre: 'ordinaert' },
      permits: [{ groundCode: 'ASYLSOKAR', validFrom: '2019-10-01', validTo: null, grantedDate: '2019-10-01' }],
      settlements: [],
      asylnorskOffers: offers,
    },
  )
}

export function context(roles: Role[] = ['kommuneintro', 'kommunenorsk'], extra: Partial<CheckContext> = {}): CheckContext {
  return { user: { roles, municipality: '0301', district: null }, recordedAt: '2020-03-16T10:00:00Z', today: TODAY, ...extra }
}

/** Shorthand: a command of `type` with `payload`. */
export function cmd<T extends Command['type']>(type: T, payload: Extract<Command, { type: T }>['payload']): Command {
  return { type, payload } as Command
}
