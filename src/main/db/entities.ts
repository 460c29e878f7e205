import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { EntityName, PersonOwnedEntity } from '../../shared/sync'
import * as t from './schema'

/** Where each synced entity of the wire protocol lives in the replica, and its key column. */
export const entityTables: Record<EntityName, { table: SQLiteTable; key: SQLiteColumn }> = {
  person: { table: t.persons, key: t.persons.id },
  permit: { table: t.permits, key: t.permits.id },
  address: { table: t.addresses, key: t.addresses.id },
  citizenship: { table: t.citizenships, key: t.citizenships.id },
  settlement: { table: t.settlements, key: t.settlements.id },
  testResult: { table: t.testResults, key: t.testResults.id },
  grant: { table: t.grants, key: t.grants.id },
  codeList: { table: t.codeLists, key: t.codeLists.id },
  municipality: { table: t.municipalities, key: t.municipalities.code },
  district: { table: t.districts, key: t.districts.code },
}

/** Person-owned tables with their `personId` column (rows leave with the person). */
export const ownedTables: Record<PersonOwnedEntity, { table: SQLiteTable; personId: SQLiteColumn }> = {
  permit: { table: t.permits, personId: t.permits.personId },
  address: { table: t.addresses, personId: t.addresses.personId },
  citizenship: { table: t.citizenships, personId: t.citizenships.personId },
  settlement: { table: t.settlements, personId: t.settlements.personId },
  testResult: { table: t.testResults, personId: t.testResults.personId },
  grant: { table: t.grants, personId: t.grants.personId },
}

const bookkeeping = new Set(['serverVersion', 'deleted', 'cachedReadOnly'])

/** A replica row as its domain object: the sync bookkeeping columns removed. */
export function toDomain<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) if (!bookkeeping.has(k)) out[k] = v
  return out as T
}
