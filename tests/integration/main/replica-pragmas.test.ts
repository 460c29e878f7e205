import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { openReplica, REPLICA_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from '../../../src/main/db/open'
import { tempDir } from '../sync/helpers'

const tmp = tempDir('replica-pragmas')
afterAll(() => tmp.remove())

test.each([
  { name: 'issue 12.4c a 64 MB page cache, so a large replica is not decrypted again page by page', pragma: 'cache_size', value: REPLICA_CACHE_KIB, expected: -65536 },
  { name: 'A3 WAL journal', pragma: 'journal_mode', value: 'wal', expected: 'wal' },
  { name: 'A3 the WAL checkpoints at 10,000 pages (save p99)', pragma: 'wal_autocheckpoint', value: WAL_AUTOCHECKPOINT_PAGES, expected: 10_000 },
])('$name', ({ pragma, value, expected }) => {
  const key = newReplicaKey()
  const file = join(tmp.dir, `${pragma}.db`)
  // Both a new file and an existing one reopened get the setting: pragmas are per connection.
  for (let open = 0; open < 2; open++) {
    const replica = openReplica({ file, key })
    expect(value).toBe(expected)
    expect(replica.sqlite.pragma(pragma, { simple: true })).toBe(expected)
    replica.close()
  }
})
