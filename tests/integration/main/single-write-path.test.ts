import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

/**
 * style.md 7 / issue 6 point 2: no service writes the replica except through `mutating()`.
 * Every drizzle or better-sqlite3 write call in `src/main/services/**` and `src/main/sync/**`
 * must sit inside the write callback of a `mutating(…)` call (which opens the transaction,
 * runs the rules and appends the outbox row), or in `mutating.ts` itself. Exempt are the files
 * that store what the register sent — they own pulled data, not caseworker actions.
 */
const ROOT = join(__dirname, '..', '..', '..')
const SCANNED = ['src/main/services', 'src/main/sync']
const EXEMPT: Record<string, string> = {
  'src/main/services/mutating.ts': 'the wrapper itself',
  'src/main/sync/apply.ts': 'applies pulled change sets (A4)',
  'src/main/sync/pull.ts': 'pages of a pull and their cursor (A4)',
  'src/main/sync/reset-staging.ts':
    'stages a reset_required download in its own scratch file attached beside the replica (A4, issue 12.4g); the replica is written only by the swap in apply.ts',
  'src/main/sync/push.ts': "records the register's verdicts and retry timers on outbox rows (A4)",
  'src/main/services/person-rows.ts': 'caches a person the register sent for a DUF look-up (D5), read-only',
  'src/main/sync/problems.ts': "records the caseworker's resolution on a refused outbox row (A4); no synced row changes",
  'src/main/sync/token-keeper.ts': 'keeps the refresh token in a file beside the replica and never opens the replica; its `.update(` calls are AES-GCM cipher updates',
  'src/main/services/report-snapshots.ts':
    'reads for Rapportar; its writes go only to a TEMP note table and TEMP triggers that live on the open connection, never in the replica file',
}
const WRITE_METHODS = new Set(['insert', 'update', 'delete', 'exec', 'prepare'])

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`
    if (e.isDirectory()) return files(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : []
  })
}

/** `x.insert(…)`, `db.exec(…)`, `prepare(…)`, and `.run()` on a built statement (a call's result). */
function isWriteCall(node: ts.CallExpression): string | null {
  const callee = node.expression
  if (ts.isIdentifier(callee) && callee.text === 'prepare') return 'prepare('
  if (!ts.isPropertyAccessExpression(callee)) return null
  const name = callee.name.text
  if (WRITE_METHODS.has(name)) return `.${name}(`
  // `sync.run()` or `this.run()` start a sync cycle; a statement's `.run()` follows a call.
  if (name === 'run' && ts.isCallExpression(callee.expression)) return '.run('
  return null
}

function insideMutating(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'mutating') return true
  }
  return false
}

/** Write calls outside a `mutating(…)` call, as `file:line .method(`. */
function writesOutsideMutating(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const what = isWriteCall(node)
      if (what && !insideMutating(node)) found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

describe('one mutation path (style.md 7)', () => {
  test('no service or sync module writes the replica outside mutating()', () => {
    const scanned = SCANNED.flatMap(files).filter((f) => !(f in EXEMPT))
    expect(scanned.length).toBeGreaterThan(5)
    const offenders = scanned.flatMap((f) => writesOutsideMutating(readFileSync(join(ROOT, f), 'utf8'), relative(ROOT, join(ROOT, f))))
    expect(offenders).toEqual([])
  })

  // The scanner itself must catch what it is there to catch.
  test.each([
    ['a drizzle insert', `db.insert(t.personList).values(x).run()`, ['.insert(', '.run(']],
    ['a drizzle delete in a transaction', `db.transaction((tx) => tx.delete(t.outbox).run())`, ['.delete(', '.run(']],
    ['raw SQL', `replica.sqlite.exec('DELETE FROM persons')`, ['.exec(']],
    ['a prepared statement', `replica.sqlite.prepare('UPDATE persons SET closed = 1').run()`, ['.prepare(', '.run(']],
    ['starting a sync cycle is no write', `this.run(); ctx.session?.sync.run()`, []],
    ['a write inside mutating() passes', `mutating(ctx, cmd, ({ tx }) => tx.insert(t.personList).values(x).run())`, []],
  ])('the scanner flags %s', (_name, code, expected) => {
    expect(
      writesOutsideMutating(code, 'x.ts')
        .map((s) => s.split(' ')[1])
        .sort(),
    ).toEqual(expected)
  })
})
