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
import { MAX_LINE_CHARS, NdjsonParser, parseNdjson } from './parse'
import type { EntityCounts, ImportError, ImportResult, ImportSummary, ParsedLine } from './types'
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
export async function importNdjson(db: RegisterDb, source: string | AsyncIterable<Uint8Array | string>, opts: { actor: string; today?: string }): Promise<ImportResult> {
  const { lines, errors, sha256 } = typeof source === 'string' ? { ...parseNdjson(source), sha256: sha256Of(source) } : await parseNdjsonStream(source)
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
      await tx.insert(importBatches).values({ id: batchId, actor: opts.actor, sha256, lines: lines.length, summary: { ...summary } })
      await appendAudit(tx, { username: opts.actor, action: 'import', details: { batchId, sha256, lines: lines.length, ...summary } })
      return { ok: true as const, summary }
    })
  } catch (e) {
    if (e instanceof Refused) return e.result
    throw e
  }
}

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * Issue 11.6: reads the feed as a stream, one line at a time: the file's text is never held
 * whole (only the validated rows are), a line longer than `MAX_LINE_CHARS` is skipped while it
 * streams and refused by its number, and the hash is taken of the bytes as they pass.
 */
async function parseNdjsonStream(source: AsyncIterable<Uint8Array | string>): Promise<{ lines: ParsedLine[]; errors: ImportError[]; sha256: string }> {
  const parser = new NdjsonParser()
  const hash = createHash('sha256')
  const decoder = new TextDecoder('utf-8')
  let pending = ''
  let overlong = false
  const take = (line: string) => {
    parser.add(overlong ? 'x'.repeat(MAX_LINE_CHARS + 1) : line.endsWith('\r') ? line.slice(0, -1) : line)
    overlong = false
  }
  for await (const chunk of source) {
    hash.update(chunk)
    if (parser.full()) continue
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    let nl: number
    while ((nl = pending.indexOf('\n')) >= 0) {
      take(pending.slice(0, nl))
      pending = pending.slice(nl + 1)
    }
    // Memory stays bounded by one line: the rest of an over-long line is dropped as it comes.
    if (pending.length > MAX_LINE_CHARS) {
      overlong = true
      pending = ''
    }
  }
  pending += decoder.decode()
  if (pending !== '' || overlong) take(pending)
  return { ...parser.result(), sha256: hash.digest('hex') }
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
