import { getTableName } from 'drizzle-orm'
import type { ReportPersonName } from '../../shared/api'
import type { CodeListEntry, PersonSnapshot } from '../../shared/domain'
import { programmeAverageOf, reportEvaluationOf, type AverageFigures, type AverageOf, type ReportPerson } from '../../shared/reports'
import { evaluatePerson, snapshotFromBase } from '../../shared/rules'
import { bundleRows, emptyBundle, type PersonBundle } from '../../shared/sync'
import { ownedTables } from '../db/entities'
import type { Replica } from '../db/open'
import { ownedReaders, PERSON_FIELDS, reader, readEntities, type Reader, type Row } from '../db/row-readers'
import * as t from '../db/schema'
import { ruleCodeLists } from './evaluation'

/**
 * The device's fast path for the municipality's reports (issue 8 point 9: 20,000 persons in
 * under 2 s). Three things make it fast, none of them changes a figure:
 *
 * 1. It reads only what `snapshotFromBase` hands the rules (and the three names the
 *    click-through list shows), with the compiled row readers of `db/row-readers.ts`: one
 *    query per table for the whole municipality, rows as arrays. The snapshot is then built
 *    by `snapshotFromBase` itself from that partial bundle.
 * 2. The reference parts of the snapshot (permit grounds, absence types) are built once, not
 *    once per person.
 * 3. Each person's snapshot and evaluation is kept per replica connection, for the day and the
 *    rule code lists it was made with. Temporary triggers on this connection note every person
 *    a write touches (a save, a pull, a scope exit, a deletion — any SQL on the tables the
 *    snapshot reads), so a later opening re-reads and re-evaluates only those persons; a write
 *    by another connection (`PRAGMA data_version`), another day or changed code lists drops
 *    or re-evaluates everything. A stale evaluation cannot be served: nothing reaches these
 *    tables without passing a trigger.
 *
 * `tests/integration/main/report-snapshots.test.ts` holds this path equal to `snapshotFromBase` + `evaluatePerson`
 * over full bundles.
 */

/** A snapshot and its evaluation at `today`, with the names the click-through list shows. */
export interface ReportEntry extends ReportPerson {
  name: ReportPersonName
}

// Persons in table order: the reports sort every list they give, so the order of persons changes no figure.
const personReader = reader(
  t.persons,
  t.persons.id,
  null,
  PERSON_FIELDS,
  '"deleted" = 0 AND "cached_read_only" = 0 AND "kept_after_scope_exit" = 0 AND "follow_up_municipality" = ?',
)

/** Rows as objects of the reader's fields, grouped by person, each group in key order. */
function readRows(replica: Replica, r: Reader, params: unknown[], ids: readonly string[] | null, each: (personId: string, row: Record<string, unknown>) => void): void {
  const chunks = ids === null ? [null] : chunk(ids, 500)
  for (const part of chunks) {
    const sql = r.sql.replace('%IN%', part === null ? '' : ` AND "${r.personColumn}" IN (${part.map(() => '?').join(',')})`)
    // `all()` rather than `iterate()`: one call into SQLite for the table, measured faster here.
    const rows = replica.sqlite
      .prepare(sql)
      .raw()
      .all(...params, ...(part ?? [])) as Row[]
    for (const row of rows) each(row[0] as string, r.build(row))
  }
}

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}

/**
 * The snapshots (`snapshotFromBase` of the person's bundle, no asylnorsk offers: the reports
 * judge no R7.2 week) and names of the persons in the municipality's report scope — all of
 * them, or only those of `ids` that are in scope. Live persons followed up in the municipality
 * that the pull sent, not persons cached by a DUF look-up or kept after a scope exit.
 */
export function readReportSnapshots(
  replica: Replica,
  municipality: string,
  codeLists: readonly CodeListEntry[],
  ids: readonly string[] | null = null,
): Map<string, { snapshot: PersonSnapshot; name: ReportPersonName }> {
  const read = new Map<string, { bundle: PersonBundle; name: ReportPersonName }>()
  readRows(replica, personReader, [municipality], ids, (id, p) => {
    // The person's rule fields only: `snapshotFromBase` copies no other (the test holds that).
    const person = {
      id,
      birthDate: p.birthDate,
      arrivalDate: p.arrivalDate,
      followUpMunicipality: p.followUpMunicipality,
      followUpDistrict: p.followUpDistrict,
      receptionCentre: p.receptionCentre,
    }
    read.set(id, { bundle: emptyBundle(person as PersonBundle['person']), name: { duf: p.duf as string, firstName: p.firstName as string, lastName: p.lastName as string } })
  })
  // Only the persons found in scope: a dirty id outside the municipality needs no rows.
  const inScope = ids === null ? null : [...read.keys()]
  if (inScope?.length !== 0) {
    for (const e of readEntities) {
      readRows(replica, ownedReaders[e], [], inScope, (personId, row) => {
        const b = read.get(personId)?.bundle
        if (b) (bundleRows(b, e) as unknown[]).push(row)
      })
    }
  }
  const out = new Map<string, { snapshot: PersonSnapshot; name: ReportPersonName }>()
  for (const [id, { bundle, name }] of read) {
    // The rules' own snapshot builder, so every field it derives (the R5.4 plan, the R12 rule
    // settings, …) is derived the same way; the code lists' part is derived once per array
    // (`snapshotFromBase` keeps it by identity) and shared, not once per person.
    const snapshot = snapshotFromBase(bundle, codeLists)
    out.set(id, { snapshot, name })
  }
  return out
}

const DIRTY = 'nir_report_dirty'

/**
 * Temporary (this connection only, nothing stored in the file) triggers that note the person of
 * every row written to `persons` or a table the snapshot reads. Idempotent. The note can never
 * make a write fail: the table has no constraint (an outer `ON CONFLICT` or upsert would
 * override a trigger's `OR IGNORE`, so a unique key could abort a pull), and a person already
 * noted is skipped by `NOT EXISTS` instead.
 */
const installed = new WeakSet<Replica>()

function installTriggers(replica: Replica): void {
  if (installed.has(replica)) return
  const stmts = [`CREATE TEMP TABLE IF NOT EXISTS ${DIRTY} (person_id TEXT)`, `CREATE INDEX IF NOT EXISTS temp.${DIRTY}_idx ON ${DIRTY} (person_id)`]
  const watch = (table: string, col: string) => {
    const note = (row: 'NEW' | 'OLD') =>
      `INSERT INTO temp.${DIRTY} (person_id) SELECT ${row}."${col}" WHERE NOT EXISTS (SELECT 1 FROM temp.${DIRTY} WHERE person_id = ${row}."${col}");`
    stmts.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${DIRTY}_${table}_i AFTER INSERT ON main."${table}" BEGIN ${note('NEW')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${DIRTY}_${table}_u AFTER UPDATE ON main."${table}" BEGIN ${note('NEW')} ${note('OLD')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${DIRTY}_${table}_d AFTER DELETE ON main."${table}" BEGIN ${note('OLD')} END`,
    )
  }
  watch(getTableName(t.persons), t.persons.id.name)
  for (const e of readEntities) watch(getTableName(ownedTables[e].table), ownedTables[e].personId.name)
  replica.sqlite.transaction(() => stmts.forEach((s) => replica.sqlite.exec(s)))()
  installed.add(replica)
}

/** Takes (reads and clears) the persons written since the last call. */
function takeDirty(replica: Replica): string[] {
  return replica.sqlite.transaction(() => {
    const ids = replica.sqlite.prepare(`SELECT DISTINCT person_id FROM temp.${DIRTY}`).pluck().all() as string[]
    replica.sqlite.exec(`DELETE FROM temp.${DIRTY}`)
    return ids
  })()
}

interface Cache {
  municipality: string
  today: string
  codeLists: string
  dataVersion: number
  entries: Map<string, ReportEntry>
}

const caches = new WeakMap<Replica, Cache>()

/** Above this many written persons a whole read is cheaper than reading them by id. */
const REREAD_ALL_ABOVE = 2000

/** What the last `reportEntries` call did, for the bench and the tests. */
export interface ReportEntriesStats {
  evaluated: number
  reread: 'all' | 'changed' | 'none'
}

/**
 * Every person in the municipality's report scope with their snapshot and evaluation at
 * `today` (`district`: only that district's), evaluating only persons written since the
 * previous call on this replica connection (see the file comment).
 */
export function reportEntries(replica: Replica, municipality: string, district: string | null, today: string, stats?: ReportEntriesStats): ReportEntry[] {
  installTriggers(replica)
  const codeLists = ruleCodeLists(replica)
  const codeListsKey = JSON.stringify(codeLists)
  const dataVersion = replica.sqlite.pragma('data_version', { simple: true }) as number
  let cache = caches.get(replica)
  const dirty = takeDirty(replica)
  let evaluated = 0
  let reread: ReportEntriesStats['reread'] = 'none'
  const evaluate = (s: { snapshot: PersonSnapshot; name: ReportPersonName }): ReportEntry => {
    evaluated++
    return { ...s, evaluation: reportEvaluationOf(evaluatePerson(s.snapshot, today)) }
  }
  if (!cache || cache.municipality !== municipality || cache.codeLists !== codeListsKey || cache.dataVersion !== dataVersion || dirty.length > REREAD_ALL_ABOVE) {
    const entries = new Map<string, ReportEntry>()
    for (const [id, s] of readReportSnapshots(replica, municipality, codeLists)) entries.set(id, evaluate(s))
    cache = { municipality, today, codeLists: codeListsKey, dataVersion, entries }
    caches.set(replica, cache)
    reread = 'all'
  } else {
    if (cache.today !== today) {
      // Another day: the same facts, judged again (deadlines and statuses move with the day).
      for (const [id, e] of cache.entries) cache.entries.set(id, evaluate(e))
      cache.today = today
    }
    if (dirty.length) {
      const fresh = readReportSnapshots(replica, municipality, codeLists, dirty)
      for (const id of dirty) {
        const s = fresh.get(id)
        if (s) cache.entries.set(id, evaluate(s))
        else cache.entries.delete(id)
      }
      reread = 'changed'
    }
  }
  if (stats) Object.assign(stats, { evaluated, reread })
  const all = [...cache.entries.values()]
  return district ? all.filter((e) => e.snapshot.person.followUpDistrict === district) : all
}

const averages = new WeakMap<PersonSnapshot, Map<string, AverageFigures>>()

/**
 * R5.4 averages kept per snapshot and days covered, for `municipalityReports`: the kept
 * snapshots above are the same objects from one opening to the next and are never changed (a
 * written person gets a new one), so a second opening over the same period computes no
 * average of an unchanged person again.
 */
export const keptAverageOf: AverageOf = (s, fromDate, toDate) => {
  let bySpan = averages.get(s)
  if (!bySpan) averages.set(s, (bySpan = new Map()))
  const key = `${fromDate}/${toDate}`
  let figures = bySpan.get(key)
  if (!figures) {
    const avg = programmeAverageOf(s, fromDate, toDate)
    bySpan.set(key, (figures = { hoursPerWeek: avg.hoursPerWeek, belowNorm: avg.belowNorm, norm: avg.norm }))
  }
  return figures
}

/** Drops the kept evaluations of a replica (the bench's first opening). */
export function forgetReportEntries(replica: Replica): void {
  caches.delete(replica)
}
