import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import { entityTables } from './entities'
import type { Replica } from './open'
import { preparedOnce } from './prepared'

/**
 * Inserts or updates one row of an entity's replica table with the columns `row` names (the
 * others, such as the server version, keep what they hold): one statement prepared per entity
 * and column set. Values go through the columns' own mappers, as a drizzle insert would.
 *
 * Why not a drizzle insert: it builds its SQL and prepares a new native statement on every
 * call. A device save (`services/mutating.ts`) and a pull (`sync/apply.ts`, one call per row:
 * ~1 million rows in a 20,000-person first sync) spent more time preparing than writing
 * (issue 12.4b).
 */
export function upsertRow(replica: Replica, entity: EntityName, row: Record<string, unknown>): void {
  const { table, key } = entityTables[entity]
  const columns = getTableColumns(table) as Record<string, Column>
  // Like a drizzle insert: undefined values and keys that are no column of the table are left out.
  const fields = Object.keys(row)
    .filter((f) => row[f] !== undefined && Object.hasOwn(columns, f))
    .sort()
  const statement = preparedOnce(replica, `effect.upsert:${entity}:${fields.join(',')}`, () => {
    const names = fields.map((f) => `"${columns[f].name}"`)
    const updates = names.filter((n) => n !== `"${key.name}"`).map((n) => `${n} = excluded.${n}`)
    return replica.sqlite.prepare(
      `INSERT INTO "${getTableName(table)}" (${names.join(', ')}) VALUES (${fields.map(() => '?').join(', ')}) ON CONFLICT ("${key.name}") DO UPDATE SET ${updates.join(', ')}`,
    )
  })
  statement.run(fields.map((f) => (row[f] === null ? null : columns[f].mapToDriverValue(row[f]))))
}
