import { getTableColumns, getTableName } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { DriftedEntities, EntityName, PersonOwnedEntity, ReferenceEntity } from '../../shared/sync'
import { entities, entityFields, entityNames, personOwnedEntities, referenceEntities } from '../../shared/sync'
import * as s from './schema'

/**
 * Where each synced entity lives in the register: one line per entity. Key column, person
 * column and field list are derived from this record and the shared registry
 * (`shared/sync/entities.ts`).
 */
export const registerTables = {
  person: s.persons,
  permit: s.permits,
  address: s.addresses,
  citizenship: s.citizenships,
  settlement: s.settlements,
  testResult: s.testResults,
  grant: s.grants,
  contact: s.contacts,
  claim: s.claims,
  decision: s.decisions,
  weeklyParticipation: s.weeklyParticipation,
  languageTrack: s.languageTracks,
  asylnorskParticipation: s.asylnorskParticipation,
  measure: s.measures,
  replacement: s.replacements,
  absence: s.absences,
  holiday: s.holidays,
  parentalLeaveAbsence: s.parentalLeaveAbsences,
  ending: s.endings,
  int2021Registration: s.int2021Registrations,
  certificateIssue: s.certificateIssues,
  codeList: s.codeLists,
  municipality: s.municipalities,
  district: s.districts,
  asylnorskOffer: s.asylnorskOffers,
} satisfies Record<EntityName, PgTable>

/** Sync bookkeeping columns of register tables (A4); everything else is a domain field. */
export type RegisterBookkeeping = 'version' | 'seq' | 'deleted'
type RegisterRows = { [E in EntityName]: (typeof registerTables)[E]['$inferSelect'] }
type Drifted = DriftedEntities<RegisterRows, RegisterBookkeeping>
/**
 * Compile-time check: every register table minus its bookkeeping columns is exactly the
 * domain type of its entity. A drifting table makes this line fail `tsc` with the entity's name.
 */
export const registerRowsMatchDomain: [Drifted] extends [never] ? true : { drifted: Drifted } = true

/** How one synced entity is stored: its table, key column and the domain fields of a row. */
export interface EntityStore<E extends EntityName = EntityName> {
  entity: E
  table: PgTable & { seq: PgColumn; deleted: PgColumn; version: PgColumn }
  key: PgColumn
  /** Key property on the row (`id`, or `code` for municipalities and districts). */
  keyField: 'id' | 'code'
  /** The row belongs to a person (has `personId`) and follows the person's scope. */
  personOwned: boolean
  /** The `personId` column of a person-owned entity. */
  personId: PgColumn | null
  /** Domain field names, in schema order: what travels in `Change.data`. */
  fields: readonly string[]
}

function column(table: PgTable, name: string): PgColumn {
  const col = getTableColumns(table)[name]
  if (!col) throw new Error(`register table ${getTableName(table)} has no column ${name}`)
  return col
}

function store<E extends EntityName>(entity: E): EntityStore<E> {
  const table = registerTables[entity] as unknown as EntityStore['table']
  const { key: keyField, personOwned } = entities[entity]
  return {
    entity,
    table,
    key: column(table, keyField),
    keyField,
    personOwned,
    personId: personOwned ? column(table, 'personId') : null,
    fields: entityFields(entity),
  }
}

/** Every synced entity in registry order (the person before their rows). */
export const entityStores = Object.fromEntries(entityNames.map((e) => [e, store(e)])) as unknown as { [E in EntityName]: EntityStore<E> }

/** A person-owned store with its `personId` column. */
export type OwnedStore = EntityStore<PersonOwnedEntity> & { personId: PgColumn }
export const personOwnedStores: readonly OwnedStore[] = personOwnedEntities.map((e) => entityStores[e] as OwnedStore)
export const referenceStores: readonly EntityStore<ReferenceEntity>[] = referenceEntities.map((e) => entityStores[e])

/** Stable JSON for equality of domain rows (object keys sorted, so jsonb key order does not matter). */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v ?? null)
}
