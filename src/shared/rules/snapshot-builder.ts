import type { CodeListEntry, PersonRegistrations, PersonSnapshot } from '../domain'
import { absenceTypesFromCodeList, permitGroundsFromCodeList, ruleSettingsFromCodeList } from '../domain'
import type { PersonBundle } from '../sync'
import { planFromDecisions } from './average'

/** No registrations: what a person has before any caseworker registered anything. */
export function emptyRegistrations(): PersonRegistrations {
  return {
    contacts: [],
    claims: [],
    decisions: [],
    weeklyParticipation: [],
    measures: [],
    replacements: [],
    absences: [],
    holidays: [],
    parentalLeaveAbsences: [],
    endings: [],
    languageTracks: [],
    asylnorsk: [],
    int2021Registrations: [],
  }
}

/**
 * The person's registrations from their bundle: every registration entity is synced, under
 * the snapshot's `PersonRegistrations` list name as its bundle key.
 */
export function registrationsOf(b: PersonBundle): PersonRegistrations {
  return {
    contacts: b.contacts,
    claims: b.claims,
    decisions: b.decisions,
    weeklyParticipation: b.weeklyParticipation,
    measures: b.measures,
    replacements: b.replacements,
    absences: b.absences,
    holidays: b.holidays,
    parentalLeaveAbsences: b.parentalLeaveAbsences,
    endings: b.endings,
    languageTracks: b.languageTracks,
    asylnorsk: b.asylnorsk,
    int2021Registrations: b.int2021Registrations,
  }
}

/**
 * Permit-ground and absence-type attributes and the rule settings of a code-list array, derived once per array (by
 * identity). Why: the register's push builds a snapshot per mutation from the same array, and
 * parsing every entry's attributes with zod each time was a fifth of its CPU (`bench/push.ts`,
 * issue 7 point 10). Callers pass arrays read fresh and never changed afterwards; the derived
 * records are shared by those snapshots and only ever read.
 */
type CodeListAttributes = Pick<PersonSnapshot, 'permitGrounds' | 'absenceTypes' | 'ruleSettings'>
const derivedAttributes = new WeakMap<readonly CodeListEntry[], CodeListAttributes>()

function codeListAttributes(codeLists: readonly CodeListEntry[]): CodeListAttributes {
  let d = derivedAttributes.get(codeLists)
  // ruleSettings: R12's settings (issue 9 point 5) come from the synced list like the grounds do.
  if (!d)
    derivedAttributes.set(
      codeLists,
      (d = { permitGrounds: permitGroundsFromCodeList(codeLists), absenceTypes: absenceTypesFromCodeList(codeLists), ruleSettings: ruleSettingsFromCodeList(codeLists) }),
    )
  return d
}

/**
 * The rules' input for one person, built the same way on the device (from the replica) and
 * on the central register (from PostgreSQL), so both judge the same facts: base data from
 * the person's bundle, reference data from the synced code lists (never from constants),
 * registrations from the bundle's registration lists, and the follow-up municipality's
 * asylnorsk offers (R7.1) as the caller found them.
 */
export function snapshotFromBase(bundle: PersonBundle, codeLists: readonly CodeListEntry[], asylnorskOffers: PersonSnapshot['asylnorskOffers'] = []): PersonSnapshot {
  const p = bundle.person
  return {
    person: {
      id: p.id,
      birthDate: p.birthDate,
      arrivalDate: p.arrivalDate,
      followUpMunicipality: p.followUpMunicipality,
      followUpDistrict: p.followUpDistrict,
      receptionCentre: p.receptionCentre,
    },
    permits: bundle.permits.map(({ groundCode, validFrom, validTo, grantedDate }) => ({ groundCode, validFrom, validTo, grantedDate })),
    settlements: bundle.settlements.map(({ date, municipality, byAgreement }) => ({ date, municipality, byAgreement })),
    addresses: bundle.addresses.map(({ municipality, district, validFrom, validTo }) => ({ municipality, district, validFrom, validTo })),
    ...codeListAttributes(codeLists),
    registrations: registrationsOf(bundle),
    asylnorskOffers,
    // R5.4: the plan of the latest granted programme decision (`planFromDecisions` says which).
    plan: planFromDecisions(bundle.decisions),
    // R12.2.6: the 2021 act completes Norwegian training by test level (`int2021RegistrationsOf`).
    testResults: bundle.testResults.map(({ part, level, testDate }) => ({ part, level, testDate })),
  }
}
