import { and, asc, eq, getTableName, inArray, sql } from 'drizzle-orm'
import type { AsylnorskOffer, CodeListEntry } from '../../shared/domain'
import { toDomain } from './entities'
import type { Replica } from './open'
import { preparedOnce } from './prepared'
import * as t from './schema'

/**
 * The reference data the rules read beside a person's own rows, read the way every save needs
 * them: by statements prepared once per replica, the code lists kept until their table is
 * written. Here in `db/` (not a service) because keeping them needs a temporary table and
 * triggers on the open connection — connection plumbing, never a write to the replica file.
 */

/** The reference-data lists the rules read (R3.1 permit grounds, R10 absence types, R12 settings). */
const RULE_LISTS = ['permitGround', 'absenceType', 'ruleSetting'] as const

export function ruleCodeLists(replica: Replica): CodeListEntry[] {
  const written = codeListWrites(replica)
  const kept = keptCodeLists.get(replica)
  if (kept && kept.written === written) return kept.lists
  const lists = preparedOnce(replica, 'codeLists.rules', (db) =>
    db
      .select()
      .from(t.codeLists)
      .where(and(inArray(t.codeLists.list, [...RULE_LISTS]), eq(t.codeLists.deleted, false)))
      .prepare(),
  )
    .all()
    .map((r) => toDomain<CodeListEntry>(r))
  keptCodeLists.set(replica, { written, lists })
  return lists
}

/**
 * The rule code lists, kept per replica connection until the table is written. Why: every
 * save builds the person's snapshot from them, and reading and mapping them each time was a
 * fifth of a save (`bench/push.ts`); the same array also lets `snapshotFromBase` derive the
 * permit grounds and absence types once. Callers must not change the array.
 */
const keptCodeLists = new WeakMap<Replica, { written: string; lists: CodeListEntry[] }>()

const CODE_LIST_WRITES = 'nir_code_list_writes'
const countingWrites = new WeakSet<Replica>()

/**
 * A mark that changes whenever `code_lists` is written: a counter that temporary (this
 * connection only, nothing stored in the file) triggers raise on every insert, update and
 * delete, beside `data_version`, which moves when another connection commits.
 */
function codeListWrites(replica: Replica): string {
  if (!countingWrites.has(replica)) {
    replica.sqlite.transaction(() => {
      replica.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${CODE_LIST_WRITES} (n INTEGER NOT NULL)`)
      replica.sqlite.exec(`INSERT INTO temp.${CODE_LIST_WRITES} (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.${CODE_LIST_WRITES})`)
      for (const [suffix, event] of [
        ['i', 'INSERT'],
        ['u', 'UPDATE'],
        ['d', 'DELETE'],
      ])
        replica.sqlite.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS ${CODE_LIST_WRITES}_${suffix} AFTER ${event} ON main."${getTableName(t.codeLists)}" BEGIN UPDATE temp.${CODE_LIST_WRITES} SET n = n + 1; END`,
        )
    })()
    countingWrites.add(replica)
  }
  const n = preparedOnce(replica, 'codeLists.writes', () => replica.sqlite.prepare(`SELECT n FROM temp.${CODE_LIST_WRITES}`).pluck()).get() as number
  return `${n}:${replica.sqlite.pragma('data_version', { simple: true }) as number}`
}

/** Live asylnorsk offers of one municipality (R7.1), by id: what R7.2 checks a week against. */
export function offersOnDevice(replica: Replica, municipality: string): AsylnorskOffer[] {
  return preparedOnce(replica, 'asylnorskOffers.ofMunicipality', (db) =>
    db
      .select()
      .from(t.asylnorskOffers)
      .where(and(eq(t.asylnorskOffers.municipality, sql.placeholder('municipality')), eq(t.asylnorskOffers.deleted, false)))
      .orderBy(asc(t.asylnorskOffers.id))
      .prepare(),
  )
    .all({ municipality })
    .map((r) => toDomain('asylnorskOffer', r))
}
