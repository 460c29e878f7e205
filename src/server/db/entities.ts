import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { EntityName } from '../../shared/sync'
import { entitySchemas } from '../../shared/sync'
import * as s from './schema'

/** How one synced entity is stored: its table, key column and the domain fields of a row. */
export interface EntityStore {
  entity: EntityName
  table: PgTable & { seq: PgColumn; deleted: PgColumn; version: PgColumn }
  key: PgColumn
  /** Key property on the row (`id`, or `code` for municipalities and districts). */
  keyField: 'id' | 'code'
  /** The row belongs to a person (has `personId`) and follows the person's scope. */
  personOwned: boolean
  /** Domain field names, in schema order: what travels in `Change.data`. */
  fields: string[]
}

function store(entity: EntityName, table: EntityStore['table'], key: PgColumn, personOwned: boolean): EntityStore {
  const keyField = entity === 'municipality' || entity === 'district' ? 'code' : 'id'
  return { entity, table, key, keyField, personOwned, fields: Object.keys(entitySchemas[entity].shape) }
}

/** Every synced entity; person first so that a change set applies the person before their rows. */
export const entityStores: Record<EntityName, EntityStore> = {
  person: store('person', s.persons, s.persons.id, false),
  permit: store('permit', s.permits, s.permits.id, true),
  address: store('address', s.addresses, s.addresses.id, true),
  citizenship: store('citizenship', s.citizenships, s.citizenships.id, true),
  settlement: store('settlement', s.settlements, s.settlements.id, true),
  testResult: store('testResult', s.testResults, s.testResults.id, true),
  grant: store('grant', s.grants, s.grants.id, true),
  codeList: store('codeList', s.codeLists, s.codeLists.id, false),
  municipality: store('municipality', s.municipalities, s.municipalities.code, false),
  district: store('district', s.districts, s.districts.code, false),
}

export const personOwnedStores = Object.values(entityStores).filter((e) => e.personOwned)
export const referenceStores = [entityStores.codeList, entityStores.municipality, entityStores.district]

/** A stored row reduced to its domain fields (no version/seq/deleted). */
export function toDomain(st: EntityStore, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of st.fields) out[f] = row[f] ?? null
  return out
}

/** Stable JSON for equality of domain rows (object keys sorted, so jsonb key order does not matter). */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(v ?? null)
}
