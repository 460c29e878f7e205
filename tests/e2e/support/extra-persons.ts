import { randomUUID } from 'node:crypto'
import type { Address, Person } from '../../../src/shared/domain'

/**
 * Base data the demo does not contain but the end-to-end tests need, imported through the
 * register's own NDJSON import (A6) before it starts: a person with a reg-nummer (the demo
 * has none), a person whose DUF number fails its check (R2.2: imported and flagged), and a
 * person followed up by Oslo, found from Bergen only by DUF (D5).
 */
export interface ExtraPersons {
  withRegNumber: Person
  dufCheckFailed: Person
  outsideScope: Person
  ndjson: string
}

/** R2.2 check digits of the first ten digits, as two digits `00`–`10`. */
export function dufWithCheck(first10: string): string {
  const w = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5]
  const sum = [...first10].reduce((s, d, i) => s + Number(d) * w[i]!, 0)
  return first10 + String(sum % 11).padStart(2, '0')
}

function person(over: Partial<Person> & Pick<Person, 'duf' | 'firstName' | 'lastName' | 'followUpMunicipality'>): Person {
  return {
    id: randomUUID(),
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    middleName: null,
    birthDate: '1975-03-14',
    sex: 'K',
    closed: false,
    arrivalDate: '2009-06-01',
    followUpDistrict: null,
    followUpByAgreement: false,
    receptionCentre: null,
    ...over,
  }
}

function address(p: Person, street: string, postalCode: string, postalPlace: string): Address {
  return {
    id: randomUUID(),
    personId: p.id,
    source: 'DSF',
    street,
    postalCode,
    postalPlace,
    municipality: p.followUpMunicipality,
    district: null,
    validFrom: '2010-01-01',
    validTo: null,
  }
}

export function extraPersons(): ExtraPersons {
  const serial = String(Math.floor(Math.random() * 900_000) + 100_000)
  const withRegNumber = person({
    duf: dufWithCheck(`2009${serial}`),
    regNumber: serial,
    firstName: 'Regine',
    lastName: 'Testesen',
    followUpMunicipality: '4601',
  })
  const valid = dufWithCheck(`2010${serial}`)
  const broken = valid.slice(0, 10) + (valid.slice(10) === '00' ? '01' : '00')
  const dufCheckFailed = person({ duf: broken, dufCheckFailed: true, firstName: 'Kontroll', lastName: 'Avviksen', followUpMunicipality: '4601' })
  const outsideScope = person({ duf: dufWithCheck(`2011${serial}`), firstName: 'Oskar', lastName: 'Utenbys', followUpMunicipality: '0301' })
  const rows = [
    { type: 'person', ...withRegNumber },
    { type: 'address', ...address(withRegNumber, 'Testveien 1', '5003', 'Bergen') },
    { type: 'person', ...dufCheckFailed },
    { type: 'address', ...address(dufCheckFailed, 'Testveien 2', '5003', 'Bergen') },
    { type: 'person', ...outsideScope },
    { type: 'address', ...address(outsideScope, 'Prøvegata 3', '0150', 'Oslo') },
  ]
  return { withRegNumber, dufCheckFailed, outsideScope, ndjson: rows.map((r) => JSON.stringify(r)).join('\n') + '\n' }
}
