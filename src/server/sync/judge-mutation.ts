import type { AsylnorskOffer, Command, PersonSnapshot } from '../../shared/domain'
import { commandSchema } from '../../shared/domain'
import { checkCommand, commandEffects, commandSpecs, effectRef, refKey, type CheckContext, type CheckResult, type Effect } from '../../shared/rules'
import type { EntityName, MutationResult, PushMutation } from '../../shared/sync'
import { commandPersonId } from '../rules/evaluate'

/** A register row as judging sees it: its version, whether it is a tombstone, and its domain fields while live. */
export interface StoredRow {
  version: number
  deleted: boolean
  /** The domain row (`toDomain`), null for a tombstone. */
  data: Record<string, unknown> | null
}

/**
 * Everything judging reads, as the register holds it *including the push batch's own earlier
 * mutations*: the batch's state (`PushBatchState`) answers from memory, so a batch can judge
 * all its mutations before writing any of them.
 */
export interface JudgeReads {
  /** The register's snapshot of the person, as `serverSnapshot` would build it now; null when unknown. */
  snapshot(personId: string): Promise<PersonSnapshot | null>
  /** Live asylnorsk offers of a municipality, as `serverOffers`. */
  offers(municipality: string): Promise<AsylnorskOffer[]>
  /** A mutation processed before (stored, or earlier in this batch). */
  processed(id: string): Promise<MutationResult | null>
  /** The row under `entity`/`id`, tombstones included; null when the register has none. */
  row(entity: EntityName, id: string): Promise<StoredRow | null>
}

/** A mutation judged on the register: a verdict to store, or effects to apply. */
export type Judged =
  { done: Omit<MutationResult, 'id' | 'seq'> } | { apply: { command: Command; effects: Effect[]; warnings: MutationResult['reasons']; current: Map<string, number> } }

const verdict = (v: MutationResult['verdict'], reasons: MutationResult['reasons'], conflict: MutationResult['conflict'] = null) => ({
  done: { verdict: v, reasons, versions: {}, conflict },
})

/**
 * A4 steps 2–4 for one rules command, on the register as `reads` sees it (no writes): its dependency was applied;
 * `checkCommand` on the register's own snapshot (role, scope, A5 time, R4–R8 — errors reject,
 * warnings are kept); then every row its effects touch must still be at the version the
 * caseworker started from (`stale_base`), and a new row must not meet one the register
 * already holds under the same natural key (`duplicate_key`). Never merged field by field.
 */
export async function judgeMutation(reads: JudgeReads, m: PushMutation, context: CheckContext): Promise<Judged> {
  const dependency = m.dependsOn ? await reads.processed(m.dependsOn) : null
  if (m.dependsOn && dependency?.verdict !== 'applied') return verdict('dependency_rejected', [{ code: 'DEPENDENCY_REJECTED', field: 'command', severity: 'error' }])
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
  const { result, snapshot } = await judgeOnServer(reads, command, context)
  if (result.errors.length > 0)
    return verdict(
      'rejected',
      result.errors.map((r) => ({ ...r, severity: 'error' as const })),
    )
  const warnings = result.warnings.map((r) => ({ ...r, severity: 'warning' as const }))
  const effects = commandEffects(command, snapshot)
  const dependencyVersions = dependency?.versions ?? {}
  const current = new Map<string, number>()
  const conflicts: NonNullable<MutationResult['conflict']>['rows'] = []
  let kind: 'stale_base' | 'duplicate_key' = 'stale_base'
  for (const e of effects) {
    const ref = effectRef(e)
    const key = refKey(ref)
    const row = (await reads.row(ref.entity, ref.id)) ?? undefined
    if (row) current.set(key, row.version)
    const sent = Object.hasOwn(m.baseVersions, key) ? m.baseVersions[key] : undefined
    const base = sent ?? dependencyVersions[key] ?? null
    // The register maps the command onto a row the device did not name: the same record exists under another id.
    const duplicate = sent === undefined && row !== undefined && !row.deleted
    const stale = sent !== undefined && (row ? row.version !== base : base !== null)
    if (duplicate || stale) {
      if (duplicate) kind = 'duplicate_key'
      conflicts.push({ entity: ref.entity, id: ref.id, version: row?.version ?? null, row: row && !row.deleted ? row.data : null })
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
async function judgeOnServer(reads: JudgeReads, command: Command, context: CheckContext): Promise<{ result: CheckResult; snapshot: PersonSnapshot | null }> {
  const personId = commandPersonId(command)
  const snapshot = personId === null ? null : await reads.snapshot(personId)
  const spec = commandSpecs[command.type]
  const ctx = spec.permission === 'municipality' ? { ...context, asylnorskOffers: await reads.offers((command.payload as { municipality: string }).municipality) } : context
  return { result: checkCommand(command, snapshot, ctx), snapshot }
}
