import type { Replica, ReplicaDb } from './open'

/**
 * Statements prepared once per open replica, under a name.
 *
 * Why: a drizzle query builder builds its SQL and better-sqlite3 prepares a new native
 * statement on every call. On the save path (a dozen queries per save) that cost more than
 * running the queries, and every discarded statement is a weakly held native object that each
 * minor GC must visit: the slowest 1 % of saves were those GC pauses (`bench/push.ts`,
 * `device.saveWeek.p99`). A prepared drizzle query runs inside `db.transaction` too: it is the
 * same connection.
 */
const prepared = new WeakMap<Replica, Map<string, unknown>>()

export function preparedOnce<T>(replica: Replica, name: string, build: (db: ReplicaDb) => T): T {
  let byName = prepared.get(replica)
  if (!byName) prepared.set(replica, (byName = new Map()))
  let statement = byName.get(name) as T | undefined
  if (statement === undefined) {
    statement = build(replica.db)
    byName.set(name, statement)
  }
  return statement
}
