import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { nameCandidates } from '../../../src/main/db/name-index'
import { openReplica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { readSyncState } from '../../../src/main/db/state'
import { applyPage, applyReset } from '../../../src/main/sync/apply'
import { RESET_STAGING_SUFFIX, ResetStaging } from '../../../src/main/sync/reset-staging'
import type { ChangeSet } from '../../../src/shared/sync'
import { tempDir } from '../sync/helpers'
import { personData } from './person-data'

const tmp = tempDir('reset-staging')
afterAll(() => tmp.remove())

const page = (from: number, to: number, lastName: string): ChangeSet[] =>
  Array.from({ length: to - from }, (_, k) => ({
    seq: from + k + 1,
    changes: [{ kind: 'upsert' as const, entity: 'person' as const, id: `p-${from + k}`, version: 1, data: personData(`p-${from + k}`, lastName) }],
  }))

const end = (epoch: string, seq: number, complete: boolean) => ({ cursor: { epoch, seq }, serverTime: '2026-12-01T12:00:00.000Z', serverOffsetMs: 0, complete })

/** A replica holding 10 persons of the old lineage, cursor old:10. */
function oldReplica(name: string) {
  const replica = openReplica({ file: join(tmp.dir, name), key: newReplicaKey() })
  readSyncState(replica) // creates the sync_state row, as a session does
  applyPage(replica, page(0, 10, 'Gammel'), end('old', 10, true))
  return replica
}

const PAGE = 20
const PAGES = 5

test('R12.4g the reset swap reads the staged download one page at a time inside its one transaction', () => {
  const replica = oldReplica('lazy.db')
  const staging = new ResetStaging(replica)
  for (let p = 0; p < PAGES; p++) staging.add(page(100 + p * PAGE, 100 + (p + 1) * PAGE, 'Ny'))
  // When page k is asked for, pages before it are already written (inside the open transaction,
  // which this connection sees) and page k is not: the swap never holds more than one page.
  const seenWhenAsked: number[] = []
  const count = () => replica.db.select().from(persons).all().length
  function* watched() {
    for (const p of staging.read()) {
      seenWhenAsked.push(count())
      yield p
    }
  }
  applyReset(replica, watched(), end('new', 200, true))
  staging.close()
  expect(seenWhenAsked).toEqual([0, 20, 40, 60, 80])
  const rows = replica.db.select().from(persons).all()
  expect(rows).toHaveLength(PAGES * PAGE)
  expect(rows.every((r) => r.lastName === 'Ny')).toBe(true)
  expect(nameCandidates(replica.sqlite, ['gammel'])).toHaveLength(0)
  expect(readSyncState(replica)).toMatchObject({ cursorEpoch: 'new', cursorSeq: 200, firstSyncComplete: true })
  replica.close()
})

test('R12.4g a failure in the middle of the reset swap leaves the old replica and its cursor intact (all or nothing)', () => {
  const replica = oldReplica('atomic.db')
  const staging = new ResetStaging(replica)
  for (let p = 0; p < PAGES; p++) staging.add(page(100 + p * PAGE, 100 + (p + 1) * PAGE, 'Ny'))
  function* failing() {
    let n = 0
    for (const p of staging.read()) {
      if (n++ === 3) throw new Error('disk went away on page 4')
      yield p
    }
  }
  expect(() => applyReset(replica, failing(), end('new', 200, true))).toThrow('disk went away')
  staging.close()
  const rows = replica.db.select().from(persons).all()
  expect(rows.map((r) => r.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `p-${i}`).sort())
  expect(rows.every((r) => r.lastName === 'Gammel')).toBe(true)
  expect(nameCandidates(replica.sqlite, ['gammel'])).toHaveLength(10)
  expect(nameCandidates(replica.sqlite, ['ny'])).toHaveLength(0)
  expect(readSyncState(replica)).toMatchObject({ cursorEpoch: 'old', cursorSeq: 10 })
  replica.close()
})

test('R12.4g the staged download is encrypted with the replica key, and removed when the reset ends', () => {
  const replica = oldReplica('encrypted.db')
  const staging = new ResetStaging(replica)
  staging.add(page(100, 140, 'Solheimsviken'))
  const file = `${replica.file}${RESET_STAGING_SUFFIX}`
  const bytes = readFileSync(file)
  expect(bytes.length).toBeGreaterThan(0)
  expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
  expect(bytes.includes(Buffer.from('Solheimsviken'))).toBe(false)
  expect([...staging.read()].flat()).toHaveLength(40)
  staging.close()
  expect(existsSync(file)).toBe(false)
  // A staging file a crash left behind is replaced by the next reset, not appended to.
  const again = new ResetStaging(replica)
  expect([...again.read()]).toEqual([])
  again.close()
  replica.close()
})
