import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { ruleCodeLists } from '../../../src/main/db/rule-reads'
import * as t from '../../../src/main/db/schema'

/**
 * The rule code lists are kept per connection (`db/rule-reads.ts`): a kept list must never be
 * served after `code_lists` is written — by this connection (a pull, a test) or another one.
 */

let dir: string
let key: Buffer
let replica: Replica

const row = (id: string, code: string, list: 'permitGround' | 'absenceType' = 'permitGround') => ({
  id,
  list,
  code,
  nameNb: `Kode ${code}`,
  nameNn: `Kode ${code}`,
  data: {},
  validFrom: null,
  validTo: null,
  sortOrder: 1,
  serverVersion: 1,
  deleted: false,
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nir-rule-reads-'))
  key = randomBytes(32)
  replica = openReplica({ file: join(dir, 'replica.db'), key })
})
afterEach(() => {
  replica.close()
  rmSync(dir, { recursive: true, force: true })
})

const codes = () =>
  ruleCodeLists(replica)
    .map((e) => e.code)
    .sort()

describe('kept rule code lists', () => {
  test('the same array while nothing is written; a fresh one after an insert, update and delete', () => {
    replica.db.insert(t.codeLists).values(row('a', 'A')).run()
    const first = ruleCodeLists(replica)
    expect(first.map((e) => e.code)).toEqual(['A'])
    expect(ruleCodeLists(replica)).toBe(first)

    replica.db
      .insert(t.codeLists)
      .values(row('b', 'B', 'absenceType'))
      .run()
    expect(codes()).toEqual(['A', 'B'])

    replica.db.update(t.codeLists).set({ code: 'A2' }).where(eq(t.codeLists.id, 'a')).run()
    expect(codes()).toEqual(['A2', 'B'])

    // A tombstone leaves the live list.
    replica.db.update(t.codeLists).set({ deleted: true }).where(eq(t.codeLists.id, 'b')).run()
    expect(codes()).toEqual(['A2'])

    replica.db.delete(t.codeLists).run()
    expect(codes()).toEqual([])
  })

  test('a write by another connection to the same file is seen too', () => {
    replica.db.insert(t.codeLists).values(row('a', 'A')).run()
    expect(codes()).toEqual(['A'])
    const other = new Database(replica.file)
    try {
      other.pragma(`key = "x'${key.toString('hex')}'"`)
      other.prepare(`UPDATE code_lists SET code = 'OTHER' WHERE id = 'a'`).run()
    } finally {
      other.close()
    }
    expect(codes()).toEqual(['OTHER'])
  })

  test('lists the rules do not read are not returned', () => {
    replica.db
      .insert(t.codeLists)
      .values({ ...row('m', 'NOR'), list: 'language' })
      .run()
    expect(codes()).toEqual([])
  })
})
