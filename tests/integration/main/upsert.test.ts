import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, expect, test, vi } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { openReplica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { upsertRow } from '../../../src/main/db/upsert'
import { tempDir } from '../sync/helpers'
import { personData } from './person-data'

const tmp = tempDir('upsert')
afterAll(() => tmp.remove())

const person = (id: string) => ({ ...personData(id, 'Berg'), closed: true })

test('issue 12.5 upsertRow: one statement per column set, whatever order the keys come in; undefined leaves its column as it was; keys that are no column are ignored', () => {
  const replica = openReplica({ file: join(tmp.dir, 'r.db'), key: newReplicaKey() })
  const read = (id: string) => replica.db.select().from(persons).where(eq(persons.id, id)).get()!
  upsertRow(replica, 'person', { ...person('a'), serverVersion: 1, deleted: false, cachedReadOnly: false })
  expect(read('a')).toMatchObject({ lastName: 'Berg', closed: true, serverVersion: 1, deleted: false })

  // The same columns in another key order: the same statement, the same row.
  const reversed = Object.fromEntries(Object.entries({ ...person('b'), serverVersion: 4, deleted: false, cachedReadOnly: false }).reverse())
  const prepare = vi.spyOn(replica.sqlite, 'prepare')
  upsertRow(replica, 'person', reversed)
  expect(prepare).not.toHaveBeenCalled()
  vi.restoreAllMocks()
  expect(read('b')).toMatchObject({ lastName: 'Berg', closed: true, serverVersion: 4 })

  // An update that leaves the version undefined keeps it; a key that is no column does no harm.
  upsertRow(replica, 'person', { ...person('a'), lastName: 'Lia', closed: false, serverVersion: undefined, deleted: false, notAColumn: 'x' })
  expect(read('a')).toMatchObject({ lastName: 'Lia', closed: false, serverVersion: 1 })
  // Then the same shape with the version given writes it: the undefined took another column set, not this one's.
  upsertRow(replica, 'person', { ...person('a'), lastName: 'Lund', closed: false, serverVersion: 2, deleted: false, notAColumn: 'x' })
  expect(read('a')).toMatchObject({ lastName: 'Lund', serverVersion: 2 })
  expect(replica.db.select().from(persons).all()).toHaveLength(2)
  replica.close()
})
