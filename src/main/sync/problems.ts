import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or, type SQL } from 'drizzle-orm'
import type { Reason, SyncProblem, SyncProblemRow } from '../../shared/api'
import type { CommandType } from '../../shared/domain'
import type { EntityName, MutationResult } from '../../shared/sync'
import type { Replica, ReplicaDb } from '../db/open'
import { preparedOnce } from '../db/prepared'
import { heldChanges, outbox, persons, type OutboxRow } from '../db/schema'

/**
 * Sync problems (A4 "After a rejection or conflict"): outbox rows the register refused
 * (`rejected`, incl. `dependency_rejected`) or met as a `conflict`, not yet resolved by the
 * caseworker. Reads only; resolutions are written by `services/sync.ts` and `mutating()`.
 */

/** Commands of the queue that are not the caseworker's registrations (never counted as "not sent"). */
export const bookkeepingCommands: string[] = ['audit.read', 'audit.scopeExitsConfirmed']

export const problemStates: ('rejected' | 'conflict')[] = ['rejected', 'conflict']
const unsentStates: ('pending' | 'sent')[] = ['pending', 'sent']

/** Open problem rows, oldest first. */
export function openProblemRows(db: ReplicaDb, personId?: string): OutboxRow[] {
  return db.select().from(outbox).where(openProblemCondition(personId)).orderBy(asc(outbox.seq)).all()
}

/** Refused or conflicting rows the caseworker has not resolved (of one person, if given). */
export function openProblemCondition(personId?: string): SQL {
  return and(inArray(outbox.state, problemStates), isNull(outbox.resolution), personId === undefined ? undefined : eq(outbox.personId, personId))!
}

/** Unsent caseworker commands (audit reads excluded), oldest first. */
export function unsentRows(db: ReplicaDb, personId?: string): OutboxRow[] {
  return db.select().from(outbox).where(unsentCondition(personId)).orderBy(asc(outbox.seq)).all()
}

/** Unsent caseworker commands, audit reads excluded (of one person, if given). */
export function unsentCondition(personId?: string): SQL {
  return and(inArray(outbox.state, unsentStates), notInArray(outbox.command, bookkeepingCommands), personId === undefined ? undefined : eq(outbox.personId, personId))!
}

/**
 * Records the caseworker's resolution of an open problem row (`keepRegister`, `overwritten`,
 * `resubmitted`). Bookkeeping on the outbox only: no synced row changes, nothing is queued.
 */
export function resolveProblem(db: ReplicaDb, mutationId: string, resolution: 'keepRegister' | 'overwritten' | 'resubmitted'): void {
  db.update(outbox)
    .set({ resolution })
    .where(and(eq(outbox.id, mutationId), inArray(outbox.state, problemStates), isNull(outbox.resolution)))
    .run()
}

export function findOpenProblem(db: ReplicaDb, mutationId: string): OutboxRow | undefined {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, mutationId), inArray(outbox.state, problemStates), isNull(outbox.resolution)))
    .get()
}

/** The outbox row's stored register response, when it has one. */
function responseOf(r: OutboxRow): MutationResult | null {
  return r.lastResponse ? (JSON.parse(r.lastResponse) as MutationResult) : null
}

function refsOf(r: OutboxRow): { entity: EntityName; id: string }[] {
  return JSON.parse(r.entityRefs) as { entity: EntityName; id: string }[]
}

/**
 * The rows as the caseworker started from (`base_rows`, written by `mutating()`); for rows
 * saved before that column existed: the refs with their base versions and no row.
 */
function baseOf(r: OutboxRow): SyncProblemRow[] {
  if (r.baseRows) return JSON.parse(r.baseRows) as SyncProblemRow[]
  const versions = JSON.parse(r.baseVersions) as Record<string, number | null>
  return refsOf(r).map((ref) => ({ entity: ref.entity, id: ref.id, version: versions[`${ref.entity}:${ref.id}`] ?? null, row: null }))
}

/** The register's rows at its verdict: the conflict's rows, or (since 0007) a rejection's rows. */
function registerOf(res: MutationResult | null): SyncProblemRow[] {
  const rows = res?.conflict?.rows ?? res?.rows ?? []
  return rows.map((x) => ({ entity: x.entity as EntityName, id: x.id, version: x.version, row: x.row }))
}

export function toProblem(db: ReplicaDb, r: OutboxRow): SyncProblem {
  const res = responseOf(r)
  const person = r.personId ? db.select({ first: persons.firstName, last: persons.lastName }).from(persons).where(eq(persons.id, r.personId)).get() : undefined
  const verdict: SyncProblem['verdict'] = r.state === 'conflict' ? 'conflict' : res?.verdict === 'dependency_rejected' ? 'dependency_rejected' : 'rejected'
  return {
    mutationId: r.id,
    seq: r.seq,
    command: r.command as CommandType,
    personId: r.personId,
    personName: person ? `${person.first} ${person.last}` : null,
    verdict,
    conflictKind: res?.conflict?.kind ?? null,
    payload: JSON.parse(r.payload) as unknown,
    reasons: r.reasons ? (JSON.parse(r.reasons) as Reason[]) : [],
    register: registerOf(res),
    base: baseOf(r),
    causeMutationId: verdict === 'dependency_rejected' ? r.dependsOn : null,
    recordedAt: r.recordedAt,
    decidedAt: r.decidedAt,
  }
}

export function listProblems(replica: Replica): SyncProblem[] {
  return openProblemRows(replica.db).map((r) => toProblem(replica.db, r))
}

/**
 * Per-row marks of one person (`PersonView.syncMarks`): every ref of an unsent command is
 * `pending`, every ref of an open problem `problem` (a problem outweighs pending work).
 */
export function syncMarksOf(db: ReplicaDb, personId: string): Record<string, 'pending' | 'problem'> {
  const marks: Record<string, 'pending' | 'problem'> = {}
  for (const r of unsentRows(db, personId)) for (const ref of refsOf(r)) marks[`${ref.entity}:${ref.id}`] = 'pending'
  for (const r of openProblemRows(db, personId)) for (const ref of refsOf(r)) marks[`${ref.entity}:${ref.id}`] = 'problem'
  return marks
}

/** A4 "warn before pushing": rows of `marks` with an unsent edit that the register changed meanwhile. */
export function registerChangedOf(db: ReplicaDb, marks: Record<string, 'pending' | 'problem'>): string[] {
  return db
    .select({ key: heldChanges.key })
    .from(heldChanges)
    .all()
    .map((r) => r.key)
    .filter((k) => marks[k] === 'pending')
}

/**
 * One mark per person for the person lists: problem wins over pending. Every search builds
 * it, so it is one statement prepared once per replica reading two columns (issue 12.5: two
 * drizzle queries of whole outbox rows, built and prepared per call, were most of an id search).
 */
export function personMarks(replica: Replica): Map<string, 'pending' | 'problem'> {
  const query = preparedOnce(replica, 'problems.personMarks', (db) =>
    db
      .select({ personId: outbox.personId, state: outbox.state })
      .from(outbox)
      .where(and(isNotNull(outbox.personId), or(unsentCondition(), openProblemCondition())))
      .prepare(),
  )
  const out = new Map<string, 'pending' | 'problem'>()
  for (const r of query.all()) {
    if (!r.personId) continue
    if ((problemStates as string[]).includes(r.state)) out.set(r.personId, 'problem')
    else if (!out.has(r.personId)) out.set(r.personId, 'pending')
  }
  return out
}

/** Whether a person still has work that keeps them on the device after a scope exit (A4). */
export function hasOpenWork(db: ReplicaDb, personId: string): boolean {
  return unsentRows(db, personId).length > 0 || openProblemRows(db, personId).length > 0
}
