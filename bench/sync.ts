/**
 * First sync of the demo municipality (issue: "the first: the first sync of the demo
 * municipality"): a real register on PGlite with the default demo (2,000 persons in 4601),
 * a real device with an encrypted replica, real HTTP on 127.0.0.1.
 *
 * Baselines, measured in the same run:
 * - first sync: fetching the very same pages over HTTP without applying them (register +
 *   network + JSON), so the ratio is the device's own cost on top of what it must download;
 * - replica size: the JSON bytes the pull transferred;
 * - name search: a DUF search (exact index) on the same replica;
 * - scope exits: the same number of persons' scope exits with `secure_delete` off.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Replica } from '../src/main/db/open'
import { createDevice } from '../src/main/services'
import { applyPage } from '../src/main/sync/apply'
import { startRegister } from '../src/server'
import type { SearchResult, SyncStatus } from '../src/shared/api'
import { encodeCursor, pullResponseSchema, zeroCursor, type Change, type Cursor } from '../src/shared/sync'
import { log, report, timeOnce } from './harness'

const PERSONS = Number(process.env.NIR_BENCH_PERSONS ?? 2000)
const PAGE = 500
const USER = 'intro'
const PASSWORD = 'demo1234'

/** Every pull page from cursor zero, fetched and parsed but not applied. */
async function rawPull(url: string): Promise<{ bytes: number; changeSets: number }> {
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  let cursor: Cursor = zeroCursor
  let bytes = 0
  let changeSets = 0
  for (;;) {
    const res = await fetch(`${url}/sync/pull?cursor=${encodeURIComponent(encodeCursor(cursor))}&limit=${PAGE}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
    const text = await res.text()
    bytes += Buffer.byteLength(text)
    const page = pullResponseSchema.parse(JSON.parse(text))
    if (page.status !== 'ok') throw new Error('unexpected reset')
    changeSets += page.changeSets.length
    cursor = page.cursor
    if (!page.hasMore) return { bytes, changeSets }
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nir-bench-sync-'))
  try {
    log(`seeding a register with the demo municipality (${PERSONS} persons in 4601) …`)
    const register = await startRegister({ dataDir: join(dir, 'register'), port: 0, demo: { persons: PERSONS } })
    try {
      // Warm the register's caches and the HTTP path once, then measure the baseline.
      await rawPull(register.url)
      const rawCpu = process.cpuUsage()
      const raw = await timeOnce(() => rawPull(register.url))
      const rawCpuMs = cpuMsSince(rawCpu)

      const device = createDevice({
        dataDir: join(dir, 'device'),
        serverUrl: register.url,
        pullLimit: PAGE,
        syncIntervalMs: 3_600_000,
        allowSynthetic: true,
        log: { info: () => undefined, error: (m, e) => console.error(m, e) },
      })
      const syncCpu = process.cpuUsage()
      const sync = await timeOnce(async () => {
        const res = await device.dispatch('session.login', { username: USER, password: PASSWORD })
        if (!res.ok) throw new Error(`login failed: ${JSON.stringify(res.reasons)}`)
        await device.ctx.session!.sync.whenIdle()
      })
      const syncCpuMs = cpuMsSince(syncCpu)
      const status = await device.dispatch('sync.status', {})
      if (!status.ok || (status.value as SyncStatus).personsInReplica < PERSONS * 0.9) {
        throw new Error(`first sync incomplete: ${JSON.stringify(status)}`)
      }
      report({
        name: 'sync.firstSync.demoMunicipality',
        value: sync.ms / 1000,
        unit: 's',
        baseline: raw.ms / 1000,
        baselineLabel: `download of the same ${raw.value.changeSets} change sets without applying`,
      })

      // CPU of this process (register and device both run here): steadier than wall time on a shared machine.
      report({
        name: 'sync.firstSync.demoMunicipality.cpu',
        value: syncCpuMs / 1000,
        unit: 's',
        baseline: rawCpuMs / 1000,
        baselineLabel: 'CPU of the download without applying',
      })

      const search = async (query: string) => {
        const r = await device.dispatch('persons.search', { query })
        const hits = r.ok ? (r.value as SearchResult).hits : []
        if (hits.length === 0) throw new Error(`search ${query} found nothing`)
        return hits[0]
      }
      const someone = await search('a')
      const byName = await timeManyAsync(() => search(someone.lastName.slice(0, 3)), 200)
      const byDuf = await timeManyAsync(() => search(someone.duf), 200)
      report({ name: 'search.namePrefix.median', value: byName, unit: 'ms', baseline: byDuf, baselineLabel: 'DUF search (exact index), same replica' })

      const session = device.ctx.session!
      session.replica.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      const file = session.replica.file
      report({ name: 'sync.replicaSize', value: statSync(file).size / 1e6, unit: 'MB', baseline: raw.value.bytes / 1e6, baselineLabel: 'JSON bytes of the pull' })
      scopeExitFigure(session.replica)
      await device.close()
    } finally {
      await register.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * What `secure_delete` (deleted rows zeroed, issue 11) costs where the replica deletes most:
 * scope exits of the synced persons, each quarter of them applied as one page as a pull does
 * and checkpointed into the file, with the setting off, on, on, off (so a drift of the shared
 * machine falls on both alike). The figure is the two quarters with it on; the baseline the two without.
 */
function scopeExitFigure(replica: Replica): void {
  const all = (replica.sqlite.prepare('SELECT id FROM persons ORDER BY id').all() as { id: string }[]).map((r) => r.id)
  const quarter = Math.floor((all.length * 0.9) / 4)
  // A warm-up tenth first, not counted: the first scope exits pay for the statements' preparation.
  const ids = all.slice(all.length - 4 * quarter)
  const exits = (personIds: string[], secureDelete: boolean): number => {
    replica.sqlite.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`)
    const t = performance.now()
    const changes: Change[] = personIds.map((personId) => ({ kind: 'scopeExit', personId }))
    applyPage(replica, [{ seq: 1, changes }], { cursor: { epoch: 'bench', seq: 1 }, serverTime: new Date().toISOString(), serverOffsetMs: 0, complete: false })
    replica.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return performance.now() - t
  }
  exits(all.slice(0, all.length - 4 * quarter), true)
  const ms = { on: 0, off: 0 }
  ;[false, true, true, false].forEach((on, i) => {
    ms[on ? 'on' : 'off'] += exits(ids.slice(i * quarter, (i + 1) * quarter), on)
  })
  replica.sqlite.pragma('secure_delete = ON')
  report({
    name: `replica.scopeExits.${2 * quarter}`,
    value: ms.on,
    unit: 'ms',
    baseline: ms.off,
    baselineLabel: `another ${2 * quarter} persons' scope exits with secure_delete off`,
  })
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start)
  return (d.user + d.system) / 1000
}

/** Median of an async operation (timeMany is for synchronous work). */
async function timeManyAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}
