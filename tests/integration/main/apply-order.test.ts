import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { applyPage } from '../../../src/main/sync/apply'
import type { Change, ChangeSet } from '../../../src/shared/sync'
import { replicaSnapshotOf, tempDir } from '../sync/helpers'
import { personData } from './person-data'

const tmp = tempDir('apply-order')
afterAll(() => tmp.remove())
let files = 0
const fresh = (): Replica => openReplica({ file: join(tmp.dir, `r${files++}.db`), key: newReplicaKey() })
const end = (seq: number) => ({ cursor: { epoch: 'e', seq }, serverTime: '2026-12-01T12:00:00.000Z', serverOffsetMs: 0, complete: false })

const person = (id: string, lastName: string): Change => ({
  kind: 'upsert',
  entity: 'person',
  id,
  version: 1,
  data: personData(id, lastName),
})
const permit = (id: string, personId: string, version: number, permitType: string): Change => ({
  kind: 'upsert',
  entity: 'permit',
  id,
  version,
  data: { id, personId, groundCode: 'UTL28', permitType, legalBasis: 'utlendingsloven § 28', validFrom: '2024-01-01', validTo: null, grantedDate: '2024-01-01' },
})
const address = (id: string, personId: string): Change => ({
  kind: 'upsert',
  entity: 'address',
  id,
  version: 1,
  data: {
    id,
    personId,
    source: 'DSF',
    street: 'Storgata 1',
    postalCode: '5003',
    postalPlace: 'Bergen',
    municipality: '4601',
    district: null,
    validFrom: '2024-01-01',
    validTo: null,
  },
})

/** Each change in a page of its own, in arrival order: the order the register gave. */
function oneByOne(replica: Replica, sets: ChangeSet[]): void {
  let seq = 0
  for (const set of sets) for (const change of set.changes) applyPage(replica, [{ seq: set.seq, changes: [change] }], end(++seq))
}

/** The sets applied as one page and one change at a time: the replicas must be equal; the page's snapshot. */
function bothWays(sets: ChangeSet[]): ReturnType<typeof replicaSnapshotOf> {
  const grouped = fresh()
  applyPage(grouped, sets, end(sets.length))
  const arrival = fresh()
  oneByOne(arrival, sets)
  const snapshot = replicaSnapshotOf(grouped)
  expect(snapshot).toEqual(replicaSnapshotOf(arrival))
  grouped.close()
  arrival.close()
  return snapshot
}

test('issue 12.5 a page of upserts applied entity by entity ends as the same changes applied one by one in arrival order (a row given twice keeps its later version)', () => {
  const sets: ChangeSet[] = [
    { seq: 1, changes: [person('p1', 'Berg'), permit('m1', 'p1', 1, 'Midlertidig'), address('a1', 'p1')] },
    { seq: 2, changes: [person('p2', 'Lia'), address('a2', 'p2'), permit('m2', 'p2', 1, 'Midlertidig')] },
    // m1 again at a later version, after p2's rows: the later one wins in either order.
    { seq: 3, changes: [permit('m1', 'p1', 2, 'Permanent'), person('p1', 'Lund')] },
  ]
  const snapshot = bothWays(sets)
  expect(snapshot.permit.find((p) => p.id === 'm1')).toMatchObject({ permitType: 'Permanent' })
  expect(snapshot.person.find((p) => p.id === 'p1')).toMatchObject({ lastName: 'Lund' })
})

test('issue 12.5 a page with a scope exit keeps the arrival order: a person who arrives and leaves in one page is gone with every row', () => {
  const sets: ChangeSet[] = [
    { seq: 1, changes: [person('p3', 'Dahl'), permit('m3', 'p3', 1, 'Midlertidig')] },
    { seq: 2, changes: [{ kind: 'scopeExit', personId: 'p3' }] },
    { seq: 3, changes: [person('p4', 'Moen'), address('a4', 'p4')] },
  ]
  const snapshot = bothWays(sets)
  expect(snapshot.person.map((p) => p.id)).toEqual(['p4'])
  expect(snapshot.permit).toEqual([])
})
