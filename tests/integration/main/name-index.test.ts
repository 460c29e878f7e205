import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { clearNameIndex, indexPersonName, nameCandidates, nameCandidatesInScope, unindexPersonName } from '../../../src/main/db/name-index'
import { defaultMigrationsFolder, openReplica, type Replica } from '../../../src/main/db/open'
import { tempDir } from '../sync/helpers'

const tmp = tempDir('name-index')
afterAll(() => tmp.remove())

let n = 0
function fresh(migrationsFolder?: string): Replica {
  return openReplica({ file: join(tmp.dir, `r${++n}.db`), key: newReplicaKey(), migrationsFolder })
}

const person = (id: string, firstName: string, lastName: string) => ({ id, firstName, middleName: null, lastName })

describe('FTS5 name index maintenance (issue 12.4a, R2.4)', () => {
  test('12.4a no statement of the name index scans a whole table: index rows are found by rowid through person_name_keys', () => {
    const replica = fresh()
    const sqls: string[] = []
    const prepare = replica.sqlite.prepare.bind(replica.sqlite)
    vi.spyOn(replica.sqlite, 'prepare').mockImplementation(((sql: string) => {
      sqls.push(sql)
      return prepare(sql)
    }) as typeof replica.sqlite.prepare)
    indexPersonName(replica.sqlite, person('p-1', 'Åse', 'Berg'))
    indexPersonName(replica.sqlite, person('p-1', 'Åse', 'Bergli'))
    unindexPersonName(replica.sqlite, 'p-1')
    nameCandidates(replica.sqlite, ['åse'])
    nameCandidatesInScope(replica.sqlite, ['åse'], '4601')
    vi.restoreAllMocks()
    expect(sqls.length).toBeGreaterThanOrEqual(5)
    for (const sql of sqls) {
      const params = Array<string>(sql.split('?').length - 1).fill('x')
      const plan = (replica.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
      // A full FTS5 scan shows as an empty index string ("INDEX 0:"); a plain table scan as "SCAN <table>" without an index.
      for (const step of plan) {
        expect(step, sql).not.toMatch(/VIRTUAL TABLE INDEX \d+:$/)
        expect(step, sql).not.toMatch(/^SCAN (person_name_keys|persons|p)$/)
        // 12.4f: a name search in the municipality reads each candidate by primary key, not the municipality's persons.
        expect(step, sql).not.toContain('persons_municipality_idx')
      }
    }
    replica.close()
  })

  test.each([
    { name: 'R2.4 an indexed person is found by a prefix of each name', steps: [['index', 'p-1', 'Åse', 'Berg']], query: ['ber'], found: ['p-1'] },
    {
      name: 'R2.4 a re-indexed person is found by the new name only, with one index row',
      steps: [
        ['index', 'p-1', 'Åse', 'Berg'],
        ['index', 'p-1', 'Åse', 'Haugen'],
      ],
      query: ['ber'],
      found: [],
    },
    {
      name: 'R2.4 re-indexing one person leaves the others',
      steps: [
        ['index', 'p-1', 'Åse', 'Berg'],
        ['index', 'p-2', 'Per', 'Bergstad'],
        ['index', 'p-1', 'Åse', 'Haugen'],
      ],
      query: ['ber'],
      found: ['p-2'],
    },
    {
      name: 'R2.4 an unindexed person is gone, and unindexing twice is harmless',
      steps: [
        ['index', 'p-1', 'Åse', 'Berg'],
        ['unindex', 'p-1'],
        ['unindex', 'p-1'],
      ],
      query: ['åse'],
      found: [],
    },
    {
      name: 'R2.4 a person unindexed then indexed again is found once',
      steps: [
        ['index', 'p-1', 'Åse', 'Berg'],
        ['unindex', 'p-1'],
        ['index', 'p-1', 'Åse', 'Berg'],
      ],
      query: ['åse'],
      found: ['p-1'],
    },
    { name: 'A4 reset: the cleared index finds nobody', steps: [['index', 'p-1', 'Åse', 'Berg'], ['clear']], query: ['åse'], found: [] },
  ])('$name', ({ steps, query, found }) => {
    const replica = fresh()
    for (const [op, id, first, last] of steps) {
      if (op === 'index') indexPersonName(replica.sqlite, person(id!, first!, last!))
      else if (op === 'unindex') unindexPersonName(replica.sqlite, id!)
      else clearNameIndex(replica.sqlite)
    }
    expect(nameCandidates(replica.sqlite, query).sort()).toEqual(found)
    // Exactly one index row and one key per indexed person, whatever the history.
    const rows = replica.sqlite.prepare('SELECT person_id AS id, count(*) AS c FROM person_names GROUP BY person_id').all() as { id: string; c: number }[]
    const keys = replica.sqlite.prepare('SELECT k.person_id AS id FROM person_name_keys k JOIN person_names f ON f.rowid = k.name_row').all() as { id: string }[]
    expect(rows.every((r) => r.c === 1)).toBe(true)
    expect(keys.map((k) => k.id).sort()).toEqual(rows.map((r) => r.id).sort())
    replica.close()
  })

  test('12.4a migration 0009: a replica indexed before it gets one key per person (a duplicate index row dropped) and re-indexes in place', () => {
    // The migrations up to 0008, as a replica from before this change was made.
    const old = join(tmp.dir, 'migrations-0008')
    cpSync(defaultMigrationsFolder, old, { recursive: true })
    rmSync(join(old, '0009_person_name_keys.sql'))
    const journalFile = join(old, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
    journal.entries = journal.entries.filter((e) => e.tag < '0009')
    writeFileSync(journalFile, JSON.stringify(journal))
    const file = join(tmp.dir, 'old.db')
    const key = newReplicaKey()
    const before = openReplica({ file, key, migrationsFolder: old })
    const insert = before.sqlite.prepare('INSERT INTO person_names (person_id, names) VALUES (?, ?)')
    insert.run('p-1', 'åse berg')
    insert.run('p-2', 'per haugen')
    insert.run('p-2', 'per haugen')
    before.close()

    const after = openReplica({ file, key })
    expect(after.sqlite.prepare('SELECT person_id AS id FROM person_name_keys ORDER BY person_id').all()).toEqual([{ id: 'p-1' }, { id: 'p-2' }])
    indexPersonName(after.sqlite, person('p-2', 'Per', 'Lia'))
    expect(nameCandidates(after.sqlite, ['haugen'])).toEqual([])
    expect(nameCandidates(after.sqlite, ['lia'])).toEqual(['p-2'])
    expect(after.sqlite.prepare('SELECT count(*) AS c FROM person_names').get()).toEqual({ c: 2 })
    after.close()
  })
})
