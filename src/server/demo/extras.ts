import type { GenContext } from './profiles'
import { addDays, addMonths, minDate } from './prng'
import type { PersonRecord } from './records'

/**
 * Citizenship from birth; a few have a history: stateless (XXX) until a country was
 * recognised, or naturalised Norwegian (NOR) after seven years.
 */
export function addCitizenships(g: GenContext, rec: PersonRecord, country: string): void {
  const { rng, today } = g
  const p = rec.person
  const arrival = p.arrivalDate ?? p.birthDate
  const naturalised = addMonths(arrival, 12 * 7 + rng.int(0, 18))
  if (naturalised <= today && rng.chance(0.25)) {
    rec.citizenships.push({ id: rng.uuid(), personId: p.id, country, validFrom: p.birthDate, validTo: addDays(naturalised, -1) })
    rec.citizenships.push({ id: rng.uuid(), personId: p.id, country: 'NOR', validFrom: naturalised, validTo: null })
  } else if (country !== 'XXX' && rng.chance(0.04)) {
    const recognised = rng.date(arrival, today)
    rec.citizenships.push({ id: rng.uuid(), personId: p.id, country: 'XXX', validFrom: p.birthDate, validTo: addDays(recognised, -1) })
    rec.citizenships.push({ id: rng.uuid(), personId: p.id, country, validFrom: recognised, validTo: null })
  } else {
    rec.citizenships.push({ id: rng.uuid(), personId: p.id, country, validFrom: p.birthDate, validTo: null })
  }
}

const cefr = ['UNDER_A1', 'A1', 'A2', 'A2', 'B1', 'B1', 'B2'] as const

/** Norskprøven (four parts) and the social studies test for some who have been here 18+ months. */
export function addTestResults(g: GenContext, rec: PersonRecord, from: string): void {
  const { rng, today } = g
  if (addMonths(from, 18) > today || !rng.chance(0.45)) return
  const testDate = rng.date(addMonths(from, 12), minDate(addMonths(from, 36), today))
  const base = rng.int(1, cefr.length - 2)
  for (const part of ['NORSK_LYTTE', 'NORSK_LESE', 'NORSK_SKRIFTLEG', 'NORSK_MUNNLEG'] as const) {
    const level = cefr[Math.min(cefr.length - 1, Math.max(0, base + rng.int(-1, 1)))]
    rec.testResults.push({ id: rng.uuid(), personId: rec.person.id, part, level, testDate })
  }
  const social = rng.date(testDate, minDate(addMonths(testDate, 6), today))
  rec.testResults.push({ id: rng.uuid(), personId: rec.person.id, part: 'SAMFUNNSKUNNSKAP', level: rng.chance(0.75) ? 'BESTATT' : 'IKKJE_BESTATT', testDate: social })
}

/**
 * Grants paid for the person: the integration grant for five years after settlement (refugees),
 * the per-person Norwegian grant for three years (adults), and the result grant in the year of a
 * B1 or better test.
 */
export function addGrants(g: GenContext, rec: PersonRecord, from: string, integration: boolean): void {
  const { rng, today } = g
  const p = rec.person
  const adult = addMonths(p.birthDate, 16 * 12) <= from
  const firstYear = Number(from.slice(0, 4))
  const municipality = rec.settlements[0]?.municipality ?? p.followUpMunicipality
  const pay = (year: number, kind: PersonRecord['grants'][number]['kind'], amountNok: number) => {
    const paidDate = minDate(`${year}-${rng.pick(['03', '06', '09', '11'])}-${String(rng.int(1, 28)).padStart(2, '0')}`, today)
    if (paidDate < from) return
    rec.grants.push({ id: rng.uuid(), personId: p.id, municipality, year, kind, amountNok, paidDate })
  }
  for (let i = 0; i < 5; i++) {
    const year = firstYear + i
    if (`${year}-01-01` > today) break
    if (integration) pay(year, 'INTEGRERINGSTILSKOT', [245_000, 220_000, 170_000, 90_000, 70_000][i])
    if (adult && i < 3) pay(year, 'NORSKTILSKOT_PERSON', rng.pick([18_500, 32_000, 54_000]))
  }
  const b1 = rec.testResults.find((t) => t.part === 'NORSK_MUNNLEG' && (t.level === 'B1' || t.level === 'B2'))
  if (b1) pay(Number(b1.testDate.slice(0, 4)), 'NORSKTILSKOT_RESULTAT', 6_000)
}
