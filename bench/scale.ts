/**
 * Municipality scale (issue 12 points 4–6): `npm run bench -- scale`.
 *
 * For N = 2,000, 10,000, 20,000 persons (`NIR_BENCH_SCALE_SIZES`, comma-separated;
 * `NIR_BENCH_SCALE_50K=1` adds 50,000) a fresh demo register (PostgreSQL when
 * `NIR_BENCH_DATABASE_URL` / `TEST_DATABASE_URL` / `DATABASE_URL` is set, else PGlite), a real device,
 * real HTTP, and:
 * - `scale.firstSync.<N>`: login + first sync, beside the same-run bulk insert of the very rows
 *   the sync wrote into a fresh plain file in one transaction (schema and indexes first, as
 *   the sync has them) — the issue's goal: under 60 s for 20,000 persons;
 * - `scale.firstSync.device.<N>`: the device's part of that sync — the pages it received,
 *   recorded as they came over the wire, parsed and applied again (`applyPage`) into a fresh
 *   encrypted replica — beside the same plain bulk insert: the issue's "within 3× a raw bulk
 *   insert into a plain file". Read so, because the rest of the wall time is the register on
 *   the same two cores reading its database, which no device-side change can shorten;
 * - `scale.encryption.<N>`: those pages applied into an encrypted replica beside the same into
 *   a plain one (same schema and settings, no key): the issue's encryption overhead "the same
 *   sync into an unencrypted file", goal under 15 %; `scale.encryption.bulkInsert.<N>`: the raw
 *   bulk insert encrypted beside plain, the cipher's floor;
 * - on the largest N up to 20,000, and again after growing that replica to
 *   `NIR_BENCH_SCALE_SEARCH` (100,000) persons through the real apply path:
 *   `scale.search.namePrefix.p95.<P>` (three letters of a surname, the device's search) beside the
 *   bare FTS5 prefix query, and `scale.search.nationalId.p95.<P>` beside the bare index query;
 * - `scale.concurrent.<D>`: D = 20 (`NIR_BENCH_SCALE_DEVICES`) devices first-syncing at once from one
 *   register of `NIR_BENCH_SCALE_CONCURRENT_PERSONS` (1,000) persons: the p95 of a device's sync
 *   beside one device syncing alone, and the throughput (persons/s) beside that single device's.
 * Each figure's line on stderr/stdout gives the load average when it was taken: a shared machine
 * makes wall times noise, ratios hold better.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Replica } from '../src/main/db/open'
import { openReplica, prepareReplica, REPLICA_CACHE_KIB } from '../src/main/db/open'
import { createDevice, type Device } from '../src/main/services'
import { applyPage } from '../src/main/sync/apply'
import { COMMIT_CHANGES } from '../src/main/sync/pull'
import { startRegister } from '../src/server'
import type { SearchResult, SyncStatus } from '../src/shared/api'
import type { ChangeSet } from '../src/shared/sync'
import { pullResponseSchema } from '../src/shared/sync'
import { log, report } from './harness'
import { benchDatabase } from './postgres'

const SIZES = [...(process.env.NIR_BENCH_SCALE_SIZES ?? '2000,10000,20000').split(',').map(Number), ...(process.env.NIR_BENCH_SCALE_50K === '1' ? [50_000] : [])]
const SEARCH_PERSONS = Number(process.env.NIR_BENCH_SCALE_SEARCH ?? 100_000)
const DEVICES = Number(process.env.NIR_BENCH_SCALE_DEVICES ?? 20)
const CONCURRENT_PERSONS = Number(process.env.NIR_BENCH_SCALE_CONCURRENT_PERSONS ?? 1000)
const PAGE = 500
const USER = 'intro'
const PASSWORD = 'demo1234'
const SEARCHES = 200

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

async function withRegister<T>(dir: string, persons: number, fn: (url: string) => Promise<T>): Promise<T> {
  const db = await benchDatabase()
  const t = performance.now()
  const register = await startRegister({ ...(db ? { databaseUrl: db.url } : { dataDir: join(dir, `register-${persons}`) }), port: 0, demo: { persons } })
  log(`  ${db ? 'PostgreSQL' : 'PGlite'} demo register of ${persons} persons seeded in ${((performance.now() - t) / 1000).toFixed(1)} s (load ${load()})`)
  try {
    return await fn(register.url)
  } finally {
    await register.close()
    await db?.drop()
  }
}

/** The device's fetch, keeping the body of every pull page as it came over the wire (for `replay`). */
function recordingFetch(pages: string[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init)
    if (String(input).includes('/sync/pull')) pages.push(await res.clone().text())
    return res
  }
}

function newDevice(dataDir: string, url: string, recordPages?: string[]): Device {
  return createDevice({
    dataDir,
    serverUrl: url,
    ...(recordPages ? { fetch: recordingFetch(recordPages) } : {}),
    pullLimit: PAGE,
    // Twenty devices on two loaded cores wait long for a page; the app's default would give up and go offline.
    requestTimeoutMs: 300_000,
    syncIntervalMs: 3_600_000,
    allowSynthetic: true,
    log: { info: () => undefined, error: (m, e) => console.error(m, e) },
  })
}

/** Login + first sync; the wall time in ms. */
async function firstSync(device: Device, expectPersons: number): Promise<number> {
  const t = performance.now()
  const res = await device.dispatch('session.login', { username: USER, password: PASSWORD })
  if (!res.ok) throw new Error(`login failed: ${JSON.stringify(res.reasons)}`)
  await device.ctx.session!.sync.whenIdle()
  const ms = performance.now() - t
  const status = await device.dispatch('sync.status', {})
  if (!status.ok || (status.value as SyncStatus).personsInReplica < expectPersons * 0.9) throw new Error(`first sync incomplete: ${JSON.stringify(status)}`)
  return ms
}

// ---- bulk insert baseline -------------------------------------------------------------

interface Dump {
  schema: string[]
  tables: { name: string; columns: string[]; rows: unknown[][] }[]
  rows: number
}

/** Every table of the replica (schema in creation order, rows as arrays); FTS shadow tables come with their virtual table. */
export function dump(sqlite: Database.Database): Dump {
  const objects = sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as {
    type: string
    name: string
    sql: string
  }[]
  const virtual = objects.filter((o) => /CREATE VIRTUAL TABLE/i.test(o.sql)).map((o) => o.name)
  const own = objects.filter((o) => !virtual.some((v) => o.name.startsWith(`${v}_`)))
  const tables = own
    .filter((o) => o.type === 'table')
    .map((o) => {
      const stmt = sqlite.prepare(`SELECT * FROM "${o.name}"`)
      return { name: o.name, columns: stmt.columns().map((c) => c.name), rows: stmt.raw().all() as unknown[][] }
    })
  return { schema: own.map((o) => o.sql), tables, rows: tables.reduce((s, t) => s + t.rows.length, 0) }
}

/** The dump into a fresh file (encrypted with a random key, or plain) in one transaction; the wall time in ms. */
export function bulkInsert(file: string, d: Dump, encrypted: boolean): number {
  const db = new Database(file)
  try {
    if (encrypted) db.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`)
    db.pragma('journal_mode = WAL')
    db.pragma(`cache_size = ${REPLICA_CACHE_KIB}`)
    for (const s of d.schema) db.exec(s)
    const t = performance.now()
    db.transaction(() => {
      for (const table of d.tables) {
        if (!table.rows.length) continue
        const insert = db.prepare(`INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`)
        for (const r of table.rows) insert.run(r)
      }
    })()
    return performance.now() - t
  } finally {
    db.close()
  }
}

// ---- the device's part of the sync -----------------------------------------------------

/**
 * A fresh replica, encrypted with a random key as the app opens it (`openReplica`) or plain:
 * the same schema, settings and migrations on an unkeyed file (`prepareReplica`).
 */
function freshReplica(file: string, encrypted: boolean): Replica {
  if (encrypted) return openReplica({ file, key: randomBytes(32) })
  const sqlite = new Database(file)
  try {
    return prepareReplica(sqlite, file, true)
  } catch (err) {
    sqlite.close()
    throw err
  }
}

/**
 * The first sync's recorded pages, parsed and applied as the pull applies them (`applyPage`,
 * pages held until `COMMIT_CHANGES` changes or the last page, then one transaction with the
 * last cursor) into a fresh replica: the device's whole part of the sync without the register
 * and the wire. Wall time in ms.
 */
function replay(file: string, pages: string[], encrypted: boolean): number {
  const replica = freshReplica(file, encrypted)
  try {
    const t = performance.now()
    let held: ChangeSet[] = []
    let changes = 0
    for (const text of pages) {
      const page = pullResponseSchema.parse(JSON.parse(text))
      if (page.status !== 'ok') throw new Error('a recorded page asks for a reset')
      held.push(...page.changeSets)
      changes += page.changeSets.reduce((n, set) => n + set.changes.length, 0)
      if (changes < COMMIT_CHANGES && page.hasMore) continue
      applyPage(replica, held, { cursor: page.cursor, serverTime: page.serverTime, serverOffsetMs: 0, complete: !page.hasMore })
      held = []
      changes = 0
    }
    return performance.now() - t
  } finally {
    replica.close()
  }
}

// ---- search ---------------------------------------------------------------------------

function p95(times: number[]): number {
  const s = [...times].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < SEARCHES; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return times
}

function timeSync(fn: () => unknown): number[] {
  const times: number[] = []
  for (let i = 0; i < SEARCHES; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times
}

async function searchFigures(device: Device, persons: number): Promise<void> {
  const replica = device.ctx.session!.replica
  const someone = replica.sqlite
    .prepare(
      'SELECT last_name AS lastName, national_id AS nationalId FROM persons WHERE national_id IS NOT NULL AND length(last_name) >= 3 AND deleted = 0 AND cached_read_only = 0 ORDER BY id LIMIT 1',
    )
    .get() as { lastName: string; nationalId: string }
  const prefix = someone.lastName.slice(0, 3)
  const search = async (query: string) => {
    const r = await device.dispatch('persons.search', { query })
    if (!r.ok || (r.value as SearchResult).hits.length === 0) throw new Error(`search ${query} found nothing`)
  }
  const fold = prefix.toLocaleLowerCase('nb')
  const bareName = replica.sqlite.prepare('SELECT rowid FROM person_names WHERE person_names MATCH ?').pluck()
  const bareId = replica.sqlite.prepare('SELECT id FROM persons WHERE national_id = ?').pluck()
  await search(prefix)
  const nameTimes = await timeAsync(() => search(prefix))
  const name = p95(nameTimes)
  const nameBare = p95(timeSync(() => bareName.all(`"${fold}"*`)))
  const hits = (bareName.all(`"${fold}"*`) as unknown[]).length
  report({
    name: `scale.search.namePrefix.p95.${persons}`,
    value: name,
    unit: 'ms',
    baseline: nameBare,
    baselineLabel: `bare FTS5 prefix query, same file (${hits} candidates; load ${load()})`,
  })
  const idTimes = await timeAsync(() => search(someone.nationalId))
  const id = p95(idTimes)
  const idBare = p95(timeSync(() => bareId.all(someone.nationalId)))
  report({
    name: `scale.search.nationalId.p95.${persons}`,
    value: id,
    unit: 'ms',
    baseline: idBare,
    baselineLabel: `bare national_id index query, same file (median ${median(idTimes).toFixed(2)} ms; load ${load()})`,
  })
}

/** Grows the replica to `target` persons through the real apply path: copies of its persons under new ids, DUF numbers and no national id. */
export function growTo(replica: Replica, target: number): void {
  const base = replica.sqlite.prepare('SELECT * FROM persons WHERE deleted = 0 AND cached_read_only = 0').all() as Record<string, unknown>[]
  const current = base.length
  const toDomain = (r: Record<string, unknown>, i: number) => ({
    id: `bench-${i}`,
    duf: String(300000000000 + i),
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    firstName: r.first_name,
    middleName: r.middle_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    sex: r.sex,
    closed: false,
    arrivalDate: r.arrival_date,
    followUpMunicipality: r.follow_up_municipality,
    followUpDistrict: r.follow_up_district,
    followUpByAgreement: Boolean(r.follow_up_by_agreement),
    receptionCentre: r.reception_centre,
  })
  const cursor = replica.sqlite.prepare('SELECT cursor_epoch AS epoch, cursor_seq AS seq FROM sync_state WHERE id = 1').get() as { epoch: string; seq: number }
  for (let i = current; i < target; i += 1000) {
    const sets: ChangeSet[] = []
    for (let j = i; j < Math.min(target, i + 1000); j++) {
      sets.push({ seq: cursor.seq, changes: [{ kind: 'upsert', entity: 'person', id: `bench-${j}`, version: 1, data: toDomain(base[j % current], j) as never }] })
    }
    applyPage(replica, sets, { cursor, serverTime: new Date().toISOString(), serverOffsetMs: 0, complete: true })
  }
  replica.sqlite.pragma('optimize')
}

// ---- the bench ------------------------------------------------------------------------

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nir-bench-scale-'))
  try {
    const searchAt = Math.max(...SIZES.filter((n) => n <= 20_000))
    for (const n of SIZES) {
      log(`scale: first sync of ${n} persons (load ${load()}) …`)
      await withRegister(dir, n, async (url) => {
        const pages: string[] = []
        const device = newDevice(join(dir, `device-${n}`), url, pages)
        try {
          const ms = await firstSync(device, n)
          const replica = device.ctx.session!.replica
          const d = dump(replica.sqlite)
          const enc = bulkInsert(join(dir, `bulk-enc-${n}.db`), d, true)
          const plain = bulkInsert(join(dir, `bulk-plain-${n}.db`), d, false)
          // The device's part, encrypted and plain in turn, twice each: the faster of each pair.
          const applyEnc: number[] = []
          const applyPlain: number[] = []
          for (let i = 0; i < 2; i++) {
            applyEnc.push(replay(join(dir, `replay-enc-${n}-${i}.db`), pages, true))
            applyPlain.push(replay(join(dir, `replay-plain-${n}-${i}.db`), pages, false))
          }
          const deviceMs = Math.min(...applyEnc)
          report({
            name: `scale.firstSync.${n}`,
            value: ms / 1000,
            unit: 's',
            baseline: plain / 1000,
            baselineLabel: `bulk insert of the same ${d.rows} rows into a plain file, one transaction (goal: under 60 s at 20,000; load ${load()})`,
          })
          report({
            name: `scale.firstSync.device.${n}`,
            value: deviceMs / 1000,
            unit: 's',
            baseline: plain / 1000,
            baselineLabel: `the same plain bulk insert (goal: within 3×); the device's part of the sync: its ${pages.length} pages parsed and applied into a fresh encrypted replica (load ${load()})`,
          })
          report({
            name: `scale.encryption.${n}`,
            value: deviceMs / 1000,
            unit: 's',
            baseline: Math.min(...applyPlain) / 1000,
            baselineLabel: `the same pages applied into a plain replica (goal: under 1.15×; load ${load()})`,
          })
          report({
            name: `scale.encryption.bulkInsert.${n}`,
            value: enc / 1000,
            unit: 's',
            baseline: plain / 1000,
            baselineLabel: `the bulk insert encrypted, beside plain (load ${load()})`,
          })
          if (n === searchAt) {
            await searchFigures(device, n)
            log(`scale: growing the replica to ${SEARCH_PERSONS} persons through the apply path …`)
            growTo(replica, SEARCH_PERSONS)
            await searchFigures(device, SEARCH_PERSONS)
          }
        } finally {
          await device.close()
        }
      })
    }

    log(`scale: ${DEVICES} concurrent first syncs of ${CONCURRENT_PERSONS} persons (load ${load()}) …`)
    await withRegister(dir, CONCURRENT_PERSONS, async (url) => {
      const alone = newDevice(join(dir, 'alone'), url)
      const single = await firstSync(alone, CONCURRENT_PERSONS)
      await alone.close()
      const devices = Array.from({ length: DEVICES }, (_, i) => newDevice(join(dir, `many-${i}`), url))
      const t = performance.now()
      const each = await Promise.all(devices.map((d) => firstSync(d, CONCURRENT_PERSONS)))
      const wall = performance.now() - t
      await Promise.all(devices.map((d) => d.close()))
      report({
        name: `scale.concurrent.${DEVICES}.p95`,
        value: p95(each) / 1000,
        unit: 's',
        baseline: single / 1000,
        baselineLabel: `one device alone, same register (load ${load()})`,
      })
      report({
        name: `scale.concurrent.${DEVICES}.throughput`,
        value: (DEVICES * CONCURRENT_PERSONS) / (wall / 1000),
        unit: 'pers/s',
        baseline: CONCURRENT_PERSONS / (single / 1000),
        baselineLabel: `one device alone (load ${load()})`,
      })
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
