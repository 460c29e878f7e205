/**
 * Small builders for rule tests: a snapshot from a few base facts, registrations with
 * generated ids. Reference data comes from the seeded code lists (R3.1, R10), not copies.
 */
import type {
  Absence,
  AbsenceRow,
  AsylnorskParticipation,
  Claim,
  Decision,
  DecisionType,
  Ending,
  Measure,
  ParentalLeaveAbsence,
  PersonRegistrations,
  PersonSnapshot,
  WeeklyParticipation,
} from '../domain'
import { absenceTypesFromCodeList, permitGroundsFromCodeList } from '../domain/snapshot'
import { initialCodeLists } from '../reference/initial-code-lists'

export const PERMIT_GROUNDS = permitGroundsFromCodeList(initialCodeLists)
export const ABSENCE_TYPES = absenceTypesFromCodeList(initialCodeLists)
import { emptyRegistrations } from './snapshot-builder'

let seq = 0
const nextId = (prefix: string) => `${prefix}-${++seq}`
const PERSON = 'p-1'

export interface BaseFacts {
  birthDate?: string
  ground?: string
  /** Permit valid from (and granted, unless `granted` is given). */
  permitFrom?: string
  permitTo?: string | null
  granted?: string
  arrival?: string | null
  /** Settlement date; null for none. */
  settled?: string | null
  byAgreement?: boolean
  settledIn?: string
  followUp?: string
  receptionCentre?: PersonSnapshot['person']['receptionCentre']
}

export { emptyRegistrations }

/** A refugee (UTL28) born 1990, permit 2018-01-10, settled by agreement in 0301 on 2018-03-01. */
export function snapshot(f: BaseFacts = {}, regs: Partial<PersonRegistrations> = {}): PersonSnapshot {
  const permitFrom = f.permitFrom ?? '2018-01-10'
  const settled = f.settled === undefined ? '2018-03-01' : f.settled
  return {
    person: {
      id: PERSON,
      birthDate: f.birthDate ?? '1990-05-05',
      arrivalDate: f.arrival === undefined ? null : f.arrival,
      followUpMunicipality: f.followUp ?? f.settledIn ?? '0301',
      followUpDistrict: null,
      receptionCentre: f.receptionCentre ?? null,
    },
    permits: [{ groundCode: f.ground ?? 'UTL28', validFrom: permitFrom, validTo: f.permitTo ?? null, grantedDate: f.granted ?? permitFrom }],
    settlements: settled ? [{ date: settled, municipality: f.settledIn ?? '0301', byAgreement: f.byAgreement ?? true }] : [],
    permitGrounds: PERMIT_GROUNDS,
    absenceTypes: ABSENCE_TYPES,
    registrations: { ...emptyRegistrations(), ...regs },
    asylnorskOffers: [],
  }
}

export function decision(type: DecisionType, f: Partial<Decision> = {}): Decision {
  return {
    id: nextId('d'),
    personId: PERSON,
    scheme: type.startsWith('INTRO') ? 'intro' : 'norsk',
    type,
    result: 'innvilga',
    decisionDate: f.startDate ?? '2018-01-01',
    ...f,
  }
}

/** A granted INTRO_PROGRAM starting `start`. */
export const programme = (start: string, f: Partial<Decision> = {}) => decision('INTRO_PROGRAM', { startDate: start, decisionDate: start, ...f })

/** A granted intro leave counted in `unit`. */
export const leave = (from: string, to: string, unit: 'kalenderdagar' | 'verkedagar' = 'kalenderdagar') =>
  decision('INTRO_PERMISJON', { startDate: from, endDate: to, leaveUnit: unit, leaveType: 'VELFERD', decisionDate: from })

export const claim = (scheme: Claim['scheme'], date: string, kind: Claim['kind'] = scheme === 'intro' ? 'INTROPROGRAM' : 'NORSKOPPLAERING'): Claim => ({
  id: nextId('c'),
  personId: PERSON,
  scheme,
  date,
  kind,
})

export const measure = (from: string, to: string, hoursPerWeek: number): Measure => ({
  id: nextId('m'),
  personId: PERSON,
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate: from,
  toDate: to,
  hoursPerWeek,
})

export const absence = (from: string, to: string, rows: AbsenceRow[]): Absence => ({ id: nextId('a'), personId: PERSON, fromDate: from, toDate: to, rows })

export const parentalAbsence = (from: string, to: string): ParentalLeaveAbsence => ({
  id: nextId('pa'),
  personId: PERSON,
  fromDate: from,
  toDate: to,
  typeCode: 'MANGLANDE_BARNEPASS',
})

export const ending = (endDate: string, reasonCode: string): Ending => ({ id: nextId('e'), personId: PERSON, endDate, reasonCode })

export const week = (isoYear: number, isoWeek: number, norskHours: number, samfunnHours = 0, absenceHours = 0): WeeklyParticipation => ({
  id: nextId('w'),
  personId: PERSON,
  isoYear,
  isoWeek,
  norskHours,
  samfunnHours,
  absenceHours,
})

export const asylWeek = (isoYear: number, isoWeek: number, kind: AsylnorskParticipation['kind'], hours: number): AsylnorskParticipation => ({
  id: nextId('aw'),
  personId: PERSON,
  isoYear,
  isoWeek,
  kind,
  hours,
})
