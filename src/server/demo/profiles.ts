import { namePool, norwegianFirstNames } from './names'
import { otherMunicipality, randomPlace } from './places'
import type { Rng } from './prng'
import { addDays, addMonths, maxDate, minDate } from './prng'
import type { IdIssuer, PersonRecord } from './records'
import { grantPermits, pushAddress } from './records'
import { addCitizenships, addGrants, addTestResults } from './extras'
import { writeCaseload } from './caseload'
import { DEFAULT_SETTINGS } from '../../shared/rules/int2021/settings'

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
      // R2.3: a reg-nummer (older UDI registrations, some newer ones too)
      regNumber: g.rng.chance(arrivalYear < 2012 ? 0.3 : 0.04) ? String(g.rng.int(100000, 999999)) : null,
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
    claims: [],
    decisions: [],
    measures: [],
    endings: [],
    weeklyParticipation: [],
    int2021Registrations: [],
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

/** Fixed dates of a showcase person (README): no moves, so the case it shows stays. */
export interface RefugeeFix {
  settle: string
  granted: string
  arrival: string
  birthDate: string
  ground: string
}

/** Grants on or after this day fall under the 2021 act (R12.0.2). */
const ACT_2021 = '2021-01-01'
/** Chapter 6A: § 34 grants from this day (R12.0.3). */
const FIRST_6A_GRANT = '2022-03-11'

/** Age in whole years on `at`. */
export function ageOn(birthDate: string, at: string): number {
  const years = Number(at.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return at.slice(5) < birthDate.slice(5) ? years - 1 : years
}

/**
 * A refugee settled by agreement (or self-settled): asylum reception (UDB address), permit,
 * settlement (IMDi address, then DSF), perhaps moves — sometimes from another municipality
 * into `m`, or between districts. Issue 9.6: most are settled in the last five years, so they
 * fall under the 2021 act with a caseworker's registrations (`caseload.ts`); the rest before
 * 2021, under the 2003 act with their history and no registrations (as before).
 */
export function refugee(g: GenContext, m: string, profile: RefugeeProfile, fix?: RefugeeFix): PersonRecord {
  const { rng, today } = g
  let settle: string
  let granted: string
  if (profile === 'ukrainian') {
    // § 34 collective protection (chapter 6A): granted from 2022-03-11, settled weeks later
    settle = rng.date(maxDate(addDays(FIRST_6A_GRANT, 30), addMonths(today, -48)), addDays(today, -3))
    granted = maxDate(FIRST_6A_GRANT, addDays(settle, -rng.int(20, 90)))
  } else {
    // Skewed to the last year: the newly settled are where a caseworker's deadlines run.
    const recent = rng.chance(0.78)
    const from = recent ? maxDate('2021-09-01', addMonths(today, rng.chance(0.35) ? -9 : -60)) : minDate('2010-01-01', addMonths(today, -150))
    settle = rng.date(from, recent ? addDays(today, -3) : '2020-12-20')
    granted = addDays(settle, -rng.int(30, 180))
  }
  if (fix) ({ settle, granted } = fix)
  const arrival =
    fix?.arrival ?? (profile === 'resettled' ? addDays(settle, -rng.int(0, 7)) : profile === 'ukrainian' ? addDays(granted, -rng.int(0, 30)) : addDays(granted, -rng.int(60, 360)))
  const country = rng.pick(countryOf[profile])
  const sex = rng.chance(0.55) ? 'M' : 'K'
  const birthDate = adultBirthDate(g, arrival, 16, 62)
  const rec = newPerson(g, m, { country, sex, birthDate: fix?.birthDate ?? birthDate, arrival }, { nationalId: rng.chance(0.9) ? 'fnr' : 'none' })
  const picked = rng.pick(groundOf[profile])
  const ground = fix?.ground ?? picked
  grantPermits(rec, rng, ground, granted, today)
  const dsfFrom = minDate(addDays(settle, rng.int(10, 45)), today)
  const canMove = !fix && addDays(dsfFrom, 60) <= today
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
  if (canMove && addDays(last, 30) <= today && rng.chance(0.03)) {
    // follow-up by agreement: moved to another municipality, still followed up by `m`
    pushAddress(rec, rng, 'DSF', randomPlace(rng, otherMunicipality(rng, m)), rng.date(addDays(last, 30), today))
    rec.person.followUpByAgreement = true
  }
  addCitizenships(g, rec, country)
  const act2021 = granted >= ACT_2021 || arrival >= ACT_2021
  const sixA = profile === 'ukrainian' && granted >= FIRST_6A_GRANT && granted <= DEFAULT_SETTINGS['INT_6A.lastGrantDate'].value
  if (fix) rec.person.closed = false
  else if (!act2021) addTestResults(g, rec, settle)
  else {
    const age = ageOn(rec.person.birthDate, granted)
    // R12.1.2 right and duty 18–55 on the grant (self-settled: only `kan tilbydast`); R12.2.1 Norwegian 18–66; UTL38_5 starts at the first renewal
    const intro = age >= 18 && age <= 55 && profile !== 'selfSettled'
    const norsk = age >= 18 && age <= 66 && ground !== 'UTL38_5'
    writeCaseload(g, rec, { settled: settle, intro, norsk, sixA })
  }
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
  const granted = addDays(arrival, -rng.int(20, 90))
  grantPermits(rec, rng, 'FAM_FLYKTNING', granted, today)
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
  const age = ageOn(birthDate, granted)
  if (granted < ACT_2021 && arrival < ACT_2021) {
    if (role === 'spouse') addTestResults(g, rec, arrival)
  } else if (age >= 18) {
    // J15: family of a refugee — the reference-person condition, registered as met for most
    rec.int2021Registrations.push({
      id: rng.uuid(),
      personId: rec.person.id,
      date: minDate(today, addDays(arrival, rng.int(7, 30))),
      recordedAt: null,
      fact: { kind: 'referencePersonCondition', met: rng.chance(0.9) },
    })
    writeCaseload(g, rec, { settled: arrival, intro: age <= 55, norsk: age <= 66, sixA: false })
  }
  addGrants(g, rec, arrival, false)
  return rec
}
