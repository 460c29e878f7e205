import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { personsInMunicipality } from '../../../src/main/services/person-rows'
import { tempDir } from '../sync/helpers'

const tmp = tempDir('search-plan')
let replica: Replica
beforeAll(() => {
  replica = openReplica({ file: join(tmp.dir, 'r.db'), key: newReplicaKey() })
  const base = {
    duf: '201212345603',
    dufCheckFailed: false,
    regNumber: null,
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
  const rows = [
    { id: 'in', nationalId: '01019012345', birthDate: '1990-01-01', followUpMunicipality: '4601' },
    { id: 'other-municipality', nationalId: '01019012345', birthDate: '1990-01-01', followUpMunicipality: '0301' },
    { id: 'deleted', nationalId: '01019012345', birthDate: '1990-01-01', followUpMunicipality: '4601', deleted: true },
    { id: 'cached', nationalId: '01019012345', birthDate: '1990-01-01', followUpMunicipality: '4601', cachedReadOnly: true },
    { id: 'someone-else', nationalId: '02029012345', birthDate: '1990-02-02', followUpMunicipality: '4601' },
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

describe('identifier searches read their own index (issue 12.4f, R2.4, D5)', () => {
  test.each([
    { name: 'R2.4 national id', where: eq(persons.nationalId, '01019012345'), index: 'persons_national_id_idx' },
    { name: 'R2.4 birth date', where: eq(persons.birthDate, '1990-01-01'), index: 'persons_birth_date_idx' },
    { name: 'R2.4 registration number', where: eq(persons.regNumber, '123'), index: 'persons_reg_number_idx' },
  ])('$name: the plan searches $index, never the municipality index', ({ where, index }) => {
    const { sql, params } = personsInMunicipality(replica, where, '4601').toSQL()
    const plan = (replica.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
    expect(plan).toEqual([expect.stringContaining(`USING INDEX ${index} (`)])
  })

  test('D5 the search keeps only live persons followed up by the municipality, not cached copies', () => {
    expect(
      personsInMunicipality(replica, eq(persons.nationalId, '01019012345'), '4601')
        .all()
        .map((p) => p.id),
    ).toEqual(['in'])
    expect(
      personsInMunicipality(replica, eq(persons.birthDate, '1990-01-01'), '0301')
        .all()
        .map((p) => p.id),
    ).toEqual(['other-municipality'])
  })
})
