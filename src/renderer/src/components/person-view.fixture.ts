/**
 * The person view the dialog and screen tests give their component: Ada Testesen, followed up
 * by Bergen by agreement, as base data, and the view a synced, editable person has. Each test
 * changes only what it is about.
 */
import type { PersonView } from '../../../shared/api'
import type { PersonSnapshot } from '../../../shared/domain'
import { evaluatePerson, programmePlan } from '../../../shared/rules'
import { emptyBundle, type EntityData, type PersonBundle } from '../../../shared/sync'

export function testPerson(over: Partial<EntityData<'person'>> = {}): EntityData<'person'> {
  return {
    id: 'p1',
    duf: '201912345601',
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    firstName: 'Ada',
    middleName: null,
    lastName: 'Testesen',
    birthDate: '1990-01-01',
    sex: 'K',
    closed: false,
    arrivalDate: '2024-01-01',
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: true,
    receptionCentre: null,
    ...over,
  }
}

/**
 * The view of `bundle` with nothing computed (`evaluation` without schemes) unless `rest` says
 * otherwise. Typed loosely on purpose: a test gives only the parts its component reads.
 */
export function personView(bundle: PersonBundle, rest: Record<string, unknown> = {}): PersonView {
  return {
    bundle,
    evaluation: { schemes: [] },
    municipalityName: 'Bergen',
    districtName: null,
    cachedReadOnly: false,
    inPersonList: false,
    syncMarks: {},
    registerChanged: [],
    keptAfterScopeExit: false,
    ...rest,
  } as unknown as PersonView
}

/** The view of a rules snapshot's person and decisions, evaluated on `today` with its programme plan (R4, R5.4). */
export function personViewOfSnapshot(s: PersonSnapshot, today: string): PersonView {
  const bundle = emptyBundle(testPerson({ id: s.person.id, birthDate: s.person.birthDate, arrivalDate: s.person.arrivalDate, followUpMunicipality: s.person.followUpMunicipality }))
  return personView({ ...bundle, decisions: s.registrations.decisions }, { evaluation: evaluatePerson(s, today), introPlan: programmePlan(s), municipalityName: 'Oslo' })
}
