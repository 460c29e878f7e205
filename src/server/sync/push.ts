import { and, eq, sql } from 'drizzle-orm'
import type { Person, Role } from '../../shared/domain'
import { auditCommandPayloadSchemas, type AuditCommandType } from '../../shared/domain'
import { effectRef, inScope, osloDateOfMs, refKey, type CheckContext } from '../../shared/rules'
import { referenceEntities, type EntityName, type MutationResult, type PushMutation, type PushRequest, type PushResponse } from '../../shared/sync'
import { entityStores } from '../db/entities'
import { mutations, pushDevices } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { takeChangeLock } from './change-lock'
import { PushBatchState } from './batch-state'
import { judgeMutation } from './judge-mutation'
import { PushWrites } from './writes'
import { scopeOf } from './scope'

/** Who pushes: the authenticated user and the device their token is bound to. */
export interface Pusher {
  id: string
  username: string
  municipality: string
  district: string | null
  roles: Role[]
  deviceId: string
}

/**
 * `POST /sync/push` (A4): the batch in `seq` order, committed once under the change lock, and
 * answered only after that commit, so the device never holds a verdict the register could
 * lose. A mutation id seen before, or a `seq` at or below the device's last, is answered from
 * storage; a gap stops the batch with `resendFrom`. A rejection or conflict still counts as
 * processed, so one bad mutation never jams the queue.
 *
 * Set-based, for 10,000 queued saves (`bench/push.ts`, issue 7 point 10): everything the
 * batch names is read once (`PushBatchState`), every mutation is judged in memory against the
 * state the earlier ones left, and the writes go out as a few multi-row statements per table
 * (`PushWrites`) — a constant number of round trips per request, not ~10 per mutation. If
 * that fails (an unexpected database error, or a bug while judging) nothing of it is kept and
 * the batch runs again one mutation at a time, each in a savepoint with its writes: that path
 * keeps the mutations before the failing one and fails the request (the device retries from
 * there), exactly as before.
 */
export async function push(db: RegisterDb, who: Pusher, req: PushRequest, now: Date, onFallback?: (error: unknown) => void): Promise<PushResponse> {
  try {
    return await pushBatch(db, who, req, now, 'together')
  } catch (error) {
    // Said, not swallowed: a fallback on every request would mean the fast path is broken.
    onFallback?.(error)
    return pushBatch(db, who, req, now, 'one by one')
  }
}

async function pushBatch(db: RegisterDb, who: Pusher, req: PushRequest, now: Date, mode: 'together' | 'one by one'): Promise<PushResponse> {
  const results: MutationResult[] = []
  let failure: { error: unknown } | null = null
  const resendFrom = await db.transaction(async (tx) => {
    // One lock for every writer of synced rows: seq order = commit order, and one device's pushes serialise.
    await takeChangeLock(tx)
    const state = new PushBatchState(tx)
    const sorted = [...req.mutations].sort((a, b) => a.seq - b.seq)
    await state.prefetch(sorted, who.deviceId)
    const seqs = { stored: state.deviceLastSeq, last: state.deviceLastSeq }
    // This request's fresh answers by seq: a repeated seq in one request is answered like one stored.
    const bySeq = new Map<number, MutationResult>()
    const writes = new PushWrites()
    let gap: number | null = null
    for (const m of sorted) {
      const step = async (sp: RegisterDb, w: PushWrites) => {
        const outcome = await pushOne(sp, who, req, m, now, state, w, seqs.last, bySeq)
        if ('reload' in outcome && outcome.reload) {
          // The batch wrote what memory cannot follow (an offer, another person's row): the database is made current and read again.
          await w.flush(sp)
          state.forget()
        }
        return outcome
      }
      let outcome: Awaited<ReturnType<typeof pushOne>>
      if (mode === 'together') outcome = await step(tx, writes)
      else {
        try {
          outcome = await tx.transaction(async (sp) => {
            const w = new PushWrites()
            const o = await step(sp, w)
            await w.flush(sp)
            return o
          })
        } catch (error) {
          state.forget()
          failure = { error }
          break
        }
      }
      if ('resendFrom' in outcome) {
        gap = outcome.resendFrom
        break
      }
      results.push(outcome.result)
      if (outcome.fresh) {
        seqs.last = m.seq
        bySeq.set(m.seq, outcome.result)
      }
    }
    await writes.flush(tx)
    if (seqs.last > seqs.stored) {
      await tx
        .insert(pushDevices)
        .values({ deviceId: who.deviceId, userId: who.id, lastSeq: seqs.last })
        .onConflictDoUpdate({ target: pushDevices.deviceId, set: { lastSeq: seqs.last, userId: who.id, updatedAt: sql`now()` } })
    }
    await state.finish(osloDateOfMs(now.getTime()))
    return gap
  })
  if (failure) throw (failure as { error: unknown }).error
  return { results, resendFrom }
}

/** One mutation of the batch, judged on `state` with its writes collected in `writes`; `fresh` when it was judged now (not answered from storage). */
async function pushOne(
  tx: RegisterDb,
  who: Pusher,
  req: PushRequest,
  m: PushMutation,
  now: Date,
  state: PushBatchState,
  writes: PushWrites,
  last: number,
  bySeq: ReadonlyMap<number, MutationResult>,
): Promise<{ result: MutationResult; fresh: boolean; reload?: boolean } | { resendFrom: number }> {
  const answered = state.answered(m.id, who.deviceId)
  if (answered === 'another device') {
    // An id another device already used (a forged or copied id): refused with its own answer,
    // never stored (the id is taken), but its seq counts as processed so the queue moves on.
    if (m.seq > last + 1) return { resendFrom: last + 1 }
    const result: MutationResult = {
      id: m.id,
      seq: m.seq,
      verdict: 'rejected',
      reasons: [{ code: 'MUTATION_ID_TAKEN', field: 'id', severity: 'error' }],
      versions: {},
      conflict: null,
    }
    return { result, fresh: m.seq === last + 1 }
  }
  if (answered) return { result: await withCurrentRows(state, who, answered), fresh: false }
  if (m.seq <= last) {
    const known = bySeq.get(m.seq)
    if (known) return { result: await withCurrentRows(state, who, known), fresh: false }
    const [stored] = await tx
      .select()
      .from(mutations)
      .where(and(eq(mutations.deviceId, who.deviceId), eq(mutations.seq, m.seq)))
    return stored ? { result: await withCurrentRows(state, who, stored.response), fresh: false } : { resendFrom: last + 1 }
  }
  if (m.seq > last + 1) return { resendFrom: last + 1 }
  const { result, reload } = await process(who, req, m, now, state, writes)
  writes.mutation({ id: m.id, deviceId: who.deviceId, seq: m.seq, userId: who.id, command: m.command, verdict: result.verdict, response: result })
  state.judged(result, who.deviceId)
  return { result, fresh: true, reload }
}

/** One new mutation: an audit record, or a rules command judged and (if accepted) applied. */
async function process(who: Pusher, req: PushRequest, m: PushMutation, now: Date, state: PushBatchState, writes: PushWrites): Promise<{ result: MutationResult; reload: boolean }> {
  const base = { id: m.id, seq: m.seq }
  const done = (result: MutationResult) => ({ result, reload: false })
  if (Object.hasOwn(auditCommandPayloadSchemas, m.command)) {
    const parsed = auditCommandPayloadSchemas[m.command as AuditCommandType].safeParse(m.payload)
    if (!parsed.success) return done({ ...base, verdict: 'rejected', reasons: [{ code: 'INVALID_INPUT', field: 'payload', severity: 'error' }], versions: {}, conflict: null })
    const personId = 'personId' in parsed.data ? parsed.data.personId : null
    // D12: a person read queued on the device lands in the audit log with the time it happened.
    writes.audit({
      userId: who.id,
      username: who.username,
      deviceId: who.deviceId,
      action: m.command === 'audit.read' ? 'person.read' : 'scope.exitsConfirmed',
      personId,
      details: { mutationId: m.id, recordedAt: m.recordedAt, ...parsed.data },
    })
    return done({ ...base, verdict: 'applied', reasons: [], versions: {}, conflict: null })
  }
  const context: CheckContext = {
    user: { roles: who.roles, municipality: who.municipality, district: who.district },
    recordedAt: m.recordedAt,
    today: osloDateOfMs(now.getTime()),
    serverTime: now.toISOString(),
    lastSyncAt: req.lastSyncAt,
  }
  const judged = await judgeMutation(state, m, context)
  const personId = typeof (m.payload as { personId?: unknown })?.personId === 'string' ? String((m.payload as { personId: string }).personId) : null
  if ('done' in judged) {
    writes.audit({
      userId: who.id,
      username: who.username,
      deviceId: who.deviceId,
      action: `mutation.${judged.done.verdict}`,
      personId,
      details: { mutationId: m.id, command: m.command },
    })
    if (judged.done.verdict === 'conflict') return done({ ...base, ...judged.done })
    // R9: a refusal for role or scope discloses only rows the user's pull brings now (`pulledBy`).
    const refused = judged.done.reasons.some((r) => r.code === 'NOT_PERMITTED' || r.code === 'OUT_OF_SCOPE')
    return done({ ...base, ...judged.done, rows: await registerRows(state, m, refused ? who : null) })
  }
  // Versions count up from the row's current one.
  const versions: Record<string, number> = {}
  for (const e of judged.apply.effects) {
    const key = refKey(effectRef(e))
    versions[key] = (judged.apply.current.get(key) ?? 0) + 1
  }
  writes.apply(judged.apply.effects, versions)
  const reload = state.applied(judged.apply.effects, personId, versions)
  writes.audit({
    userId: who.id,
    username: who.username,
    deviceId: who.deviceId,
    action: m.command,
    personId,
    details: { mutationId: m.id, recordedAt: m.recordedAt, versions },
  })
  return { result: { ...base, verdict: 'applied', reasons: judged.apply.warnings, versions, conflict: null }, reload }
}

/**
 * A4: a rejected mutation's rows as the register has them now, so the device returns its
 * replica to that state (row null: the register has none — a refused create — and the device
 * drops its local row). The refs are the keys of `baseVersions`, every row the device changed.
 * After a refusal for role or scope (R9) only rows the user's pull brings now are disclosed.
 */
async function registerRows(state: PushBatchState, m: PushMutation, refusedTo: Pusher | null): Promise<NonNullable<MutationResult['rows']>> {
  const rows: NonNullable<MutationResult['rows']> = []
  for (const key of Object.keys(m.baseVersions)) {
    const at = key.indexOf(':')
    const entity = key.slice(0, at) as EntityName
    if (at <= 0 || !Object.hasOwn(entityStores, entity)) continue
    rows.push(await rowNow(state, entity, key.slice(at + 1), refusedTo))
  }
  return rows
}

/**
 * One row as the register holds it now, for a verdict's `rows` or a conflict's. With
 * `refusedTo` set the row is disclosed only if that user's pull brings it now; any other row
 * goes back as none and the device drops its copy. Hiding every row of a refusal made the
 * device drop rows its own pull had brought and would not bring again, since they had not
 * changed: a role refusal of a user who reads the person, or a scope refusal sent again after
 * the person came back (the sync simulation, seed 5744).
 */
async function rowNow(state: PushBatchState, entity: EntityName, id: string, refusedTo: Pusher | null): Promise<NonNullable<MutationResult['rows']>[number]> {
  const row = await state.row(entity, id)
  const live = row && !row.deleted && row.data ? row.data : null
  if (refusedTo && !(live && (await pulledBy(state, refusedTo, entity, live)))) return { entity, id, version: null, row: null }
  return { entity, id, version: row?.version ?? null, row: live }
}

/**
 * A stored answer sent again (a retry after a lost reply, a duplicate): the verdict, reasons
 * and versions are the stored ones, but its rows — "the register's rows now", which the device
 * puts in place of rows its pull skipped while the edit waited for its verdict — are read
 * again. The stored ones are those of the moment of judging: a row changed since (by another
 * device, or a person back in scope after a scope refusal) was restored at its old state, and
 * no later pull brings it again (the sync simulation, seeds 5744 and 5748). The stored
 * response itself is not changed. Read again, a row is disclosed only if the user's pull brings
 * it now.
 */
async function withCurrentRows(state: PushBatchState, who: Pusher, stored: MutationResult): Promise<MutationResult> {
  if (stored.verdict === 'applied' || (!stored.rows?.length && !stored.conflict?.rows.length)) return stored
  const again = async (refs: readonly { entity: string; id: string }[]) => {
    const out: NonNullable<MutationResult['rows']> = []
    for (const r of refs) if (Object.hasOwn(entityStores, r.entity)) out.push(await rowNow(state, r.entity as EntityName, r.id, who))
    return out
  }
  return {
    ...stored,
    ...(stored.rows ? { rows: await again(stored.rows) } : {}),
    conflict: stored.conflict ? { ...stored.conflict, rows: await again(stored.conflict.rows) } : null,
  }
}

/** Whether `who`'s pull brings this live row now: reference rows always; a person's rows while the person is `visible` to the user's scope (`sync/scope.ts`). */
async function pulledBy(state: PushBatchState, who: Pusher, entity: EntityName, data: Record<string, unknown>): Promise<boolean> {
  if ((referenceEntities as readonly string[]).includes(entity)) return true
  const scope = scopeOf(who)
  if (!scope.readsPersons) return false
  const personId = entity === 'person' ? data.id : data.personId
  if (typeof personId !== 'string') return false
  const person = await state.row('person', personId)
  const p = person && !person.deleted ? (person.data as Person | null) : null
  return !!p && inScope(who, p) && (scope.writer || !p.closed)
}
