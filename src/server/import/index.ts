import { createHash, randomUUID } from 'node:crypto'
import { osloDateOfMs } from '../../shared/rules'
import { entityNames } from '../../shared/sync'
import { appendAudit } from '../audit/log'
import { importBatches } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { recomputeEvaluations } from '../rules/evaluate'
import { takeChangeLock } from '../sync/change-lock'
import { personsAffected } from './affected'
import { crossCheck } from './checks'
import { diffImport } from './diff'
import type { ImportDiff } from './diff'
import { parseNdjson } from './parse'
import type { EntityCounts, ImportResult, ImportSummary } from './types'
import { writeChanges } from './write'

export type { ImportError, ImportResult, ImportSummary } from './types'

/** Thrown inside the transaction to roll it back when cross-checks refuse lines. */
class Refused extends Error {
  constructor(readonly result: ImportResult) {
    super('import refused')
  }
}

/**
 * Imports a base-data NDJSON feed (A6): all or nothing in one transaction; idempotent
 * (re-importing the same file reports everything `unchanged` and allocates no seq);
 * every bad line is reported with its line number and nothing of the batch is written.
 * Accepted batches are recorded in `import_batches` and the audit log. In the same transaction
 * the rules re-evaluate every affected person (A6) as of `opts.today` (default: today in Oslo).
 */
export async function importNdjson(db: RegisterDb, text: string, opts: { actor: string; today?: string }): Promise<ImportResult> {
  const { lines, errors } = parseNdjson(text)
  if (errors.length) return { ok: false, errors }
  try {
    return await db.transaction(async (tx) => {
      await takeChangeLock(tx)
      const refused = await crossCheck(tx, lines)
      if (refused.length) throw new Refused({ ok: false, errors: refused })
      const diff = await diffImport(tx, lines)
      await writeChanges(tx, diff.changes)
      const today = opts.today ?? osloDateOfMs(Date.now())
      const evaluated = await recomputeEvaluations(tx, await personsAffected(tx, diff.changes), today)
      const summary = { ...summarise(diff), evaluated }
      const batchId = randomUUID()
      const sha256 = createHash('sha256').update(text).digest('hex')
      await tx.insert(importBatches).values({ id: batchId, actor: opts.actor, sha256, lines: lines.length, summary: { ...summary } })
      await appendAudit(tx, { username: opts.actor, action: 'import', details: { batchId, sha256, lines: lines.length, ...summary } })
      return { ok: true as const, summary }
    })
  } catch (e) {
    if (e instanceof Refused) return e.result
    throw e
  }
}

function summarise(diff: ImportDiff): Omit<ImportSummary, 'evaluated'> {
  const zero = (): EntityCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 })
  const byEntity: Record<string, EntityCounts> = Object.fromEntries(entityNames.map((e) => [e, zero()]))
  const total = zero()
  for (const c of diff.changes) {
    byEntity[c.entity][c.kind]++
    total[c.kind]++
  }
  for (const u of diff.unchanged) {
    byEntity[u.entity].unchanged++
    total.unchanged++
  }
  return { ...total, byEntity }
}
