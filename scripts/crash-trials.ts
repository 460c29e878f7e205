/**
 * A9 process-level crash trials: a real device in a child Node process (encrypted replica in
 * a temp folder) saves weekly registrations and pushes them to a real register (PGlite, run
 * by this parent) until the parent kills it with SIGKILL at a seeded random moment; a second
 * child opens the same replica, logs in and pushes what is left. Then the parent checks:
 * every save the child reported as committed is in the outbox and applied exactly once on
 * the register (one `mutations` row, one audit entry, each row version drawn once), no
 * mutation was applied twice, and the outbox `seq` is gap-free.
 *
 *   npm run crash-trials -- --trials 100 --seed 7
 *
 * Prints one line per trial and a summary; exits 1 on any violation.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { MutationResult } from '../src/shared/sync'
import { osloDateOfMs } from '../src/shared/rules'
import { startRegister, type RegisterDb } from '../src/server'
import { auditLog, mutations } from '../src/server/db/schema'
import { grantedNorskDecision, importNorskPerson, weekRow } from '../tests/integration/sync/registration-fixture'

const SAVES_PER_RUN = 24
const PUSH_EVERY = 3
/** Event lines of a whole run: the decision's SAVE/COMMITTED, each week's, each PUSH/PUSHED. */
const LINES_PER_RUN = 2 + 2 * SAVES_PER_RUN + 2 * Math.floor(SAVES_PER_RUN / PUSH_EVERY)

export interface TrialsOptions {
  trials: number
  seed: number
  /** One line per trial (default: stdout). */
  log?: (line: string) => void
}

export interface TrialsReport {
  trials: number
  killedDuringSave: number
  killedDuringPush: number
  killedBetween: number
  committed: number
  violations: string[]
}

/** mulberry32: a small seeded generator, so a failing trial can be run again by its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Runs the trials against one register started here; the register is closed at the end. */
export async function runCrashTrials(o: TrialsOptions): Promise<TrialsReport> {
  const log = o.log ?? ((l: string) => console.log(l))
  const random = seeded(o.seed)
  const today = osloDateOfMs(Date.now())
  const register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 3 } })
  const report: TrialsReport = { trials: 0, killedDuringSave: 0, killedDuringPush: 0, killedBetween: 0, committed: 0, violations: [] }
  try {
    for (let t = 1; t <= o.trials; t++) {
      const personId = `crash-${o.seed}-${t}`
      await importNorskPerson(register.db, personId, today, `2019${String(o.seed % 10_000).padStart(4, '0')}${String(t).padStart(4, '0')}`)
      const dir = mkdtempSync(join(tmpdir(), 'nir-crash-'))
      try {
        // The kill lands a random number of event lines into the run, plus a few random milliseconds.
        const killAfterLines = 1 + Math.floor(random() * (LINES_PER_RUN - 1))
        const extraMs = Math.floor(random() * 8)
        const run = await runChild(['work', dir, register.url, personId], { killAfterLines, extraMs })
        if (run.signal !== 'SIGKILL') report.violations.push(`trial ${t}: the device ended by itself (code ${run.code}, ${run.lines.length} lines): ${firstLines(run.stderr)}`)
        const phase = phaseAt(run.lines)
        if (phase === 'save') report.killedDuringSave++
        else if (phase === 'push') report.killedDuringPush++
        else report.killedBetween++
        const committed = run.lines.filter((l) => l.startsWith('COMMITTED ')).map((l) => l.slice('COMMITTED '.length))
        const finish = await runChild(['finish', dir, register.url, personId], {})
        const outboxLine = finish.lines.find((l) => l.startsWith('OUTBOX '))
        if (finish.code !== 0 || !outboxLine) {
          report.violations.push(`trial ${t}: the restarted device did not finish (code ${finish.code}): ${finish.lines.slice(-3).join(' | ')} ${firstLines(finish.stderr)}`)
          continue
        }
        const outbox = JSON.parse(outboxLine.slice('OUTBOX '.length)) as { id: string; seq: number; state: string; command: string }[]
        const found = await checkTrial(register.db, committed, outbox)
        report.violations.push(...found.map((v) => `trial ${t}: ${v}`))
        report.committed += committed.length
        report.trials++
        log(
          `trial ${t}: killed ${phase === 'between' ? 'between a save and a push' : `during a ${phase}`} after ${run.lines.length} lines; ${committed.length} reported committed, ${outbox.length} in the outbox; ${found.length} violations`,
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  } finally {
    await register.close()
  }
  log(
    `${report.trials} trials (seed ${o.seed}): ${report.killedDuringSave} killed during a save, ${report.killedDuringPush} during a push, ${report.killedBetween} between; ` +
      `${report.committed} saves reported committed; ${report.violations.length} violations`,
  )
  for (const v of report.violations) log(`VIOLATION ${v}`)
  return report
}

/** The start of a child's error output: the message and the first frames, where the cause is. */
function firstLines(stderr: string): string {
  return stderr.split('\n').slice(0, 6).join(' | ')
}

/** Where the last event line left the child: inside a save, inside a push, or between them. */
function phaseAt(lines: readonly string[]): 'save' | 'push' | 'between' {
  const last = lines.at(-1) ?? ''
  if (last.startsWith('SAVE ')) return 'save'
  if (last === 'PUSH') return 'push'
  return 'between'
}

/** The checks of one trial against the register's tables and the replica's outbox. */
export async function checkTrial(db: RegisterDb, committed: readonly string[], outbox: readonly { id: string; seq: number; state: string; command: string }[]): Promise<string[]> {
  const out: string[] = []
  const byId = new Map(outbox.map((r) => [r.id, r]))
  for (const id of committed) {
    const row = byId.get(id)
    if (!row) out.push(`committed ${id} is not in the outbox`)
    else if (row.state !== 'applied') out.push(`committed ${id} ended ${row.state}`)
  }
  const seqs = outbox.map((r) => r.seq)
  for (let i = 1; i < seqs.length; i++) if (seqs[i] !== seqs[i - 1] + 1) out.push(`outbox seq gap between ${seqs[i - 1]} and ${seqs[i]}`)
  if (outbox.some((r) => r.state === 'pending')) out.push('rows still pending after the finishing sync')
  const ids = outbox.map((r) => r.id)
  if (ids.length === 0) return out
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
  const stored = await db
    .select()
    .from(mutations)
    .where(sql`${mutations.id} in (${list})`)
  const audits = await db
    .select({ id: sql<string>`${auditLog.details}->>'mutationId'`, n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(sql`${auditLog.details}->>'mutationId' in (${list})`)
    .groupBy(sql`${auditLog.details}->>'mutationId'`)
  const auditCount = new Map(audits.map((a) => [a.id, a.n]))
  const storedIds = new Set(stored.map((m) => m.id))
  for (const r of outbox) {
    if (r.state === 'applied' && !storedIds.has(r.id)) out.push(`${r.id} applied on the device, unknown to the register`)
    if ((auditCount.get(r.id) ?? 0) !== (storedIds.has(r.id) ? 1 : 0)) out.push(`${r.id} has ${auditCount.get(r.id) ?? 0} audit entries`)
  }
  // Exactly once: every row version is drawn by one applied mutation, counting up from 1 without a gap.
  const versions = new Map<string, number[]>()
  for (const m of stored) {
    for (const [key, v] of Object.entries((m.response as MutationResult).versions)) versions.set(key, [...(versions.get(key) ?? []), v])
  }
  for (const [key, vs] of versions) {
    const sorted = [...vs].sort((a, b) => a - b)
    if (sorted.some((v, i) => v !== i + 1)) out.push(`${key} versions ${sorted.join(',')}: a mutation applied twice or lost`)
  }
  return out
}

interface ChildRun {
  lines: string[]
  stderr: string
  code: number | null
  signal: NodeJS.Signals | null
  killed: boolean
}

/** Starts this file as a child device; SIGKILLs it `extraMs` after its `killAfterLines`-th event line. */
function runChild(args: string[], kill: { killAfterLines?: number; extraMs?: number }): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const run: ChildRun = { lines: [], stderr: '', code: null, signal: null, killed: false }
  let buffered = ''
  // A work run counts lines from its READY (after the login sync); a finishing run from the start.
  let ready = kill.killAfterLines === undefined
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d: string) => (run.stderr += d))
  child.stdout.on('data', (d: string) => {
    buffered += d
    let nl: number
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl)
      buffered = buffered.slice(nl + 1)
      if (line === 'READY') {
        ready = true
        continue
      }
      if (!ready) continue
      // Lines printed after the kill was ordered still happened (the pipe write is synchronous): kept.
      run.lines.push(line)
      if (kill.killAfterLines !== undefined && !run.killed && run.lines.length === kill.killAfterLines) {
        run.killed = true
        setTimeout(() => child.kill('SIGKILL'), kill.extraMs ?? 0)
      }
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      run.code = code
      run.signal = signal
      resolve(run)
    })
  })
}

/**
 * The child: a real device (`createDevice`, the app's services) logged in online as `norsk`.
 * `work` prints READY after its login sync, then SAVE i / COMMITTED id around each save and
 * PUSH / PUSHED around each sync; `finish` syncs until nothing is pending and prints the outbox.
 */
async function child(mode: string, dataDir: string, serverUrl: string, personId: string): Promise<void> {
  const { createDevice } = await import('../src/main/services')
  const { outbox } = await import('../src/main/db/schema')
  const { asc, eq } = await import('drizzle-orm')
  const device = createDevice({
    dataDir,
    serverUrl,
    pullLimit: 50,
    syncIntervalMs: 3_600_000,
    healthIntervalMs: 100,
    allowSynthetic: true,
    requestTimeoutMs: 10_000,
    log: { info: () => undefined, error: (m, e) => console.error(m, e) },
  })
  const login = await device.dispatch('session.login', { username: 'norsk', password: 'demo1234' })
  if (!login.ok) throw new Error(`login: ${JSON.stringify(login.reasons)}`)
  const sync = device.ctx.session!.sync
  await sync.whenIdle()
  const replica = device.ctx.session!.replica
  const today = osloDateOfMs(Date.now())
  if (mode === 'finish') {
    for (let i = 0; i < 50 && replica.db.select().from(outbox).where(eq(outbox.state, 'pending')).all().length > 0; i++) {
      sync.run()
      await sync.whenIdle()
      await new Promise((r) => setTimeout(r, 100))
    }
    const rows = replica.db.select({ id: outbox.id, seq: outbox.seq, state: outbox.state, command: outbox.command }).from(outbox).orderBy(asc(outbox.seq)).all()
    process.stdout.write(`OUTBOX ${JSON.stringify(rows)}\n`)
    await device.close()
    return
  }
  process.stdout.write('READY\n')
  const save = async (name: string, input: object, i: number) => {
    process.stdout.write(`SAVE ${i}\n`)
    const res = (await device.dispatch(name, input)) as { ok: true; value: { mutationId: string } } | { ok: false; reasons: unknown }
    if (!res.ok) throw new Error(`${name} refused: ${JSON.stringify(res.reasons)}`)
    process.stdout.write(`COMMITTED ${res.value.mutationId}\n`)
  }
  await save('decision.register', grantedNorskDecision(personId, today), 0)
  // Eight weeks, each saved three times with other hours: creates first, then edits of rows sent or not.
  const weeks = Array.from({ length: 8 }, (_, back) => weekRow(personId, today, back))
  for (let i = 1; i <= SAVES_PER_RUN; i++) {
    const w = weeks[(i - 1) % weeks.length]
    await save('norsk.saveWeeklyParticipation', { ...w, norskHours: 4 + (i % 5) * 0.5 }, i)
    if (i % PUSH_EVERY === 0) {
      process.stdout.write('PUSH\n')
      sync.run()
      await sync.whenIdle()
      process.stdout.write('PUSHED\n')
    }
  }
  process.stdout.write('END\n')
  await device.close()
}

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const v = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} takes a whole number`)
  return v
}

const self = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]
if (self) {
  const at = process.argv.indexOf('--child')
  if (at >= 0) {
    const [mode, dataDir, serverUrl, personId] = process.argv.slice(at + 1)
    child(mode, dataDir, serverUrl, personId).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  } else {
    runCrashTrials({ trials: arg('trials', 10), seed: arg('seed', 1) }).then(
      (r) => process.exit(r.violations.length > 0 ? 1 : 0),
      (err: unknown) => {
        console.error(err)
        process.exit(2)
      },
    )
  }
}
