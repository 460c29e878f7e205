import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import { entityTables } from './entities'
import type { Replica } from './open'
import { preparedOnce } from './prepared'

/** One shape of row an entity is written with: its keys as given, and the statement for them. */
interface Shape {
  /** `Object.keys` of the rows of this shape, in their order. */
  keys: string[]
  /** The keys that are columns of the table, sorted: the statement's parameters in order. */
  fields: string[]
  columns: Column[]
  statement: Database.Statement
}

const shapes = new WeakMap<Replica, Map<EntityName, Shape[]>>()

/**
 * Inserts or updates one row of an entity's replica table with the columns `row` names (the
 * others, such as the server version, keep what they hold): one statement prepared per entity
 * and column set. Values go through the columns' own mappers, as a drizzle insert would.
 *
 * Why not a drizzle insert: it builds its SQL and prepares a new native statement on every
 * call. A device save (`services/mutating.ts`) and a pull (`sync/apply.ts`, one call per row:
 * ~1 million rows in a 20,000-person first sync) spent more time preparing than writing
 * (issue 12.4b). The rows of one entity come with the same keys in the same order (a schema's
 * parse), so the column set is found by comparing the keys with the shapes seen before rather
 * than filtering, sorting and joining them again for every row (issue 12.5).
 */
export function upsertRow(replica: Replica, entity: EntityName, row: Record<string, unknown>): void {
  const keys = Object.keys(row)
  const shape = shapeOf(replica, entity, keys)
  const values: unknown[] = new Array(shape.fields.length)
  for (let i = 0; i < shape.fields.length; i++) {
    const value = row[shape.fields[i]]
    // Like a drizzle insert, an undefined value leaves its column out: another column set.
    if (value === undefined) return upsertWithout(replica, entity, row)
    values[i] = value === null ? null : shape.columns[i].mapToDriverValue(value)
  }
  shape.statement.run(values)
}

function shapeOf(replica: Replica, entity: EntityName, keys: string[]): Shape {
  let byEntity = shapes.get(replica)
  if (!byEntity) shapes.set(replica, (byEntity = new Map()))
  let known = byEntity.get(entity)
  if (!known) byEntity.set(entity, (known = []))
  for (const shape of known) if (sameKeys(shape.keys, keys)) return shape
  const shape = newShape(replica, entity, keys)
  known.push(shape)
  return shape
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function newShape(replica: Replica, entity: EntityName, keys: string[]): Shape {
  const { table } = entityTables[entity]
  const columns = getTableColumns(table) as Record<string, Column>
  // Keys that are no column of the table are left out, as a drizzle insert does.
  const fields = keys.filter((f) => Object.hasOwn(columns, f)).sort()
  return { keys, fields, columns: fields.map((f) => columns[f]), statement: statementFor(replica, entity, fields) }
}

/** A row with undefined values: written with the columns it does give. */
function upsertWithout(replica: Replica, entity: EntityName, row: Record<string, unknown>): void {
  const columns = getTableColumns(entityTables[entity].table) as Record<string, Column>
  const fields = Object.keys(row)
    .filter((f) => row[f] !== undefined && Object.hasOwn(columns, f))
    .sort()
  statementFor(replica, entity, fields).run(fields.map((f) => (row[f] === null ? null : columns[f].mapToDriverValue(row[f]))))
}

/** The upsert of these (sorted) columns, prepared once per replica. */
function statementFor(replica: Replica, entity: EntityName, fields: string[]): Database.Statement {
  const { table, key } = entityTables[entity]
  const columns = getTableColumns(table) as Record<string, Column>
  return preparedOnce(replica, `effect.upsert:${entity}:${fields.join(',')}`, () => {
    const names = fields.map((f) => `"${columns[f].name}"`)
    const updates = names.filter((n) => n !== `"${key.name}"`).map((n) => `${n} = excluded.${n}`)
    return replica.sqlite.prepare(
      `INSERT INTO "${getTableName(table)}" (${names.join(', ')}) VALUES (${fields.map(() => '?').join(', ')}) ON CONFLICT ("${key.name}") DO UPDATE SET ${updates.join(', ')}`,
    )
  })
}
