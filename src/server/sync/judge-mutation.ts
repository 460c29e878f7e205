import { eq } from 'drizzle-orm'
import type { Command, PersonSnapshot } from '../../shared/domain'
import { commandSchema } from '../../shared/domain'
import { checkCommand, commandEffects, commandSpecs, effectRef, refKey, type CheckContext, type CheckResult, type Effect } from '../../shared/rules'
import { toDomain, type MutationResult, type PushMutation } from '../../shared/sync'
import { entityStores } from '../db/entities'
import { mutations } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { commandPersonId } from '../rules/evaluate'
import { serverOffers, serverSnapshot } from '../rules/snapshot'

/** Where the person's snapshot comes from: the database, or a push batch's cache of it (`PushBatchState`). */
export type SnapshotOf = (tx: RegisterDb, personId: string) => Promise<PersonSnapshot | null>

/** A mutation judged on the register: a verdict to store, or effects to apply. */
export type Judged =
  { done: Omit<MutationResult, 'id' | 'seq'> } | { apply: { command: Command; effects: Effect[]; warnings: MutationResult['reasons']; current: Map<string, number> } }

const verdict = (v: MutationResult['verdict'], reasons: MutationResult['reasons'], conflict: MutationResult['conflict'] = null) => ({
  done: { verdict: v, reasons, versions: {}, conflict },
})

/**
 * A4 steps 2–4 for one rules command, inside its transaction: its dependency was applied;
 * `checkCommand` on the register's own snapshot (role, scope, A5 time, R4–R8 — errors reject,
 * warnings are kept); then every row its effects touch must still be at the version the
 * caseworker started from (`stale_base`), and a new row must not meet one the register
 * already holds under the same natural key (`duplicate_key`). Never merged field by field.
 */
export async function judgeMutation(tx: RegisterDb, m: PushMutation, context: CheckContext, snapshotOf: SnapshotOf = serverSnapshot): Promise<Judged> {
  const dependency = m.dependsOn ? await tx.select().from(mutations).where(eq(mutations.id, m.dependsOn)) : []
  if (m.dependsOn && dependency[0]?.verdict !== 'applied') return verdict('dependency_rejected', [{ code: 'DEPENDENCY_REJECTED', field: 'command', severity: 'error' }])
  const parsed = commandSchema.safeParse({ type: m.command, payload: m.payload })
  if (!parsed.success || !Object.hasOwn(commandSpecs, m.command)) {
    return verdict(
      'rejected',
      (parsed.error?.issues ?? [{ path: ['command'] }]).map((i) => ({
        code: 'INVALID_INPUT',
        field: i.path.filter((p) => p !== 'payload').join('.') || 'command',
        severity: 'error' as const,
      })),
    )
  }
  const command = parsed.data
  const { result, snapshot } = await judgeOnServer(tx, command, context, snapshotOf)
  if (result.errors.length > 0)
    return verdict(
      'rejected',
      result.errors.map((r) => ({ ...r, severity: 'error' as const })),
    )
  const warnings = result.warnings.map((r) => ({ ...r, severity: 'warning' as const }))
  const effects = commandEffects(command, snapshot)
  const dependencyVersions = dependency[0]?.response.versions ?? {}
  const current = new Map<string, number>()
  const conflicts: NonNullable<MutationResult['conflict']>['rows'] = []
  let kind: 'stale_base' | 'duplicate_key' = 'stale_base'
  for (const e of effects) {
    const ref = effectRef(e)
    const key = refKey(ref)
    const st = entityStores[ref.entity]
    const [row] = (await tx.select().from(st.table).where(eq(st.key, ref.id))) as (Record<string, unknown> & { version: number; deleted: boolean })[]
    if (row) current.set(key, row.version)
    const sent = Object.hasOwn(m.baseVersions, key) ? m.baseVersions[key] : undefined
    const base = sent ?? dependencyVersions[key] ?? null
    // The register maps the command onto a row the device did not name: the same record exists under another id.
    const duplicate = sent === undefined && row !== undefined && !row.deleted
    const stale = sent !== undefined && (row ? row.version !== base : base !== null)
    if (duplicate || stale) {
      if (duplicate) kind = 'duplicate_key'
      conflicts.push({ entity: ref.entity, id: ref.id, version: row?.version ?? null, row: row && !row.deleted ? (toDomain(ref.entity, row) as Record<string, unknown>) : null })
    }
  }
  if (conflicts.length > 0) {
    if (kind === 'duplicate_key') {
      // The rows the device created under its own ids do not exist here: row null, so the device drops
      // them and keeps the register's record alone (else it would hold two rows for one week).
      const mapped = new Set(effects.map((e) => refKey(effectRef(e))))
      for (const [key, base] of Object.entries(m.baseVersions)) {
        const at = key.indexOf(':')
        if (base === null && !mapped.has(key) && at > 0) conflicts.push({ entity: key.slice(0, at), id: key.slice(at + 1), version: null, row: null })
      }
    }
    const code = kind === 'stale_base' ? 'STALE_BASE' : 'DUPLICATE_KEY'
    return verdict('conflict', [{ code, field: 'command', severity: 'error' }], { kind, rows: conflicts })
  }
  return { apply: { command, effects, warnings, current } }
}

/** `checkCommand` on the register's snapshot; the municipality's offers for a command on the municipality. */
async function judgeOnServer(tx: RegisterDb, command: Command, context: CheckContext, snapshotOf: SnapshotOf): Promise<{ result: CheckResult; snapshot: PersonSnapshot | null }> {
  const personId = commandPersonId(command)
  const snapshot = personId === null ? null : await snapshotOf(tx, personId)
  const spec = commandSpecs[command.type]
  const ctx = spec.permission === 'municipality' ? { ...context, asylnorskOffers: await serverOffers(tx, (command.payload as { municipality: string }).municipality) } : context
  return { result: checkCommand(command, snapshot, ctx), snapshot }
}
