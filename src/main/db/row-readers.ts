import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { emptyRegistrations } from '../../shared/rules'
import { emptyBundle, entities, entityFields, personOwnedEntities, type PersonBundle, type PersonOwnedEntity } from '../../shared/sync'
import { ownedTables } from './entities'
import type { Replica } from './open'
import { preparedOnce } from './prepared'
import * as t from './schema'

/**
 * Compiled row readers of what the rules read (issue 8 point 9, issue 7 point 10): the
 * reports read a whole municipality with them, and a save reads its one person's rows with
 * them. Only what `snapshotFromBase` hands the rules is read — the person's rule fields, four
 * permit, three settlement, four address and three test-result fields, and every registration list whole; no
 * citizenships or grants (no rule reads them) and no bookkeeping column. Rows
 * come from SQLite as arrays (no per-row objects from the driver) and are decoded by the
 * table's own column mappers (booleans, JSON) exactly as drizzle would. The rules' own
 * `snapshotFromBase` then builds the snapshot from that partial bundle, so nothing it derives
 * is derived twice. `tests/integration/main/report-snapshots.test.ts` holds both paths equal
 * to `snapshotFromBase` over full bundles.
 */

/** The registration entities: those whose bundle list is a `PersonRegistrations` list (all of them are rules input). */
const REGISTRATION_KEYS = new Set(Object.keys(emptyRegistrations()))
const registrationEntities = personOwnedEntities.filter((e) => REGISTRATION_KEYS.has(entities[e].bundleKey))

export type Row = unknown[]
const bool = (v: unknown) => (v === null ? null : t.settlements.byAgreement.mapFromDriverValue(v as number))
/**
 * Base data the snapshot copies, with the fields it copies (`snapshotFromBase`), as object
 * literals over the row (`row[0]` is the person): one object shape per list, built without a
 * loop over field names (most of the rows the reports read are base data).
 */
const BASE = {
  permit: {
    fields: ['groundCode', 'validFrom', 'validTo', 'grantedDate'],
    build: (r: Row) => ({ groundCode: r[1], validFrom: r[2], validTo: r[3], grantedDate: r[4] }),
  },
  settlement: {
    fields: ['date', 'municipality', 'byAgreement'],
    build: (r: Row) => ({ date: r[1], municipality: r[2], byAgreement: bool(r[3]) }),
  },
  address: {
    fields: ['municipality', 'district', 'validFrom', 'validTo'],
    build: (r: Row) => ({ municipality: r[1], district: r[2], validFrom: r[3], validTo: r[4] }),
  },
  // R12.2.6: the 2021 rules complete Norwegian training by test level.
  testResult: {
    fields: ['part', 'level', 'testDate'],
    build: (r: Row) => ({ part: r[1], level: r[2], testDate: r[3] }),
  },
} as const satisfies Partial<Record<PersonOwnedEntity, { fields: readonly string[]; build: (r: Row) => object }>>
type BaseEntity = keyof typeof BASE

/** Every person-owned entity the snapshot reads; the triggers watch exactly these tables and `persons`. */
export const readEntities: readonly PersonOwnedEntity[] = [...(Object.keys(BASE) as BaseEntity[]), ...registrationEntities]

export const PERSON_FIELDS = ['id', 'birthDate', 'arrivalDate', 'followUpMunicipality', 'followUpDistrict', 'receptionCentre', 'duf', 'firstName', 'lastName'] as const

export interface Reader {
  sql: string
  personColumn: string
  /** The row (`[person, …fields]`) as its object. */
  build: (row: Row) => Record<string, unknown>
}

/** `SELECT <person column>, <fields…> FROM <table> WHERE <live> [AND <person column> IN (…)] ORDER BY <key>`. */
export function reader(
  table: Parameters<typeof getTableColumns>[0],
  personColumn: SQLiteColumn,
  key: SQLiteColumn | null,
  fields: readonly string[],
  live: string,
  build?: (row: Row) => object,
): Reader {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>
  const cols = fields.map((f) => {
    const c = columns[f]
    if (!c) throw new Error(`replica table ${getTableName(table)} has no column ${f}`)
    return c
  })
  return {
    sql: `SELECT "${personColumn.name}"${cols.map((c) => `, "${c.name}"`).join('')} FROM "${getTableName(table)}" WHERE ${live}%IN%${key ? ` ORDER BY "${key.name}"` : ''}`,
    personColumn: personColumn.name,
    build: (build as Reader['build']) ?? generic(fields, cols),
  }
}

/**
 * A row as an object of `fields`: text as SQLite gives it, booleans, JSON and other modes by
 * the column's own mapper (as drizzle reads them). The builder is compiled to one object
 * literal per table (field names are our schema's, quoted by `JSON.stringify`), because a loop
 * storing computed keys runs several times slower over the tens of thousands of weekly rows a
 * municipality has.
 */
function generic(fields: readonly string[], cols: SQLiteColumn[]): Reader['build'] {
  const mappers = cols.map((c) => (c.columnType === 'SQLiteText' ? null : (v: unknown) => c.mapFromDriverValue(v)))
  const props = fields.map((f, i) => {
    const v = `r[${i + 1}]`
    return `${JSON.stringify(f)}: ${v} === null || ${v} === undefined ? null : ${mappers[i] ? `m[${i}](${v})` : v}`
  })
  const compiled = new Function('m', `return (r) => ({ ${props.join(', ')} })`) as (m: typeof mappers) => Reader['build']
  return compiled(mappers)
}

export const ownedReaders = Object.fromEntries(
  readEntities.map((e) => {
    const { table, personId, key } = ownedTables[e]
    const base = e in BASE ? BASE[e as BaseEntity] : null
    return [e, reader(table, personId, key, base?.fields ?? entityFields(e), `"${ownedTables[e].deleted.name}" = 0`, base?.build)]
  }),
) as Record<PersonOwnedEntity, Reader>

/** The rule fields of one live person (any scope: a save judges the person it names). */
const SNAPSHOT_PERSON_FIELDS = ['id', 'birthDate', 'arrivalDate', 'followUpMunicipality', 'followUpDistrict', 'receptionCentre'] as const
const personByIdReader = reader(t.persons, t.persons.id, null, SNAPSHOT_PERSON_FIELDS, '"deleted" = 0 AND "id" = ?')

type Statement = { all(...params: unknown[]): Row[] }

/**
 * One person's live rows that the rules read, as a partial bundle for `snapshotFromBase`, or
 * null when the person is not in the replica (or deleted). The save path's read: one prepared
 * statement per table per replica, rows as arrays — a save used to spend 40 % of its garbage
 * here (drizzle's row objects of every column of every row), and that garbage is what made the
 * slowest saves slow (minor GCs, `bench/push.ts`).
 */
export function readPersonBundle(replica: Replica, personId: string): PersonBundle | null {
  const personStmt = preparedOnce(replica, 'snapshot:person', () => replica.sqlite.prepare(personByIdReader.sql.replace('%IN%', '')).raw() as unknown as Statement)
  const personRow = personStmt.all(personId)[0]
  if (!personRow) return null
  const bundle = emptyBundle(personByIdReader.build(personRow) as PersonBundle['person'])
  for (const e of readEntities) {
    const r = ownedReaders[e]
    const stmt = preparedOnce(replica, `snapshot:${e}`, () => replica.sqlite.prepare(r.sql.replace('%IN%', ` AND "${r.personColumn}" = ?`)).raw() as unknown as Statement)
    const list = (bundle as unknown as Record<string, unknown[]>)[entities[e].bundleKey]
    for (const row of stmt.all(personId)) list.push(r.build(row))
  }
  return bundle
}
