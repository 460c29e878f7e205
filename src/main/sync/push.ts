import type { Statement } from 'better-sqlite3'
import { and, asc, eq, getTableName, inArray, isNotNull, like } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { EntityName, MutationResult, PushMutation, Verdict } from '../../shared/sync'
import { entitySchemas, PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../shared/sync'
import { entityTables } from '../db/entities'
import type { Replica, ReplicaDb } from '../db/open'
import { outbox, type OutboxRow, type OutboxState } from '../db/schema'
import { readSyncState } from '../db/state'
import { HttpError, NetworkError, type RegisterClient } from './register-client'

/** A request's outbox text (payloads, base versions) at most: half the register's body limit leaves room for the rest of each row. */
const BATCH_BYTES = PUSH_MAX_BYTES / 2
/** A4 retry timer: 5 s doubling up to 5 min, ±20 % jitter so devices back on line do not return in step. */
const BACKOFF_MIN_MS = 5_000
const BACKOFF_MAX_MS = 300_000

export interface PushDeps {
  replica: Replica
  client: RegisterClient
  token: string
  signal: AbortSignal
  now: () => Date
  random?: () => number
}

/** How the device files each verdict; `dependency_rejected` is a rejection shown under its cause. */
const stateOf: Record<Verdict, OutboxState> = { applied: 'applied', rejected: 'rejected', conflict: 'conflict', dependency_rejected: 'rejected' }

/**
 * The push step of a sync cycle (A4): pending outbox rows in `seq` order, in batches, each
 * verdict recorded with the register's exact response in one replica transaction. A
 * transient failure (network, 5xx) sets the retry timer in the database with backoff and
 * jitter and is rethrown; a 401 is rethrown untouched, so the cycle stops and asks for the
 * password with nothing lost. Rows waiting for their timer hold back the ones after them, so
 * the register never sees a gap of this device's making.
 */
export async function pushPending(deps: PushDeps): Promise<{ sent: number }> {
  let sent = 0
  for (;;) {
    const rows = pendingRows(deps.replica)
    if (rows.length === 0) return { sent }
    const due = rows[0].nextAttemptAt === null || rows[0].nextAttemptAt <= deps.now().toISOString()
    if (!due) return { sent }
    const state = readSyncState(deps.replica)
    let response
    try {
      response = await deps.client.push(deps.token, { deviceId: state.deviceId, lastSyncAt: state.lastSyncAt, mutations: rows.map(toWire) }, deps.signal)
    } catch (err) {
      if (err instanceof NetworkError || (err instanceof HttpError && err.status >= 500)) recordRetry(deps, rows, err instanceof NetworkError ? 'network' : `http_${err.status}`)
      throw err
    }
    recordVerdicts(deps.replica, response.results, deps.now())
    sent += response.results.length
    // A9 (found by the sync simulation): an answer naming none of the rows sent leaves them all
    // pending, and the loop would send the same batch forever; stop the cycle instead.
    if (response.resendFrom === null && response.results.length > 0 && !response.results.some((r) => rows.some((row) => row.id === r.id))) {
      throw new Error('push: the register answered for none of the mutations sent')
    }
    if (response.resendFrom !== null && !rows.some((r) => r.seq === response.resendFrom)) {
      throw new Error(`push: the register asks to resend from seq ${response.resendFrom}, which this device no longer has pending`)
    }
    if (response.results.length === 0 && response.resendFrom === null) return { sent }
  }
}

/**
 * Clears the retry timers of pending rows, so the next cycle sends them at once. The backoff
 * spaces out attempts while the register fails; once it answers again (reconnect) or the
 * caseworker asks to sync now, waiting out a timer set during the outage helps no one (A4).
 */
export function retryNow(replica: Replica): void {
  replica.db
    .update(outbox)
    .set({ nextAttemptAt: null })
    .where(and(eq(outbox.state, 'pending'), isNotNull(outbox.nextAttemptAt)))
    .run()
}

/** The next request's rows: pending rows in `seq` order, up to `PUSH_MAX_MUTATIONS` and `BATCH_BYTES` (always at least one). */
function pendingRows(replica: Replica): OutboxRow[] {
  return fitRequest(replica.db.select().from(outbox).where(eq(outbox.state, 'pending')).orderBy(asc(outbox.seq)).limit(PUSH_MAX_MUTATIONS).all(), BATCH_BYTES)
}

/**
 * The leading rows whose payload and base-version text stay within `maxBytes` (counted in
 * characters: æøå take two bytes in UTF-8, one reason the request is filled to half the body
 * limit only); the first row always goes, so one large row is never stuck behind the limit.
 */
export function fitRequest<R extends Pick<OutboxRow, 'payload' | 'baseVersions'>>(rows: readonly R[], maxBytes: number): R[] {
  let bytes = 0
  for (let i = 0; i < rows.length; i++) {
    bytes += rows[i].payload.length + rows[i].baseVersions.length
    if (i > 0 && bytes > maxBytes) return rows.slice(0, i)
  }
  return [...rows]
}

function toWire(r: OutboxRow): PushMutation {
  return {
    id: r.id,
    seq: r.seq,
    command: r.command,
    payload: JSON.parse(r.payload) as unknown,
    contractVersion: r.contractVersion,
    rulesVersion: r.rulesVersion,
    naturalKey: r.naturalKey,
    baseVersions: JSON.parse(r.baseVersions) as Record<string, number | null>,
    dependsOn: r.dependsOn,
    recordedAt: r.recordedAt,
  }
}

function recordRetry(deps: PushDeps, rows: readonly OutboxRow[], kind: string): void {
  const attempts = rows[0].attempts + 1
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (attempts - 1))
  const delay = Math.round(base * (0.8 + 0.4 * (deps.random ?? Math.random)()))
  const nextAttemptAt = new Date(deps.now().getTime() + delay).toISOString()
  deps.replica.db
    .update(outbox)
    .set({ attempts, nextAttemptAt, lastErrorKind: kind })
    .where(
      inArray(
        outbox.id,
        rows.map((r) => r.id),
      ),
    )
    .run()
}

/**
 * Each verdict with its response, and the new server versions of applied rows, in one
 * transaction. The two per-row updates run as statements prepared once per replica: building
 * and preparing a drizzle UPDATE for each of 500 verdicts cost more than running them
 * (`bench/push.ts`, issue 7 point 10).
 */
function recordVerdicts(replica: Replica, results: readonly MutationResult[], now: Date): void {
  const st = statements(replica)
  const decidedAt = now.toISOString()
  replica.db.transaction((tx) => {
    for (const r of results) {
      st.verdict.run(stateOf[r.verdict], JSON.stringify(r.reasons), JSON.stringify(r), decidedAt, r.id)
      if (r.verdict === 'applied') setServerVersions(replica, r.versions)
      if (r.conflict) restoreRegisterRows(tx, r.conflict.rows)
      // A4: a rejected row returns to the register's state too — unless a later unsent edit
      // holds it (that edit's own verdict restores it, or it is applied on top).
      if (r.rows && r.verdict !== 'applied')
        restoreRegisterRows(
          tx,
          r.rows.filter((x) => !heldByUnsent(tx, x)),
        )
    }
  })
}

interface PushStatements {
  /** A pending outbox row gets its verdict (a row decided meanwhile, e.g. resolved, is left alone). */
  verdict: Statement<[OutboxState, string, string, string, string]>
  /** Per entity: a row now stands at the register's version. */
  serverVersion: Partial<Record<EntityName, Statement<[number, string]>>>
}

const preparedStatements = new WeakMap<Replica, PushStatements>()

function statements(replica: Replica): PushStatements {
  let st = preparedStatements.get(replica)
  if (!st) {
    const col = (c: SQLiteColumn) => `"${c.name}"`
    st = {
      verdict: replica.sqlite.prepare(
        `UPDATE "${getTableName(outbox)}" SET ${col(outbox.state)} = ?, ${col(outbox.reasons)} = ?, ${col(outbox.lastResponse)} = ?, ${col(outbox.decidedAt)} = ?, ${col(outbox.nextAttemptAt)} = NULL WHERE ${col(outbox.id)} = ? AND ${col(outbox.state)} = 'pending'`,
      ),
      serverVersion: {},
    }
    for (const [entity, t] of Object.entries(entityTables) as [EntityName, (typeof entityTables)[EntityName]][])
      st.serverVersion[entity] = replica.sqlite.prepare(`UPDATE "${getTableName(t.table)}" SET ${col(t.serverVersion)} = ? WHERE ${col(t.key)} = ?`)
    preparedStatements.set(replica, st)
  }
  return st
}

/**
 * A4 after a conflict: the affected rows return to the register's state (the pull skipped
 * them while the edit was pending); the caseworker's input stays in the outbox row.
 */
function restoreRegisterRows(tx: ReplicaDb, rows: NonNullable<MutationResult['conflict']>['rows']): void {
  for (const r of rows) {
    const t = entityTables[r.entity as EntityName]
    if (!t) continue
    if (r.row) {
      const row = { ...entitySchemas[r.entity as EntityName].parse(r.row), serverVersion: r.version, deleted: false }
      tx.insert(t.table)
        .values(row as never)
        .onConflictDoUpdate({ target: t.key, set: row as never })
        .run()
    } else {
      tx.update(t.table)
        .set({ deleted: true, serverVersion: r.version } as never)
        .where(eq(t.key, r.id))
        .run()
    }
  }
}

function heldByUnsent(tx: ReplicaDb, ref: { entity: string; id: string }): boolean {
  const needle = `%${JSON.stringify({ entity: ref.entity, id: ref.id })}%`
  return !!tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.state, ['pending', 'sent']), like(outbox.entityRefs, needle)))
    .get()
}

/** An applied edit's rows now stand at the register's versions: the next edit starts from them. */
function setServerVersions(replica: Replica, versions: Record<string, number>): void {
  const st = statements(replica).serverVersion
  for (const [key, version] of Object.entries(versions)) {
    const at = key.indexOf(':')
    st[key.slice(0, at) as EntityName]?.run(version, key.slice(at + 1))
  }
}
