import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm'
import type { Role } from '../../shared/domain'
import { auditCommandPayloadSchemas, type AuditCommandType } from '../../shared/domain'
import { effectRef, osloDateOfMs, refKey, type CheckContext, type Effect } from '../../shared/rules'
import { toDomain, type EntityName, type MutationResult, type PushMutation, type PushRequest, type PushResponse } from '../../shared/sync'
import { appendAudit } from '../audit/log'
import { entityStores } from '../db/entities'
import { mutations, pushDevices } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { nextSeqs, takeChangeLock } from './change-lock'
import { PushBatchState } from './batch-state'
import { judgeMutation } from './judge-mutation'

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
 * `POST /sync/push` (A4): the batch in `seq` order, each mutation atomic on its own (a
 * savepoint: its verdict, effects, audit entry and the device's last seq together or not at
 * all), the batch committed once under the change lock. Verdicts are answered only after that
 * commit, so the device never holds one the register could lose; one commit and one load of
 * the batch's persons instead of one per mutation is what makes 10,000 queued saves go fast
 * (`bench/push.ts`). A mutation id seen before, or a `seq` at or below the device's last, is
 * answered from storage; a gap stops the batch with `resendFrom`. A rejection or conflict
 * still counts as processed, so one bad mutation never jams the queue. An unexpected error
 * keeps the mutations before it and fails the request (the device retries from there).
 */
export async function push(db: RegisterDb, who: Pusher, req: PushRequest, now: Date): Promise<PushResponse> {
  const results: MutationResult[] = []
  let failure: { error: unknown } | null = null
  const resendFrom = await db.transaction(async (tx) => {
    // One lock for every writer of synced rows: seq order = commit order, and one device's pushes serialise.
    await takeChangeLock(tx)
    const state = new PushBatchState(tx)
    const sorted = [...req.mutations].sort((a, b) => a.seq - b.seq)
    await state.prefetch(sorted.flatMap((m) => (typeof (m.payload as { personId?: unknown })?.personId === 'string' ? [(m.payload as { personId: string }).personId] : [])))
    // Read once per batch, not per mutation: which ids were answered before, and the device's last seq.
    const ids = sorted.map((m) => m.id)
    const answered = new Map((ids.length ? await tx.select().from(mutations).where(inArray(mutations.id, ids)) : []).map((r) => [r.id, r.response]))
    const [device] = await tx.select().from(pushDevices).where(eq(pushDevices.deviceId, who.deviceId))
    const seqs = { stored: device?.lastSeq ?? 0, last: device?.lastSeq ?? 0 }
    let gap: number | null = null
    for (const m of sorted) {
      try {
        const outcome = await tx.transaction((sp) => pushOne(sp, who, req, m, now, state, answered.get(m.id), seqs.last))
        if ('resendFrom' in outcome) {
          gap = outcome.resendFrom
          break
        }
        results.push(outcome.result)
        if (outcome.fresh) seqs.last = m.seq
      } catch (error) {
        state.forget()
        failure = { error }
        break
      }
    }
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

/** One mutation of the batch, inside its savepoint; `fresh` when it was judged now (not answered from storage). */
async function pushOne(
  tx: RegisterDb,
  who: Pusher,
  req: PushRequest,
  m: PushMutation,
  now: Date,
  state: PushBatchState,
  answered: MutationResult | undefined,
  last: number,
): Promise<{ result: MutationResult; fresh: boolean } | { resendFrom: number }> {
  if (answered) return { result: answered, fresh: false }
  if (m.seq <= last) {
    const [stored] = await tx
      .select()
      .from(mutations)
      .where(and(eq(mutations.deviceId, who.deviceId), eq(mutations.seq, m.seq)))
    return stored ? { result: stored.response, fresh: false } : { resendFrom: last + 1 }
  }
  if (m.seq > last + 1) return { resendFrom: last + 1 }
  const result = await process(tx, who, req, m, now, state)
  await tx.insert(mutations).values({ id: m.id, deviceId: who.deviceId, seq: m.seq, userId: who.id, command: m.command, verdict: result.verdict, response: result })
  return { result, fresh: true }
}

/** One new mutation: an audit record, or a rules command judged and (if accepted) applied. */
async function process(tx: RegisterDb, who: Pusher, req: PushRequest, m: PushMutation, now: Date, state: PushBatchState): Promise<MutationResult> {
  const base = { id: m.id, seq: m.seq }
  if (Object.hasOwn(auditCommandPayloadSchemas, m.command)) {
    const parsed = auditCommandPayloadSchemas[m.command as AuditCommandType].safeParse(m.payload)
    if (!parsed.success) return { ...base, verdict: 'rejected', reasons: [{ code: 'INVALID_INPUT', field: 'payload', severity: 'error' }], versions: {}, conflict: null }
    const personId = 'personId' in parsed.data ? parsed.data.personId : null
    // D12: a person read queued on the device lands in the audit log with the time it happened.
    await appendAudit(tx, {
      userId: who.id,
      username: who.username,
      deviceId: who.deviceId,
      action: m.command === 'audit.read' ? 'person.read' : 'scope.exitsConfirmed',
      personId,
      details: { mutationId: m.id, recordedAt: m.recordedAt, ...parsed.data },
    })
    return { ...base, verdict: 'applied', reasons: [], versions: {}, conflict: null }
  }
  const context: CheckContext = {
    user: { roles: who.roles, municipality: who.municipality, district: who.district },
    recordedAt: m.recordedAt,
    today: osloDateOfMs(now.getTime()),
    serverTime: now.toISOString(),
    lastSyncAt: req.lastSyncAt,
  }
  const judged = await judgeMutation(tx, m, context, state.snapshot)
  const personId = typeof (m.payload as { personId?: unknown })?.personId === 'string' ? String((m.payload as { personId: string }).personId) : null
  if ('done' in judged) {
    await appendAudit(tx, {
      userId: who.id,
      username: who.username,
      deviceId: who.deviceId,
      action: `mutation.${judged.done.verdict}`,
      personId,
      details: { mutationId: m.id, command: m.command },
    })
    if (judged.done.verdict === 'conflict') return { ...base, ...judged.done }
    // R9: a refusal for role or scope discloses nothing of the register's rows; the device just drops its copies.
    const refused = judged.done.reasons.some((r) => r.code === 'NOT_PERMITTED' || r.code === 'OUT_OF_SCOPE')
    return { ...base, ...judged.done, rows: await registerRows(tx, m, !refused) }
  }
  const versions = await applyEffects(tx, judged.apply.effects, judged.apply.current)
  state.applied(judged.apply.effects, personId)
  await appendAudit(tx, {
    userId: who.id,
    username: who.username,
    deviceId: who.deviceId,
    action: m.command,
    personId,
    details: { mutationId: m.id, recordedAt: m.recordedAt, versions },
  })
  return { ...base, verdict: 'applied', reasons: judged.apply.warnings, versions, conflict: null }
}

/**
 * A4: a rejected mutation's rows as the register has them now, so the device returns its
 * replica to that state (row null: the register has none — a refused create — and the device
 * drops its local row). The refs are the keys of `baseVersions`, every row the device changed.
 */
async function registerRows(tx: RegisterDb, m: PushMutation, disclose: boolean): Promise<NonNullable<MutationResult['rows']>> {
  const rows: NonNullable<MutationResult['rows']> = []
  for (const key of Object.keys(m.baseVersions)) {
    const at = key.indexOf(':')
    const entity = key.slice(0, at) as EntityName
    const id = key.slice(at + 1)
    if (at <= 0 || !Object.hasOwn(entityStores, entity)) continue
    if (!disclose) {
      rows.push({ entity, id, version: null, row: null })
      continue
    }
    const st = entityStores[entity]
    const [row] = (await tx.select().from(st.table).where(eq(st.key, id))) as (Record<string, unknown> & { version: number; deleted: boolean })[]
    rows.push({ entity, id, version: row?.version ?? null, row: row && !row.deleted ? (toDomain(entity, row) as Record<string, unknown>) : null })
  }
  return rows
}

/**
 * Writes the effects with one change sequence value drawn like an import's (under the same
 * lock), so a pull after this push delivers them and never skips past them. Versions count up.
 */
async function applyEffects(tx: RegisterDb, effects: readonly Effect[], current: Map<string, number>): Promise<Record<string, number>> {
  const [seq] = await nextSeqs(tx, 1)
  const versions: Record<string, number> = {}
  for (const e of effects) {
    const ref = effectRef(e)
    const st = entityStores[e.entity]
    const version = (current.get(refKey(ref)) ?? 0) + 1
    versions[refKey(ref)] = version
    if (e.op === 'delete') {
      await tx
        .update(st.table)
        .set({ deleted: true, version, seq } as never)
        .where(eq(st.key, ref.id))
      continue
    }
    const set: Record<string, SQL> = {}
    for (const [prop, col] of Object.entries(getTableColumns(st.table))) if (prop !== st.keyField) set[prop] = sql.raw(`excluded."${col.name}"`)
    await tx
      .insert(st.table)
      .values({ ...e.row, version, seq, deleted: false } as never)
      .onConflictDoUpdate({ target: st.key, set })
  }
  return versions
}
