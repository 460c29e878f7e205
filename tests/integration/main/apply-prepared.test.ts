import { join } from 'node:path'
import { afterAll, expect, test, vi } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { nameCandidates } from '../../../src/main/db/name-index'
import { openReplica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { applyPage } from '../../../src/main/sync/apply'
import type { ChangeSet } from '../../../src/shared/sync'
import { tempDir } from '../sync/helpers'
import { personData } from './person-data'

const tmp = tempDir('apply-prepared')
afterAll(() => tmp.remove())

const page = (from: number, to: number, lastName: string, version: number): ChangeSet[] =>
  Array.from({ length: to - from }, (_, k) => ({
    seq: from + k + 1,
    changes: [{ kind: 'upsert' as const, entity: 'person' as const, id: `p-${from + k}`, version, data: personData(`p-${from + k}`, lastName) }],
  }))

const end = (seq: number) => ({ cursor: { epoch: 'e', seq }, serverTime: '2026-12-01T12:00:00.000Z', serverOffsetMs: 0, complete: false })

test('issue 12.4b a pull page prepares the same statements whatever its number of rows (statements prepared once per replica, not per row)', () => {
  const replica = openReplica({ file: join(tmp.dir, 'r.db'), key: newReplicaKey() })
  const prepare = vi.spyOn(replica.sqlite, 'prepare')
  const preparesOf = (sets: ChangeSet[], seq: number) => {
    prepare.mockClear()
    applyPage(replica, sets, end(seq))
    return prepare.mock.calls.length
  }
  preparesOf(page(0, 2, 'Berg', 1), 2) // warm: the first page prepares the per-replica statements
  const small = preparesOf(page(2, 5, 'Berg', 1), 5)
  const large = preparesOf(page(5, 65, 'Berg', 1), 65)
  const updates = preparesOf(page(0, 65, 'Lia', 2), 65)
  vi.restoreAllMocks()
  expect(large).toBe(small)
  expect(updates).toBe(small)

  // The prepared upsert writes what the drizzle insert did: every row at its version, the name index current.
  const rows = replica.db.select().from(persons).all()
  expect(rows).toHaveLength(65)
  expect(rows.every((r) => r.lastName === 'Lia' && r.serverVersion === 2 && !r.deleted && !r.cachedReadOnly && !r.keptAfterScopeExit && r.sex === 'K')).toBe(true)
  expect(nameCandidates(replica.sqlite, ['lia'])).toHaveLength(65)
  expect(nameCandidates(replica.sqlite, ['berg'])).toHaveLength(0)
  replica.close()
})
