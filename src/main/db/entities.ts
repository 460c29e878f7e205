import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { DriftedEntities, EntityData, EntityName, PersonOwnedEntity } from '../../shared/sync'
import { entities, entityNames, personOwnedEntities, toDomain as domainOf } from '../../shared/sync'
import * as t from './schema'

/**
 * Where each synced entity lives in the replica: one line per entity. Everything else the
 * device needs about a table (key column, person column, bundle loading, pull apply) is
 * derived from this record and the shared registry (`shared/sync/entities.ts`).
 */
export const replicaTables = {
  person: t.persons,
  permit: t.permits,
  address: t.addresses,
  citizenship: t.citizenships,
  settlement: t.settlements,
  testResult: t.testResults,
  grant: t.grants,
  contact: t.contacts,
  claim: t.claims,
  decision: t.decisions,
  weeklyParticipation: t.weeklyParticipation,
  languageTrack: t.languageTracks,
  asylnorskParticipation: t.asylnorskParticipation,
  measure: t.measures,
  replacement: t.replacements,
  absence: t.absences,
  holiday: t.holidays,
  parentalLeaveAbsence: t.parentalLeaveAbsences,
  ending: t.endings,
  int2021Registration: t.int2021Registrations,
  certificateIssue: t.certificateIssues,
  codeList: t.codeLists,
  municipality: t.municipalities,
  district: t.districts,
  asylnorskOffer: t.asylnorskOffers,
} satisfies Record<EntityName, SQLiteTable>

/** Sync bookkeeping columns of replica tables (A3); everything else is a domain field. */
export type ReplicaBookkeeping = 'serverVersion' | 'deleted' | 'cachedReadOnly' | 'keptAfterScopeExit'
type ReplicaRows = { [E in EntityName]: (typeof replicaTables)[E]['$inferSelect'] }
type Drifted = DriftedEntities<ReplicaRows, ReplicaBookkeeping>
/**
 * Compile-time check: every replica table minus its bookkeeping columns is exactly the domain
 * type of its entity. A drifting table makes this line fail `tsc` with the entity's name.
 */
export const replicaRowsMatchDomain: [Drifted] extends [never] ? true : { drifted: Drifted } = true

function column(table: SQLiteTable, name: string): SQLiteColumn {
  const col = getTableColumns(table)[name]
  if (!col) throw new Error(`replica table ${getTableName(table)} has no column ${name}`)
  return col
}

/** Each synced entity's table, key column (`id`, or `code` for municipalities and districts) and bookkeeping columns. */
export const entityTables = Object.fromEntries(
  entityNames.map((e) => {
    const table = replicaTables[e]
    return [e, { table, key: column(table, entities[e].key), deleted: column(table, 'deleted'), serverVersion: column(table, 'serverVersion') }]
  }),
) as unknown as Record<EntityName, EntityTable>

interface EntityTable {
  table: SQLiteTable
  key: SQLiteColumn
  deleted: SQLiteColumn
  serverVersion: SQLiteColumn
}

/** Person-owned tables with their `personId` column (rows leave with the person). */
export const ownedTables = Object.fromEntries(personOwnedEntities.map((e) => [e, { ...entityTables[e], personId: column(replicaTables[e], 'personId') }])) as unknown as Record<
  PersonOwnedEntity,
  EntityTable & { personId: SQLiteColumn }
>

/**
 * A replica row as its domain object: exactly the fields of the entity's schema (the shared
 * allow-list the register uses too).
 */
export function toDomain<E extends EntityName>(entity: E, row: object): EntityData<E>
/**
 * @deprecated Pass the entity: `toDomain('codeList', row)` copies exactly the schema's
 * fields. This form only strips the known bookkeeping columns, so a new one would leak.
 */
export function toDomain<T>(row: Record<string, unknown>): T
export function toDomain(a: EntityName | Record<string, unknown>, row?: object): unknown {
  if (typeof a === 'string') return domainOf(a, row!)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(a)) if (!legacyBookkeeping.has(k)) out[k] = v
  return out
}
const legacyBookkeeping = new Set<string>(['serverVersion', 'deleted', 'cachedReadOnly', 'keptAfterScopeExit'] satisfies ReplicaBookkeeping[])
