import { createHash, randomUUID } from 'node:crypto'
import { count } from 'drizzle-orm'
import { createUser } from '../auth/users'
import { importBatches, users } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { appendAudit } from '../audit/log'
import { parseNdjson } from '../import/parse'
import { personsAffected } from '../import/affected'
import { crossCheck } from '../import/checks'
import { diffImport } from '../import/diff'
import type { ParsedLine } from '../import/types'
import { writeChanges } from '../import/write'
import { recomputeEvaluations } from '../rules/evaluate'
import { takeChangeLock } from '../sync/change-lock'
import { entitySchemas, toDomain } from '../../shared/sync'
import type { DemoRow } from './generate'
import { generateDemo } from './generate'
import { demoUsers } from './users'

/** Today's date in Norway: demo data must not lie in the future for a Norwegian caseworker. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * Loads the demo (A8) when the database has no users yet: Bergen (4601) gets `persons`
 * persons, Oslo and Trondheim a tenth as many each (DUF search outside scope, moves). Users
 * are created after the import, so a crash in between simply loads again at the next start
 * (the import is idempotent). Returns false when there were users already.
 */
export async function loadDemo(db: RegisterDb, opts: { persons: number; seed?: number; today?: string }): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users)
  if (n > 0) return false
  const small = Math.max(1, Math.round(opts.persons / 10))
  const today = opts.today ?? osloToday()
  const { ndjson: text, registrations } = generateDemo({
    seed: opts.seed ?? 1,
    today,
    municipalities: [
      { code: '4601', count: opts.persons },
      { code: '0301', count: small },
      { code: '5001', count: small },
    ],
  })
  await importDemo(db, text, registrations, today)
  for (const u of demoUsers) await createUser(db, u)
  return true
}

/**
 * Imports the demo as the import does (A6) — every line validated by its entity's schema,
 * cross-checked (each row's person exists), one change set per person, the persons evaluated
 * as of `today` — in one transaction with the caseworkers' registrations (issue 9.6), so each
 * person is evaluated once, with their registrations, and a device's first sync pulls them
 * like any other change. The registrations are rows, not NDJSON lines: a decision's `type`
 * field would clash with a line's entity `type`.
 */
export async function importDemo(db: RegisterDb, ndjson: string, rows: readonly DemoRow[], today: string): Promise<{ lines: number; evaluated: number }> {
  const base = parseNdjson(ndjson)
  if (base.errors.length) throw new Error(`demo data refused: ${JSON.stringify(base.errors.slice(0, 3))}`)
  const lines: ParsedLine[] = [
    ...base.lines,
    ...rows.map(({ entity, row }, i): ParsedLine => {
      const parsed = entitySchemas[entity].parse(row)
      return { line: base.lines.length + i + 1, entity, key: String(row.id), deleted: false, row: toDomain(entity, parsed) as Record<string, unknown> }
    }),
  ]
  return db.transaction(async (tx) => {
    await takeChangeLock(tx)
    const refused = await crossCheck(tx, lines)
    if (refused.length) throw new Error(`demo data refused: ${JSON.stringify(refused.slice(0, 3))}`)
    const diff = await diffImport(tx, lines)
    await writeChanges(tx, diff.changes)
    const evaluated = await recomputeEvaluations(tx, await personsAffected(tx, diff.changes), today)
    const summary = { created: diff.changes.length, registrations: rows.length, evaluated }
    const sha256 = createHash('sha256').update(ndjson).digest('hex')
    await tx.insert(importBatches).values({ id: randomUUID(), actor: 'demo', sha256, lines: lines.length, summary })
    await appendAudit(tx, { username: 'demo', action: 'import', details: { sha256, lines: lines.length, ...summary } })
    return { lines: lines.length, evaluated }
  })
}
