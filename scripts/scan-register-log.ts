/**
 * Issue 11 point 10: scans the register log of a whole test run (`npm test` sets
 * `NIR_REGISTER_LOG_FILE` for every register its tests start) for personal data: DUF numbers
 * and national ids with valid check digits, dates (birth dates are the only dates a person row
 * carries that a request could bring), and every name a demo person can get. Exits 1 with the
 * first hits, or when the log is too short to have been written by the run at all (a logger
 * that silently stopped must not pass).
 *
 * `npx tsx scripts/scan-register-log.ts [file] [--min-lines N]`
 */
import { existsSync, readFileSync } from 'node:fs'
import { allDemoNames } from '../src/server/demo/names'
import { validateDuf } from '../src/shared/ids/duf'
import { validateNationalId } from '../src/shared/ids/national-id'

const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--')) ?? 'test-results/register.log'
const minIndex = args.indexOf('--min-lines')
const minLines = minIndex >= 0 ? Number(args[minIndex + 1]) : 1000

export interface Hit {
  line: number
  kind: 'duf' | 'nationalId' | 'date' | 'name'
  text: string
}

/** Digit runs not part of a longer number or a decimal fraction (pino's `time` is 13 digits, `responseTime` a float). */
const run = (n: number) => new RegExp(`(?<![\\d.])\\d{${n}}(?![\\d])`, 'g')
const DATE = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g

export function scan(text: string, names: readonly string[]): Hit[] {
  const nameRe = new RegExp(`(?<!\\p{L})(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?!\\p{L})`, 'gu')
  const hits: Hit[] = []
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(run(12))) if (validateDuf(m[0]).valid) hits.push({ line: i + 1, kind: 'duf', text: m[0] })
    for (const m of l.matchAll(run(11))) if (validateNationalId(m[0], { allowSynthetic: true }).valid) hits.push({ line: i + 1, kind: 'nationalId', text: m[0] })
    for (const m of l.matchAll(DATE)) hits.push({ line: i + 1, kind: 'date', text: m[0] })
    for (const m of l.matchAll(nameRe)) hits.push({ line: i + 1, kind: 'name', text: m[0] })
  })
  return hits
}

if (process.argv[1]?.endsWith('scan-register-log.ts')) {
  if (!existsSync(file)) {
    console.error(`scan-register-log: ${file} does not exist: no register logged during the run (is NIR_REGISTER_LOG_FILE set?)`)
    process.exit(1)
  }
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').filter(Boolean).length
  if (lines < minLines) {
    console.error(`scan-register-log: ${file} has ${lines} lines, fewer than ${minLines}: the registers of the run did not log`)
    process.exit(1)
  }
  const hits = scan(text, allDemoNames())
  if (hits.length) {
    console.error(`scan-register-log: ${hits.length} personal data hit(s) in ${file} (${lines} lines); first ones:`)
    for (const h of hits.slice(0, 20)) console.error(`  line ${h.line}: ${h.kind} ${h.text}`)
    process.exit(1)
  }
  console.log(`scan-register-log: ${lines} lines of register log, no DUF number, national id, date or demo name`)
}
