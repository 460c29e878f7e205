import { and, eq, inArray } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import { entityNames, toDomain } from '../../shared/sync'
import { entityStores } from '../db/entities'
import { persons } from '../db/schema'
import type { RegisterDb } from '../db/types'

/**
 * The server's projection of a scope, for tests to compare a replica against (A9): every live
 * row of every live person whose follow-up municipality (and district, when given) matches,
 * plus all live code lists, municipalities and districts. Written as plain queries on
 * purpose, independent of the pull code it checks. Rows are domain rows sorted by key.
 */
export async function projectScope(db: RegisterDb, municipality: string, district?: string | null): Promise<Record<EntityName, Record<string, unknown>[]>> {
  const out = {} as Record<EntityName, Record<string, unknown>[]>
  const place = and(eq(persons.followUpMunicipality, municipality), district ? eq(persons.followUpDistrict, district) : undefined, eq(persons.deleted, false))
  const ids = (await db.select({ id: persons.id }).from(persons).where(place)).map((r) => r.id)
  for (const entity of entityNames) {
    const st = entityStores[entity]
    let rows: Record<string, unknown>[]
    const col = entity === 'person' ? persons.id : st.personId
    if (col) {
      rows = ids.length
        ? await db
            .select()
            .from(st.table)
            .where(and(inArray(col, ids), eq(st.table.deleted, false)))
        : []
    } else {
      rows = await db.select().from(st.table).where(eq(st.table.deleted, false))
    }
    out[entity] = rows.map((r) => toDomain(entity, r) as Record<string, unknown>).sort((a, b) => (String(a[st.keyField]) < String(b[st.keyField]) ? -1 : 1))
  }
  return out
}
