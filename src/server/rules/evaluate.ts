import { and, eq, inArray, lte, sql } from 'drizzle-orm'
import type { CodeListEntry, Command } from '../../shared/domain'
import {
  checkCommand,
  commandSpecs,
  evaluatePerson,
  evaluationAt,
  RULES_VERSION,
  snapshotFromBase,
  statusChangesOn,
  storedEvaluation,
  type CheckContext,
  type CheckResult,
  type Evaluation,
} from '../../shared/rules'
import type { PersonBundle } from '../../shared/sync'
import { personEvaluations, persons } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { takeChangeLock } from '../sync/change-lock'
import { loadServerBundles, ruleCodeLists, serverSnapshot } from './snapshot'

/** Persons per batch: keeps `IN (…)` lists and the upsert statement a sensible size. */
const CHUNK = 500

/**
 * A6: recomputes the stored categories, statuses and deadlines of `personIds` as of `today`
 * (the Oslo calendar date), with the current `RULES_VERSION`. Call inside the transaction
 * that changed their rows, so a report never sees new base data with an old result.
 * Persons no longer live lose their row (reports cover live persons only).
 * Returns the number of persons evaluated.
 */
export async function recomputeEvaluations(tx: RegisterDb, personIds: readonly string[], today: string): Promise<number> {
  const ids = [...new Set(personIds)]
  if (ids.length === 0) return 0
  const codeLists = await ruleCodeLists(tx)
  let evaluated = 0
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const bundles = await loadServerBundles(tx, chunk)
    const gone = chunk.filter((id) => !bundles.has(id))
    if (gone.length) await tx.delete(personEvaluations).where(inArray(personEvaluations.personId, gone))
    evaluated += await storeEvaluations(tx, [...bundles.values()], codeLists, today)
  }
  return evaluated
}

/**
 * Evaluates live persons' bundles as of `today` and stores the results in one statement: the
 * second half of `recomputeEvaluations`, for a caller that already holds the current bundles
 * (the push batch keeps them in memory, `PushBatchState`). Returns the number stored.
 */
export async function storeEvaluations(tx: RegisterDb, bundles: readonly PersonBundle[], codeLists: readonly CodeListEntry[], today: string): Promise<number> {
  if (bundles.length === 0) return 0
  const values = bundles.map((b) => {
    const snapshot = snapshotFromBase(b, codeLists)
    const evaluation = evaluatePerson(snapshot, today)
    // When a status turns by the date alone (a start, a leave, an ending): the row is due then.
    return {
      personId: b.person.id,
      rulesVersion: RULES_VERSION,
      evaluatedOn: today,
      result: storedEvaluation(evaluation),
      statusChangesOn: statusChangesOn(snapshot, today, evaluation),
    }
  })
  await tx
    .insert(personEvaluations)
    .values(values)
    .onConflictDoUpdate({
      target: personEvaluations.personId,
      set: {
        rulesVersion: sql`excluded.rules_version`,
        evaluatedOn: sql`excluded.evaluated_on`,
        result: sql`excluded.result`,
        statusChangesOn: sql`excluded.status_changes_on`,
        computedAt: sql`now()`,
      },
    })
  return values.length
}

/**
 * The stored evaluations of `personIds` as read on `today` (issue 8 point 6): days left and
 * overdue are derived from the stored dates and `today`, so a result stored yesterday reads
 * true today; a stored status whose day of change has come (`statusChangesOn <= today`) is
 * re-evaluated and stored first (`refreshDueEvaluations`). A row of an older `RULES_VERSION` (its shape may differ) is evaluated afresh
 * from the base data instead. Persons without a row (not live) are absent from the map.
 */
export async function readEvaluations(db: RegisterDb, personIds: readonly string[], today: string): Promise<Map<string, Evaluation>> {
  await refreshDueEvaluations(db, today, personIds)
  const out = new Map<string, Evaluation>()
  const stale: string[] = []
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(personEvaluations)
      .where(inArray(personEvaluations.personId, personIds.slice(i, i + CHUNK)))
    for (const r of rows) {
      if (r.rulesVersion === RULES_VERSION) out.set(r.personId, evaluationAt(r.result, today))
      else stale.push(r.personId)
    }
  }
  if (stale.length) {
    const codeLists = await ruleCodeLists(db)
    const bundles = await loadServerBundles(db, stale)
    for (const b of bundles.values()) out.set(b.person.id, evaluatePerson(snapshotFromBase(b, codeLists), today))
  }
  return out
}

/**
 * Issue 8 point 6: statuses depend on the day (`vedtak_fatta` turns `deltar` when the start
 * comes, a leave begins and ends, an ending takes effect), so a stored status goes stale with
 * no write. Re-evaluates and stores, as of `today`, the persons whose stored `statusChangesOn`
 * has come — all of them, or those among `personIds` — found by one indexed query. Runs under
 * the change lock (as every write of evaluations does) only when some row is due, so a normal
 * read costs one query. Returns the number re-evaluated.
 */
export async function refreshDueEvaluations(db: RegisterDb, today: string, personIds?: readonly string[]): Promise<number> {
  const due = await dueAmong(db, today, personIds)
  if (due.length === 0) return 0
  return db.transaction(async (tx) => {
    await takeChangeLock(tx)
    // A read or a push may have refreshed some of them while this one waited for the lock.
    return recomputeEvaluations(tx, await dueAmong(tx, today, due), today)
  })
}

/** Persons whose stored statuses change on or before `today`: all of them, or those among `personIds`. */
async function dueAmong(db: RegisterDb, today: string, personIds?: readonly string[]): Promise<string[]> {
  const due = lte(personEvaluations.statusChangesOn, today)
  const select = () => db.select({ id: personEvaluations.personId }).from(personEvaluations)
  if (personIds === undefined) return (await select().where(due)).map((r) => r.id)
  const out: string[] = []
  for (let i = 0; i < personIds.length; i += CHUNK) {
    out.push(...(await select().where(and(due, inArray(personEvaluations.personId, personIds.slice(i, i + CHUNK))))).map((r) => r.id))
  }
  return out
}

/** Ids of every live person. */
export async function livePersonIds(db: RegisterDb): Promise<string[]> {
  const rows = await db.select({ id: persons.id }).from(persons).where(eq(persons.deleted, false))
  return rows.map((r) => r.id)
}

/**
 * Recomputes every live person as of `today` in one transaction (`npm run server -- recompute`,
 * after a new rules version; stored deadlines are dates, so days left need no refresh). Takes the change lock so an import
 * running meanwhile cannot have its fresher results overwritten by ones read before it.
 */
export async function recomputeAll(db: RegisterDb, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    await takeChangeLock(tx)
    return recomputeEvaluations(tx, await livePersonIds(tx), today)
  })
}

/** The person a command is about; null for a command on the municipality (`asylnorsk.registerOffer`) or a malformed one. */
export function commandPersonId(command: Command): string | null {
  const id = (command as { payload?: { personId?: unknown } }).payload?.personId
  // `?.`: the command is not parsed yet here, and an unknown type names no person.
  return commandSpecs[command.type]?.permission !== 'person' || typeof id !== 'string' ? null : id
}

/**
 * A4 step 3 / A9: `checkCommand` on the register's own state — the person's snapshot from
 * PostgreSQL. The device runs the same check on its replica (`checkOnDevice`).
 */
export async function checkOnServer(db: RegisterDb, command: Command, context: CheckContext): Promise<CheckResult> {
  const personId = commandPersonId(command)
  const snapshot = personId === null ? null : await serverSnapshot(db, personId)
  return checkCommand(command, snapshot, context)
}
