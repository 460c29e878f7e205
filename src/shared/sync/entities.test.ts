import { describe, expect, test } from 'vitest'
import {
  bundleKeyOf,
  bundleRows,
  emptyBundle,
  entities,
  entityFields,
  entityKey,
  entityNames,
  personBundleSchema,
  personOwnedEntities,
  referenceEntities,
  toDomain,
} from './entities'
import { changeSchema } from './protocol'

const person = {
  id: 'p1',
  duf: '201900000017',
  dufCheckFailed: false,
  nationalId: null,
  regNumber: null,
  firstName: 'Amina',
  middleName: null,
  lastName: 'Hassan',
  birthDate: '1990-01-02',
  sex: 'K',
  closed: false,
  arrivalDate: null,
  followUpMunicipality: '4601',
  followUpDistrict: null,
  followUpByAgreement: false,
  receptionCentre: null,
} as const

describe('A3 the synced-entity registry is the one list', () => {
  test('the person comes first, then every person-owned entity, then reference data', () => {
    expect(entityNames[0]).toBe('person')
    expect([...entityNames]).toEqual(['person', ...personOwnedEntities, ...referenceEntities])
  })

  test('the bundle schema has exactly the person and one list per person-owned entity, under its bundle key', () => {
    expect(Object.keys(personBundleSchema.shape).sort()).toEqual(['person', ...personOwnedEntities.map(bundleKeyOf)].sort())
    expect(Object.keys(emptyBundle(person)).sort()).toEqual(Object.keys(personBundleSchema.shape).sort())
    for (const e of personOwnedEntities) expect(personBundleSchema.shape[bundleKeyOf(e)].element).toBe(entities[e].schema)
  })

  test('bundle keys are distinct and the wire names of the bundle are unchanged', () => {
    expect(Object.fromEntries(personOwnedEntities.map((e) => [e, bundleKeyOf(e)]))).toEqual({
      permit: 'permits',
      address: 'addresses',
      citizenship: 'citizenships',
      settlement: 'settlements',
      testResult: 'testResults',
      grant: 'grants',
      contact: 'contacts',
      claim: 'claims',
      decision: 'decisions',
      weeklyParticipation: 'weeklyParticipation',
      languageTrack: 'languageTracks',
      asylnorskParticipation: 'asylnorsk',
      measure: 'measures',
      replacement: 'replacements',
      absence: 'absences',
      holiday: 'holidays',
      parentalLeaveAbsence: 'parentalLeaveAbsences',
      ending: 'endings',
      int2021Registration: 'int2021Registrations',
      certificateIssue: 'certificateIssues',
    })
  })

  test('every person-owned entity carries personId; reference data does not', () => {
    for (const e of personOwnedEntities) expect(entityFields(e)).toContain('personId')
    for (const e of ['person', ...referenceEntities] as const) expect(entityFields(e)).not.toContain('personId')
  })

  test.each([
    ['person', { id: 'p1', code: 'x' }, 'p1'],
    ['codeList', { id: 'c1', code: 'UTL28' }, 'c1'],
    ['municipality', { code: '4601', name: 'Bergen' }, '4601'],
    ['district', { code: '030101', municipality: '0301', name: 'Gamle Oslo' }, '030101'],
  ] as const)('entityKey of a %s row is its key field', (entity, row, key) => {
    expect(entityKey(entity, row)).toBe(key)
  })

  test('every entity name is accepted in a change, and no other', () => {
    for (const entity of entityNames) expect(changeSchema.safeParse({ kind: 'delete', entity, id: 'x', version: 1 }).success).toBe(true)
    expect(changeSchema.safeParse({ kind: 'delete', entity: 'outbox', id: 'x', version: 1 }).success).toBe(false)
  })

  const upsert = (data: unknown) => ({ kind: 'upsert', entity: 'person', id: 'p1', version: 1, data })
  test.each([
    ['null', null],
    ['an array', [person]],
    ['a string', 'Amina'],
    ['a number', 7],
  ])("an upsert's data that is %s is refused on the wire", (_what, data) => {
    expect(changeSchema.safeParse(upsert(data)).success).toBe(false)
  })

  test("an upsert's data object is taken as it came (its fields are judged by the entity's schema where it is applied)", () => {
    const data = { ...person }
    const parsed = changeSchema.parse(upsert(data))
    expect(parsed.kind === 'upsert' && parsed.data).toBe(data)
  })
})

describe('toDomain copies exactly the schema fields (allow-list)', () => {
  test('bookkeeping columns of either side never leak', () => {
    const row = { ...person, serverVersion: 3, deleted: false, cachedReadOnly: true, version: 3, seq: 99, someFutureColumn: 'x' }
    expect(toDomain('person', row)).toEqual(person)
  })

  test('a field missing on the row becomes null, in schema order', () => {
    const out = toDomain('municipality', { code: '4601' })
    expect(out).toEqual({ code: '4601', name: null })
    expect(Object.keys(toDomain('person', { ...person, serverVersion: 1 }))).toEqual(entityFields('person'))
  })

  test('bundleRows is the bundle list itself, so loaders can fill it', () => {
    const bundle = emptyBundle(person)
    bundleRows(bundle, 'citizenship').push({ id: 'c1', personId: 'p1', country: 'SYR', validFrom: '2019-01-01', validTo: null })
    expect(bundle.citizenships).toHaveLength(1)
    expect(personBundleSchema.parse(bundle)).toEqual(bundle)
  })
})
