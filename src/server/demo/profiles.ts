import { namePool, norwegianFirstNames } from './names'
import { otherMunicipality, randomPlace } from './places'
import type { Rng } from './prng'
import { addDays, addMonths, maxDate, minDate } from './prng'
import type { IdIssuer, PersonRecord } from './records'
import { grantPermits, pushAddress } from './records'
import { addCitizenships, addGrants, addTestResults } from './extras'

/** What one generation run shares: randomness, identifiers and `today`. */
export interface GenContext {
  rng: Rng
  ids: IdIssuer
  today: string
}

export type Profile = 'refugee' | 'resettled' | 'selfSettled' | 'ukrainian' | 'asylumSeeker' | 'family' | 'worker' | 'other'

const refugeeCountries = ['SYR', 'SYR', 'AFG', 'AFG', 'ERI', 'ERI', 'SOM', 'IRQ', 'COD', 'SDN', 'ETH', 'MMR', 'IRN', 'XXX']
type RefugeeProfile = 'refugee' | 'resettled' | 'selfSettled' | 'ukrainian'
const groundOf: Record<RefugeeProfile, string[]> = {
  refugee: ['UTL28', 'UTL28', 'UTL38_ASYL', 'UTL38_5'],
  resettled: ['UTL35_3'],
  selfSettled: ['UTL28', 'UTL38_ASYL'],
  ukrainian: ['UTL34'],
}
const countryOf: Record<RefugeeProfile, string[]> = {
  refugee: refugeeCountries,
  resettled: ['COD', 'SYR', 'MMR', 'ERI', 'SDN'],
  selfSettled: refugeeCountries,
  ukrainian: ['UKR'],
}

interface Basics {
  country: string
  sex: 'K' | 'M'
  birthDate: string
  arrival: string
  lastName?: string
}

/** A person with names, ids and birth data; rows are added by the profile. */
export function newPerson(g: GenContext, m: string, b: Basics, opts: { nationalId: 'fnr' | 'dnr' | 'none' }): PersonRecord {
  const pool = namePool(b.country)
  const firstName = g.rng.pick(b.sex === 'K' ? pool.female : pool.male)
  const child = b.birthDate > addMonths(b.arrival, -12 * 10)
  const middleName =
    child && g.rng.chance(0.15) ? g.rng.pick(b.sex === 'K' ? norwegianFirstNames.female : norwegianFirstNames.male) : g.rng.chance(0.1) ? g.rng.pick(pool.male) : null
  const nationalId = opts.nationalId === 'none' ? null : g.ids.nationalId(b.birthDate, opts.nationalId === 'dnr')
  const arrivalYear = Number(b.arrival.slice(0, 4))
  return {
    person: {
      id: g.rng.uuid(),
      duf: g.ids.duf(arrivalYear),
      dufCheckFailed: false,
      nationalId,
      regNumber: arrivalYear < 2012 && g.rng.chance(0.3) ? String(g.rng.int(100000, 999999)) : null,
      firstName,
      middleName,
      lastName: b.lastName ?? g.rng.pick(pool.last),
      birthDate: b.birthDate,
      sex: b.sex,
      closed: g.rng.chance(0.01),
      arrivalDate: b.arrival,
      followUpMunicipality: m,
      followUpDistrict: null,
      followUpByAgreement: false,
      receptionCentre: null,
    },
    permits: [],
    addresses: [],
    citizenships: [],
    settlements: [],
    testResults: [],
    grants: [],
  }
}

/** Sets the follow-up municipality/district from the current address (D3: normally the address). */
export function settleFollowUp(rec: PersonRecord): void {
  const cur = rec.addresses[rec.addresses.length - 1]
  rec.person.followUpMunicipality = cur.municipality
  rec.person.followUpDistrict = cur.district
}

export function adultBirthDate(g: GenContext, arrival: string, minAge = 18, maxAge = 60): string {
  return g.rng.date(addMonths(arrival, -12 * maxAge), addMonths(arrival, -12 * minAge))
}

/**
 * A refugee settled by agreement (or self-settled): asylum reception (UDB address), permit,
 * settlement (IMDi address, then DSF), perhaps moves — sometimes from another municipality
 * into `m`, or between districts.
 */
export function refugee(g: GenContext, m: string, profile: RefugeeProfile): PersonRecord {
  const { rng, today } = g
  // Eleven years back, so about half the demo falls under the 2003 act the rules implement
  // (first permit before 2021) and half shows "not computed — other regime" (rules.md).
  const earliest = profile === 'ukrainian' ? maxDate('2022-04-01', addMonths(today, -48)) : addMonths(today, -132)
  const settle = rng.date(earliest, addMonths(today, -1))
  const granted = addDays(settle, -rng.int(30, 180))
  const arrival = profile === 'resettled' ? addDays(settle, -rng.int(0, 7)) : addDays(granted, -rng.int(60, 360))
  const country = rng.pick(countryOf[profile])
  const sex = rng.chance(0.55) ? 'M' : 'K'
  const rec = newPerson(g, m, { country, sex, birthDate: adultBirthDate(g, arrival, 16, 62), arrival }, { nationalId: rng.chance(0.9) ? 'fnr' : 'none' })
  grantPermits(rec, rng, rng.pick(groundOf[profile]), granted, today)
  const dsfFrom = minDate(addDays(settle, rng.int(10, 45)), today)
  const canMove = addDays(dsfFrom, 60) <= today
  const movedIn = canMove && rng.chance(0.1)
  const settledIn = movedIn ? otherMunicipality(rng, m) : m
  if (profile !== 'resettled') pushAddress(rec, rng, 'UDB', randomPlace(rng, rng.chance(0.4) ? settledIn : otherMunicipality(rng, m)), arrival)
  const first = randomPlace(rng, settledIn)
  pushAddress(rec, rng, 'IMDi', first, settle)
  if (dsfFrom > settle) pushAddress(rec, rng, 'DSF', first, dsfFrom)
  rec.settlements.push({ id: rng.uuid(), personId: rec.person.id, date: settle, municipality: settledIn, byAgreement: profile !== 'selfSettled', familyReunification: false })
  let last = dsfFrom
  if (movedIn || (canMove && rng.chance(0.3))) {
    last = rng.date(addDays(dsfFrom, 60), today)
    pushAddress(rec, rng, 'DSF', randomPlace(rng, m), last)
  }
  settleFollowUp(rec)
  if (addDays(last, 30) <= today && rng.chance(0.03)) {
    // follow-up by agreement: moved to another municipality, still followed up by `m`
    pushAddress(rec, rng, 'DSF', randomPlace(rng, otherMunicipality(rng, m)), rng.date(addDays(last, 30), today))
    rec.person.followUpByAgreement = true
  }
  addCitizenships(g, rec, country)
  addTestResults(g, rec, settle)
  addGrants(g, rec, settle, true)
  return rec
}

/** Family reunification (FAM_FLYKTNING) with a settled refugee: same address, surname often, country. */
export function familyMember(g: GenContext, anchor: PersonRecord, role: 'spouse' | 'child'): PersonRecord | null {
  const { rng, today } = g
  const settled = anchor.settlements[0]
  if (!settled) return null
  const arrival = rng.date(addMonths(settled.date, 4), addMonths(settled.date, 24))
  if (arrival > addDays(today, -7)) return null
  const country = anchor.citizenships[0]?.country ?? 'SYR'
  const birthDate = role === 'child' ? rng.date(addMonths(arrival, -12 * 17), addDays(arrival, -200)) : adultBirthDate(g, arrival, 20, 55)
  const sex = role === 'spouse' ? (anchor.person.sex === 'M' ? 'K' : 'M') : rng.chance(0.5) ? 'K' : 'M'
  const lastName = role === 'child' || rng.chance(0.5) ? anchor.person.lastName : undefined
  const rec = newPerson(g, anchor.person.followUpMunicipality, { country, sex, birthDate, arrival, lastName }, { nationalId: 'fnr' })
  grantPermits(rec, rng, 'FAM_FLYKTNING', addDays(arrival, -rng.int(20, 90)), today)
  const home = anchor.addresses.find((a) => a.validTo === null || a.validTo >= arrival) ?? anchor.addresses[anchor.addresses.length - 1]
  pushAddress(
    rec,
    rng,
    'DSF',
    { municipality: home.municipality, district: home.district, street: home.street, postalCode: home.postalCode, postalPlace: home.postalPlace },
    arrival,
  )
  const current = anchor.addresses[anchor.addresses.length - 1]
  if (current !== home && current.validFrom > arrival) pushAddress(rec, rng, 'DSF', { ...current }, current.validFrom)
  rec.person.followUpMunicipality = anchor.person.followUpMunicipality
  rec.person.followUpDistrict = anchor.person.followUpDistrict
  rec.person.followUpByAgreement = anchor.person.followUpByAgreement
  rec.settlements.push({ id: rng.uuid(), personId: rec.person.id, date: arrival, municipality: home.municipality, byAgreement: false, familyReunification: true })
  addCitizenships(g, rec, country)
  if (role === 'spouse') addTestResults(g, rec, arrival)
  addGrants(g, rec, arrival, false)
  return rec
}
