import { norwegianLastNames } from './names'
import { randomPlace } from './places'
import type { GenContext, Profile } from './profiles'
import { adultBirthDate, newPerson, settleFollowUp } from './profiles'
import { addDays, addMonths } from './prng'
import type { PersonRecord } from './records'
import { grantPermits, pushAddress } from './records'
import { addCitizenships, addGrants, addTestResults } from './extras'

const refugeeCountries = ['SYR', 'AFG', 'ERI', 'SOM', 'IRQ', 'COD', 'SDN', 'ETH', 'IRN']

/**
 * An asylum seeker living in a reception centre in `m` (UDB address, R3.5): no decision yet,
 * permit ground ASYLSOKAR; half have a D-number, the rest no national id.
 */
export function asylumSeeker(g: GenContext, m: string): PersonRecord {
  const { rng, today } = g
  const arrival = rng.date(addMonths(today, -18), addDays(today, -7))
  const country = rng.pick(refugeeCountries)
  const minor = rng.chance(0.15)
  const birthDate = minor ? rng.date(addMonths(arrival, -12 * 17), addMonths(arrival, -12 * 6)) : adultBirthDate(g, arrival, 18, 55)
  const rec = newPerson(g, m, { country, sex: rng.chance(0.6) ? 'M' : 'K', birthDate, arrival }, { nationalId: rng.chance(0.5) ? 'dnr' : 'none' })
  grantPermits(rec, rng, 'ASYLSOKAR', addDays(arrival, rng.int(0, 5)), today)
  const place = randomPlace(rng, m)
  pushAddress(rec, rng, 'UDB', { ...place, street: `${place.street} (asylmottak)` }, arrival)
  rec.person.receptionCentre = rng.weighted({ ordinaert: 75, transitt: 15, ankomst: 10 })
  settleFollowUp(rec)
  addCitizenships(g, rec, country)
  return rec
}

const groundOf: Partial<Record<Profile, string[]>> = {
  family: ['FAM_NORDISK', 'FAM_PERMANENT', 'UTL53', 'UTL38'],
  worker: ['ARBEID'],
  other: ['STUDIE', 'EOS'],
}
const countryOf: Partial<Record<Profile, string[]>> = {
  family: ['THA', 'PHL', 'VNM', 'SOM', 'IRQ', 'ERI', 'UKR'],
  worker: ['PHL', 'IND', 'VNM', 'CHN'],
  other: ['POL', 'LTU', 'ROU', 'CHN', 'IND'],
}

/**
 * Immigrants not settled by IMDi: family of Norwegian/permanent residents, independent basis,
 * humanitarian grounds, workers and students. A DSF address from a few weeks after arrival;
 * spouses of Norwegians often carry a Norwegian surname.
 */
export function immigrant(g: GenContext, m: string, profile: 'family' | 'worker' | 'other'): PersonRecord {
  const { rng, today } = g
  const arrival = rng.date(addMonths(today, -96), addDays(today, -30))
  const country = rng.pick(countryOf[profile]!)
  const ground = rng.pick(groundOf[profile]!)
  const rec = newPerson(
    g,
    m,
    { country, sex: rng.chance(0.5) ? 'K' : 'M', birthDate: adultBirthDate(g, arrival, 18, 50), arrival },
    {
      nationalId: rng.chance(0.85) ? (profile === 'family' ? 'fnr' : 'dnr') : 'none',
    },
  )
  if (ground === 'FAM_NORDISK' && rng.chance(0.6)) rec.person.lastName = rng.pick(norwegianLastNames)
  grantPermits(rec, rng, ground, addDays(arrival, -rng.int(20, 90)), today)
  pushAddress(rec, rng, 'DSF', randomPlace(rng, m), addDays(arrival, rng.int(7, 28)))
  if (addDays(rec.addresses[0].validFrom, 90) <= today && rng.chance(0.25)) {
    pushAddress(rec, rng, 'DSF', randomPlace(rng, m), rng.date(addDays(rec.addresses[0].validFrom, 90), today))
  }
  settleFollowUp(rec)
  addCitizenships(g, rec, country)
  addTestResults(g, rec, arrival)
  if (profile === 'family') addGrants(g, rec, arrival, false)
  return rec
}
