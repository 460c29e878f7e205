import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import { prepareReplica, type Replica } from '../../../src/main/db/open'
import { applyPage } from '../../../src/main/sync/apply'
import type { ChangeSet } from '../../../src/shared/sync'
import { tempDir } from '../sync/helpers'
import { personData } from './person-data'

const tmp = tempDir('secure-delete')
afterAll(() => tmp.remove())
const end = (seq: number) => ({ cursor: { epoch: 'e', seq }, serverTime: '2026-12-01T12:00:00.000Z', serverOffsetMs: 0, complete: false })
const MARK = 'Slettetestnavn'

/**
 * The replica's settings on an unkeyed file (as the scale bench opens one), so the test can
 * read the bytes SQLite leaves behind; the app's replica is the same file encrypted.
 */
function plainReplica(name: string): Replica {
  const file = join(tmp.dir, name)
  return prepareReplica(new Database(file), file, true)
}

/** 50 persons with the mark in their last name, then the scope exit of every one; the file's bytes after a checkpoint. */
function bytesAfterScopeExits(replica: Replica): Buffer {
  const ids = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
  const upserts: ChangeSet = { seq: 1, changes: ids.map((id, i) => ({ kind: 'upsert', entity: 'person', id, version: 1, data: personData(id, `${MARK}${i}`) })) }
  applyPage(replica, [upserts], end(1))
  expect(replica.sqlite.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 50 })
  applyPage(replica, [{ seq: 2, changes: ids.map((personId) => ({ kind: 'scopeExit', personId })) }], end(2))
  expect(replica.sqlite.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 0 })
  replica.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  replica.close()
  return readFileSync(replica.file)
}

describe('issue 11: deleted rows leave no trace in the replica file', () => {
  test('the replica opens with secure_delete on', () => {
    const replica = plainReplica('pragma.db')
    expect(replica.sqlite.pragma('secure_delete', { simple: true })).toBe(1)
    replica.close()
  })

  test('names of persons who left the scope are gone from the file, not only from the tables', () => {
    expect(bytesAfterScopeExits(plainReplica('on.db')).includes(MARK)).toBe(false)
  })

  test('control: with secure_delete off the same steps leave the names in free space (what the test detects)', () => {
    const replica = plainReplica('off.db')
    replica.sqlite.pragma('secure_delete = OFF')
    expect(bytesAfterScopeExits(replica).includes(MARK)).toBe(true)
  })
})
