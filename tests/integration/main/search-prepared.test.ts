import { join } from 'node:path'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { municipalityNames, personsByIds, personsInMunicipalityBy } from '../../../src/main/services/person-rows'
import { personMarks } from '../../../src/main/sync/problems'
import { tempDir } from '../sync/helpers'

const tmp = tempDir('search-prepared')
let replica: Replica
beforeAll(() => {
  replica = openReplica({ file: join(tmp.dir, 'r.db'), key: newReplicaKey() })
  const base = {
    duf: '201212345603',
    dufCheckFailed: false,
    firstName: 'Åse',
    middleName: null,
    lastName: 'Berg',
    sex: 'K' as const,
    closed: false,
    arrivalDate: null,
    followUpDistrict: null,
    followUpByAgreement: false,
    receptionCentre: null,
  }
  const same = { nationalId: '01019012345', regNumber: 'R1', birthDate: '1990-01-01' }
  const rows = [
    { id: 'in', ...same, followUpMunicipality: '4601' },
    { id: 'other-municipality', ...same, followUpMunicipality: '0301' },
    { id: 'deleted', ...same, followUpMunicipality: '4601', deleted: true },
    { id: 'cached', ...same, followUpMunicipality: '4601', cachedReadOnly: true },
    { id: 'someone-else', nationalId: '02029012345', regNumber: 'R2', birthDate: '1990-02-02', followUpMunicipality: '4601' },
  ]
  for (const r of rows)
    replica.db
      .insert(persons)
      .values({ ...base, ...r })
      .run()
})
afterAll(() => {
  replica.close()
  tmp.remove()
})

test.each([
  { column: 'nationalId' as const, value: '01019012345' },
  { column: 'regNumber' as const, value: 'R1' },
  { column: 'birthDate' as const, value: '1990-01-01' },
])('R2.4/D5 an exact $column search finds the live person of the municipality only, and prepares its statement once (issue 12.5)', ({ column, value }) => {
  expect(personsInMunicipalityBy(replica, column, value, '4601').map((p) => p.id)).toEqual(['in'])
  const prepare = vi.spyOn(replica.sqlite, 'prepare')
  expect(personsInMunicipalityBy(replica, column, value, '0301').map((p) => p.id)).toEqual(['other-municipality'])
  expect(personsInMunicipalityBy(replica, column, value, '4601').map((p) => p.id)).toEqual(['in'])
  expect(prepare).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

test('issue 12.5 what every search reads besides its hits (sync marks, municipality names) prepares nothing after the first search', () => {
  personMarks(replica)
  municipalityNames(replica)
  const prepare = vi.spyOn(replica.sqlite, 'prepare')
  expect(personMarks(replica).size).toBe(0)
  municipalityNames(replica)
  expect(prepare).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

test('issue 12.5 a name search loads its hits by id in one statement prepared once, live rows only, however many ids', () => {
  const many = [...Array.from({ length: 1500 }, (_, i) => `absent-${i}`), 'in', 'deleted', 'someone-else']
  expect(
    personsByIds(replica, many)
      .map((p) => p.id)
      .sort(),
  ).toEqual(['in', 'someone-else'])
  const prepare = vi.spyOn(replica.sqlite, 'prepare')
  expect(personsByIds(replica, ['cached']).map((p) => p.id)).toEqual(['cached'])
  expect(personsByIds(replica, [])).toEqual([])
  expect(prepare).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})
