import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { indexPersonName, nameCandidatesInScope } from '../../../src/main/db/name-index'
import { defaultMigrationsFolder, openReplica, type Replica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { tempDir } from '../sync/helpers'

const tmp = tempDir('search-keys')
afterAll(() => tmp.remove())

let n = 0
function fresh(): Replica {
  return openReplica({ file: join(tmp.dir, `r${++n}.db`), key: newReplicaKey() })
}

const base = {
  duf: '201212345603',
  dufCheckFailed: false,
  nationalId: null,
  regNumber: null,
  middleName: null,
  sex: 'K' as const,
  closed: false,
  arrivalDate: null,
  followUpDistrict: null,
  followUpByAgreement: false,
  receptionCentre: null,
}

/** A person row written first, then indexed: the order of the pull's apply and of a DUF look-up's cache. */
function add(replica: Replica, id: string, firstName: string, lastName: string, extra: Partial<typeof persons.$inferInsert> = {}) {
  replica.db
    .insert(persons)
    .values({ ...base, id, firstName, lastName, birthDate: '1990-01-01', followUpMunicipality: '4601', ...extra })
    .run()
  indexPersonName(replica.sqlite, { id, firstName, middleName: null, lastName })
}

function candidates(replica: Replica, words: string[], municipality = '4601'): string[] {
  return nameCandidatesInScope(replica.sqlite, words, municipality)
    .map((c) => `${c.id} ${c.firstName} ${c.lastName} ${c.birthDate}`)
    .sort()
}

describe('issue 12.5 a name search reads its candidates from the name index rows, kept equal to the persons', () => {
  test('12.5 the candidate query reads the FTS match, then one person_name_keys row per candidate by rowid, never persons', () => {
    const replica = fresh()
    const sqls: string[] = []
    const prepare = replica.sqlite.prepare.bind(replica.sqlite)
    // Spy before the first use: the name index prepares its statements once per connection.
    replica.sqlite.prepare = ((sql: string) => (sqls.push(sql), prepare(sql))) as typeof replica.sqlite.prepare
    add(replica, 'p-1', 'Åse', 'Berg')
    replica.sqlite.prepare = prepare
    const query = sqls.find((s) => s.includes('MATCH') && s.includes('in_scope'))
    expect(query).toBeDefined()
    const plan = (replica.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all('"ber"*', '4601') as { detail: string }[]).map((r) => r.detail)
    expect(plan).toEqual([expect.stringMatching(/^SCAN f VIRTUAL TABLE INDEX \d+:M/), 'SEARCH k USING INTEGER PRIMARY KEY (rowid=?)'])
    replica.close()
  })

  const steps: { name: string; change: (r: Replica) => void; found: string[]; inOther?: string[] }[] = [
    { name: 'R2.4 as indexed', change: () => {}, found: ['p-1 Åse Berg 1990-01-01'] },
    {
      name: 'R2.4 a renamed person (any write path) is found with the new name columns',
      change: (r) => r.db.update(persons).set({ firstName: 'Åsa', birthDate: '1991-02-02' }).where(eq(persons.id, 'p-1')).run(),
      found: ['p-1 Åsa Berg 1991-02-02'],
    },
    {
      name: 'D5 a person moved to another municipality leaves the search',
      change: (r) => r.db.update(persons).set({ followUpMunicipality: '0301' }).where(eq(persons.id, 'p-1')).run(),
      found: [],
      inOther: ['p-1 Åse Berg 1990-01-01', 'p-2 Ola Berg 1990-01-01'],
    },
    { name: 'D5 a deleted person leaves the search', change: (r) => r.db.update(persons).set({ deleted: true }).where(eq(persons.id, 'p-1')).run(), found: [] },
    { name: 'D5 a cached read-only copy is not searched', change: (r) => r.db.update(persons).set({ cachedReadOnly: true }).where(eq(persons.id, 'p-1')).run(), found: [] },
    {
      name: 'D5 a person undeleted and back in the municipality is found again',
      change: (r) => {
        r.db.update(persons).set({ deleted: true, followUpMunicipality: '0301' }).where(eq(persons.id, 'p-1')).run()
        r.db.update(persons).set({ deleted: false, followUpMunicipality: '4601' }).where(eq(persons.id, 'p-1')).run()
      },
      found: ['p-1 Åse Berg 1990-01-01'],
    },
  ]
  test.each(steps)('$name', ({ change, found, inOther = ['p-2 Ola Berg 1990-01-01'] }) => {
    const replica = fresh()
    add(replica, 'p-1', 'Åse', 'Berg')
    add(replica, 'p-2', 'Ola', 'Berg', { followUpMunicipality: '0301' })
    change(replica)
    expect(candidates(replica, ['ber'])).toEqual(found)
    expect(candidates(replica, ['ber'], '0301')).toEqual(inOther)
    replica.close()
  })

  test('12.5 a name indexed before its person row is written gets the columns when the row arrives', () => {
    const replica = fresh()
    indexPersonName(replica.sqlite, { id: 'p-9', firstName: 'Kari', middleName: null, lastName: 'Bergli' })
    expect(candidates(replica, ['ber'])).toEqual([])
    replica.db
      .insert(persons)
      .values({ ...base, id: 'p-9', firstName: 'Kari', lastName: 'Bergli', birthDate: '1980-05-05', followUpMunicipality: '4601' })
      .run()
    expect(candidates(replica, ['ber'])).toEqual(['p-9 Kari Bergli 1980-05-05'])
    replica.close()
  })

  test('12.5 migration 0011 copies the columns of every person indexed before it (in scope or not)', () => {
    // The migrations up to 0010, as a replica from before this change.
    const old = join(tmp.dir, 'migrations-0010')
    cpSync(defaultMigrationsFolder, old, { recursive: true })
    rmSync(join(old, '0011_person_name_search.sql'))
    const journalFile = join(old, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
    journal.entries = journal.entries.filter((e) => e.tag < '0011')
    writeFileSync(journalFile, JSON.stringify(journal))
    const file = join(tmp.dir, 'old.db')
    const key = newReplicaKey()
    const before = openReplica({ file, key, migrationsFolder: old })
    const rows = [
      { id: 'p-1', firstName: 'Åse', lastName: 'Berg', followUpMunicipality: '4601', deleted: false },
      { id: 'p-2', firstName: 'Ola', lastName: 'Berg', followUpMunicipality: '4601', deleted: true },
      { id: 'p-3', firstName: 'Kari', lastName: 'Berg', followUpMunicipality: '0301', deleted: false },
    ]
    rows.forEach((r, i) => {
      before.db
        .insert(persons)
        .values({ ...base, duf: `20121234560${i}`, birthDate: '1990-01-01', ...r })
        .run()
      before.sqlite.prepare('INSERT INTO person_names (rowid, person_id, names) VALUES (?, ?, ?)').run(i + 1, r.id, `${r.firstName.toLowerCase()} berg`)
      before.sqlite.prepare('INSERT INTO person_name_keys (name_row, person_id) VALUES (?, ?)').run(i + 1, r.id)
    })
    // An index row whose person is gone: stays out of every search.
    before.sqlite.prepare("INSERT INTO person_names (rowid, person_id, names) VALUES (9, 'gone', 'per berg')").run()
    before.sqlite.prepare("INSERT INTO person_name_keys (name_row, person_id) VALUES (9, 'gone')").run()
    before.close()

    const after = openReplica({ file, key })
    expect(candidates(after, ['ber'])).toEqual(['p-1 Åse Berg 1990-01-01'])
    expect(candidates(after, ['ber'], '0301')).toEqual(['p-3 Kari Berg 1990-01-01'])
    after.close()
  })
})
