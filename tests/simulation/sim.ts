import { randomUUID } from 'node:crypto'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import { addDays, isoWeek, isoWeekRange } from '../../src/shared/calendar'
import type { Command } from '../../src/shared/domain/command'
import { judgedTime, osloDateOfMs } from '../../src/shared/rules'
import { checkOnServer, getServerMeta, importNdjson, openDatabase, projectScope, renewEpoch, startRegister } from '../../src/server'
import { auditLog, mutations, weeklyParticipation as registerWeeks } from '../../src/server/db/schema'
import { nextSeqs, takeChangeLock } from '../../src/server/sync/change-lock'
import { decisions as registerDecisions } from '../../src/server/db/schema'
import { measures, outbox, persons as replicaPersons, syncState, weeklyParticipation } from '../../src/main/db/schema'
import { hasOpenWork } from '../../src/main/sync/problems'
import { runCycle } from '../../src/main/sync/cycle'
import { SyncScheduler } from '../../src/main/sync/scheduler'
import { pendingScopeExitsOf } from '../../src/main/sync/status'
import { readSyncState } from '../../src/main/db/state'
import { recordScopeExitConfirmation } from '../../src/main/services/scope-exits'
import { openReplica } from '../../src/main/db/open'
import { replicaFile } from '../../src/main/db/vault'
import { readKeyFile, unwrapKey } from '../../src/main/crypto/keyfile'
import type { User } from '../../src/shared/domain'
import { retryNow } from '../../src/main/sync/push'
import type { Device } from '../../src/main/services'
import { PASSWORD, replicaSnapshot, serverSnapshot, tempDir, testDevice } from '../integration/sync/helpers'
import { grantedNorskDecision, importNorskPerson, mondayBefore } from '../integration/sync/registration-fixture'
import { Prng } from './prng'
import { faultKinds, SimTransport, type FaultCounts } from './transport'

/**
 * A9 deterministic sync simulation: one register (real, on PGlite or PostgreSQL, over real
 * HTTP), three real encrypted replicas of users in the same municipality, and a seeded list
 * of actions run one at a time through a faulty transport. The seven invariants are checked
 * after every step and at the end (see `checkStep` / `checkEnd`).
 */

/** The users of the three devices: all in Bergen (4601); 0 and 1 register Norwegian training, 1 and 2 intro measures. */
export const USERS = ['norsk', 'etterreg', 'intro'] as const
const NORSK_DEVICES = [0, 1]
const INTRO_DEVICES = [1, 2]
const NORSK_PERSON = 'sim-norsk-person'
const INTRO_PERSON = 'sim-intro-person'
const MUNICIPALITY = '4601'
/** Where a scope step moves the Norwegian-training person (Oslo): out of every device's scope. */
const OTHER_MUNICIPALITY = '0301'
const NORSK_DUF = '201900077001'
/** A5 tolerance; skews stay within it (so nothing may ever be judged at the register's own time). */
const SKEW_MAX_MS = 4 * 60_000
const HOURS = [0, 3, 6, 7.5, 10] as const
const MEASURE_HOURS = [10, 15, 20, 25, 30] as const

export type Action =
  | { k: 'saveWeek'; dev: number; week: number; hours: number }
  | { k: 'deleteWeek'; dev: number; week: number }
  | { k: 'decision'; dev: number }
  | { k: 'contact'; dev: number }
  | { k: 'editMeasure'; dev: number; hours: number }
  | { k: 'sync'; dev: number; net: number }
  | { k: 'offline'; dev: number }
  | { k: 'online'; dev: number }
  | { k: 'crashBeforeCommit'; dev: number; week: number; hours: number }
  | { k: 'skew'; dev: number; ms: number }
  | { k: 'import'; variant: number }
  | { k: 'resolve'; dev: number; overwrite: boolean }
  | { k: 'deliverLate' }
  | { k: 'epochChange' }
  | { k: 'scope' }
  | { k: 'reorder'; dev: number; net: number }
  | { k: 'concurrent'; dev: number; net: number }

export type Defect = 'dropOutboxRow' | 'replayWithNewIds'

export interface Violation {
  /** 1–7 as in A9 / issue 12; 0: a crash before the local commit wrote something; 8: two sync cycles of one device overlapped (A4: the scheduler serialises them). */
  invariant: number
  step: number
  message: string
}

export interface DbOptions {
  databaseUrl?: string
  dataDir?: string
  pgliteTemplate?: Blob
}

export interface SimOptions {
  seed: number
  steps: number
  host: SimHost
  /** Replay exactly these actions (shrinking, reproducing) instead of generating from the seed. */
  actions?: Action[]
  defect?: Defect
  /** Chance of a fault per request (default 0.3); the defect tests use 0 so only the defect acts. */
  faultRate?: number
}

/** Faults and events the simulation makes itself (the transport counts the wire's). */
export const simKinds = ['crashBeforeCommit', 'skew', 'import', 'epochChange', 'scopeExit', 'scopeEntry', 'concurrentCycles'] as const
export type SimCounts = Record<(typeof simKinds)[number], number>

export interface SimResult {
  seed: number
  actions: Action[]
  steps: number
  faults: FaultCounts & SimCounts
  /** The register's verdicts over the run (applied, rejected, conflict): evidence that the steps did something. */
  verdicts: Record<string, number>
  /** Milliseconds: setting up the run (copies of the base), the steps, the checks after each step, the quiet sync with the final checks, and closing. */
  ms: { setup: number; steps: number; checks: number; end: number; close: number }
  violations: Violation[]
}

/** The action list of a seed: weighted kinds, each with its own seed for the transport's faults. */
export function generateActions(seed: number, steps: number): Action[] {
  const rng = new Prng(seed)
  const weighted: [Action['k'], number][] = [
    ['saveWeek', 20],
    ['deleteWeek', 5],
    ['editMeasure', 10],
    ['decision', 2],
    ['contact', 4],
    ['sync', 28],
    ['offline', 4],
    ['online', 6],
    ['crashBeforeCommit', 3],
    ['skew', 3],
    ['import', 3],
    ['resolve', 4],
    ['deliverLate', 2],
    ['epochChange', 1],
    ['scope', 2],
    ['reorder', 3],
    ['concurrent', 3],
  ]
  const total = weighted.reduce((s, [, w]) => s + w, 0)
  const out: Action[] = []
  for (let i = 0; i < steps; i++) {
    let r = rng.next() * total
    const k = weighted.find(([, w]) => (r -= w) < 0)![0]
    const norsk = rng.pick(NORSK_DEVICES)
    const intro = rng.pick(INTRO_DEVICES)
    const any = rng.int(0, USERS.length - 1)
    const week = rng.int(1, 4)
    switch (k) {
      case 'saveWeek':
      case 'crashBeforeCommit':
        out.push({ k, dev: norsk, week, hours: rng.pick(HOURS) })
        break
      case 'deleteWeek':
        out.push({ k, dev: norsk, week })
        break
      case 'decision':
      case 'contact':
        out.push({ k, dev: norsk })
        break
      case 'editMeasure':
        out.push({ k, dev: intro, hours: rng.pick(MEASURE_HOURS) })
        break
      case 'sync':
        out.push({ k, dev: any, net: rng.int(1, 2 ** 31) })
        break
      case 'offline':
      case 'online':
        out.push({ k, dev: any })
        break
      case 'skew':
        out.push({ k, dev: any, ms: rng.int(-SKEW_MAX_MS, SKEW_MAX_MS) })
        break
      case 'import':
        out.push({ k, variant: rng.int(1, 1000) })
        break
      case 'resolve':
        out.push({ k, dev: any, overwrite: rng.chance(0.5) })
        break
      case 'deliverLate':
      case 'epochChange':
      case 'scope':
        out.push({ k })
        break
      case 'reorder':
      case 'concurrent':
        out.push({ k, dev: any, net: rng.int(1, 2 ** 31) })
        break
    }
  }
  return out
}

/** A migrated, seeded PGlite data folder without `server_meta`, for runs outside vitest (the CLI). */
export async function pgliteTemplate(): Promise<Blob> {
  const o = await openDatabase({ dataDir: ':memory:' })
  await o.db.execute(sql`delete from server_meta`)
  const blob = await o.dump!()
  await o.close()
  return blob
}

type Register = Awaited<ReturnType<typeof startRegister>>

/**
 * The state every run starts from, made once by the real path: the register seeded, the
 * three caseworkers logged in (password checked by the register, replica key unwrapped,
 * refresh token bound), their first syncs, and the shared decision and measure synced to
 * every device. A run then starts from copies: the register's data tables put back to these
 * rows, and each device's data folder (the encrypted replica file, its key file and refresh
 * token file) copied. Why: the logins (nine scrypt derivations) and first syncs were two
 * thirds of a run's cost, and none of it is what a run tests.
 */
export interface Base {
  today: string
  builtAt: number
  /** The devices' data folders (closed replicas), copied for each run. */
  dir: { dir: string; remove(): void }
  registerRows: Map<string, unknown[]>
  epoch: string
  /** Per device: the replica key as the session holds it once unlocked (unwrapped once, here). */
  keys: Buffer[]
  users: User[]
  /** Per device: the access token of the base login (10 minutes; `BASE_MAX_AGE_MS` rebuilds the base well before). */
  tokens: string[]
  outboxIds: string[][]
  measureId: string
  measureStart: string
}

/** A base older than this is rebuilt, so its access tokens (10 minutes) never expire inside a run. */
const BASE_MAX_AGE_MS = 5 * 60_000

/** Tables of the register's configuration (users, code lists, places): kept between runs. */
const KEEP = new Set(['server_meta', 'users', 'code_lists', 'districts', 'municipalities', 'grants', '__drizzle_migrations'])

/**
 * One register for many runs: starting one (a PGlite restore and migrations) costs seconds
 * where a run costs less, so between runs every data table is put back to what it held at
 * start (the demo's rows), which gives each run the same register as a fresh start would.
 */
export class SimHost {
  private startRows = new Map<string, unknown[]>()
  /** The state every run starts from (see `Base`); built by the first run, again when the day turns or its tokens age. */
  private base: Base | null = null

  private constructor(readonly register: Register) {}

  /** The shared starting state of the runs, built when missing or stale. */
  async baseFor(o: SimOptions): Promise<Base> {
    const today = osloDateOfMs(Date.now())
    if (this.base && (this.base.today !== today || Date.now() - this.base.builtAt > BASE_MAX_AGE_MS)) {
      this.base.dir.remove()
      this.base = null
    }
    this.base ??= await World.buildBase(o)
    return this.base
  }

  /** The register as it was when the base was taken: every data table, and the lineage epoch (an epoch-change step moves it). */
  async restoreBase(base: Base): Promise<void> {
    await this.putBack(base.registerRows)
    await this.register.db.execute(sql`update server_meta set epoch = ${base.epoch} where id = 1`)
  }

  static async open(db: DbOptions): Promise<SimHost> {
    const host = new SimHost(await startRegister({ ...db, port: 0, demo: { persons: 0 } }))
    for (const t of await host.tables()) host.startRows.set(t, await host.rows(sql.raw(`select * from "${t}"`)))
    return host
  }

  async reset(): Promise<void> {
    await this.putBack(this.startRows)
  }

  /** Every data table's rows as they were in `saved` (a snapshot by `snapshot()`). */
  async snapshot(): Promise<Map<string, unknown[]>> {
    const out = new Map<string, unknown[]>()
    for (const t of await this.tables()) out.set(t, await this.rows(sql.raw(`select * from "${t}"`)))
    return out
  }

  private async putBack(saved: Map<string, unknown[]>): Promise<void> {
    const tables = await this.tables()
    await this.register.db.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')}`))
    for (const t of tables) {
      const rows = saved.get(t) ?? []
      if (rows.length)
        await this.register.db.execute(sql`insert into ${sql.identifier(t)} select * from json_populate_recordset(null::${sql.identifier(t)}, ${JSON.stringify(rows)}::json)`)
    }
  }

  close(): Promise<void> {
    this.base?.dir.remove()
    this.base = null
    return this.register.close()
  }

  /** The data tables, each after the tables its foreign keys point to (so rows go back in an order the constraints accept). */
  private async tables(): Promise<string[]> {
    const rows = (await this.rows(sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as { t: string }[]
    const names = rows.map((r) => r.t).filter((t) => !KEEP.has(t))
    const fks = (await this.rows(
      sql`select c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid where k.contype = 'f'`,
    )) as { child: string; parent: string }[]
    const ordered: string[] = []
    const visit = (t: string, path: Set<string>) => {
      if (ordered.includes(t) || path.has(t)) return
      path.add(t)
      for (const fk of fks) if (fk.child === t && fk.parent !== t && names.includes(fk.parent)) visit(fk.parent, path)
      ordered.push(t)
    }
    for (const t of names.sort()) visit(t, new Set())
    return ordered
  }

  private async rows(query: ReturnType<typeof sql.raw>): Promise<unknown[]> {
    const r = (await this.register.db.execute(query)) as unknown as { rows?: unknown[] } | unknown[]
    return Array.isArray(r) ? r : (r.rows ?? [])
  }
}
const quiet = { info: () => undefined, error: () => undefined }
/** Change sets per pull page on the devices: small, so pulls page. */
const PULL_LIMIT = 4
/** Timer intervals that never fire within a run. */
const IDLE_MS = 3_600_000

/** One run: set up, run the actions with checks after each, quiet sync, final checks. */
export async function runSimulation(o: SimOptions): Promise<SimResult> {
  const actions = o.actions ?? generateActions(o.seed, o.steps)
  const started = Date.now()
  const world = await World.create(o)
  const setup = Date.now() - started
  try {
    const violations: Violation[] = []
    const ms = { setup, steps: 0, checks: 0, end: 0, close: 0 }
    const timed = async <T>(phase: 'steps' | 'checks' | 'end', f: () => Promise<T>): Promise<T> => {
      const t = Date.now()
      try {
        return await f()
      } finally {
        ms[phase] += Date.now() - t
      }
    }
    for (let i = 0; i < actions.length; i++) {
      violations.push(...(await timed('steps', () => world.step(actions[i], i, o.seed))))
      violations.push(...(await timed('checks', () => world.checkStep(i))))
      // The first broken invariant is the finding; later ones are mostly its echoes.
      if (violations.length) break
    }
    if (!violations.length) violations.push(...(await timed('end', () => world.quietAndCheckEnd(actions.length))))
    const result = { seed: o.seed, actions, steps: actions.length, faults: world.faultSummary(), verdicts: await world.verdicts(), ms, violations }
    const closing = Date.now()
    await world.close()
    ms.close = Date.now() - closing
    return result
  } catch (err) {
    await world.close()
    throw err
  }
}

/**
 * Smallest action list (by dropping chunks, then single actions) that still breaks the same
 * invariant: what a failure prints next to its seed. Bounded by `budget` re-runs.
 */
export async function shrink(o: SimOptions, failing: SimResult, budget = 30): Promise<Action[]> {
  const target = failing.violations[0].invariant
  let current = failing.actions.slice(0, failing.violations[0].step + 1)
  let runs = 0
  for (let chunk = Math.ceil(current.length / 2); chunk >= 1 && runs < budget; chunk = Math.floor(chunk / 2)) {
    for (let at = 0; at < current.length && runs < budget;) {
      const candidate = [...current.slice(0, at), ...current.slice(at + chunk)]
      runs++
      const r = await runSimulation({ ...o, actions: candidate })
      if (r.violations.some((v) => v.invariant === target)) current = candidate
      else at += chunk
    }
  }
  return current
}

export function describeFailure(r: SimResult, shrunk: Action[]): string {
  return [
    `sync simulation failed: seed ${r.seed} (re-run with NIR_SIM_SEED=${r.seed})`,
    ...r.violations.map((v) => `  invariant ${v.invariant} at step ${v.step}: ${v.message}`),
    `  shrunk to ${shrunk.length} actions:`,
    ...shrunk.map((a) => `    ${JSON.stringify(a)}`),
  ].join('\n')
}

interface SyncMark {
  epoch: string
  seq: number
  lastSyncAt: string | null
}

class World {
  private readonly transport = new SimTransport()
  private readonly tokens: (string | null)[] = []
  private readonly skews = [0, 0, 0]
  /** Every mutation id a device's command made (the register may apply only these, each once). */
  private readonly created = new Set<string>()
  /** Outbox ids seen on each device (invariant 1). */
  private readonly known: Set<string>[] = [new Set(), new Set(), new Set()]
  private readonly marks: (SyncMark | null)[] = [null, null, null]
  private readonly counts: SimCounts = Object.fromEntries(simKinds.map((k) => [k, 0])) as SimCounts
  /** Where the Norwegian-training person is followed up now (a scope step moves them out of Bergen and back). */
  private norskHome = MUNICIPALITY
  private overlapsSeen = 0
  private measureId = ''
  private measureStart = ''
  private readonly today = osloDateOfMs(Date.now())
  private defectArmed = false

  private constructor(
    private readonly register: Register,
    private readonly devices: Device[],
    private readonly dirs: { remove(): void }[],
  ) {}

  /** The devices of one run: copies of the base's data folders, each replica unlocked with its key as the session keeps it. */
  static async create(o: SimOptions): Promise<World> {
    const base = await o.host.baseFor(o)
    await o.host.restoreBase(base)
    const register = o.host.register
    const dirs = USERS.map((u) => tempDir(`sim-${u}`))
    const devices: Device[] = []
    const world = new World(register, devices, dirs)
    try {
      for (let i = 0; i < USERS.length; i++) {
        cpSync(join(base.dir.dir, USERS[i]), dirs[i].dir, { recursive: true })
        const d = world.newDevice(i, dirs[i].dir)
        devices.push(d)
        const replica = openReplica({ file: replicaFile(dirs[i].dir, register.url, USERS[i]), key: base.keys[i] })
        // The scheduler as `ServiceContext.startSync` makes it, not started: the simulation runs cycles itself, one at a time, in step order.
        const sync = new SyncScheduler({
          replica,
          client: d.ctx.client,
          token: base.tokens[i],
          log: quiet,
          pullLimit: PULL_LIMIT,
          intervalMs: IDLE_MS,
          healthIntervalMs: IDLE_MS,
          now: d.ctx.now,
          events: d.ctx.events,
        })
        d.ctx.session = { user: base.users[i], mode: 'online', token: base.tokens[i], replica, sync }
        world.tokens.push(base.tokens[i])
        for (const id of base.outboxIds[i]) {
          world.known[i].add(id)
          world.created.add(id)
        }
      }
      world.measureId = base.measureId
      world.measureStart = base.measureStart
      world.transport.faultRate = o.faultRate ?? 0.3
      // Defects act on the steps only, never on the shared setup.
      world.transport.replayWithNewIds = o.defect === 'replayWithNewIds'
      world.defectArmed = o.defect === 'dropOutboxRow'
      return world
    } catch (err) {
      await world.close()
      throw err
    }
  }

  private newDevice(i: number, dir: string): Device {
    return testDevice(dir, this.register.url, {
      fetch: this.transport.fetchFor(i),
      now: () => new Date(Date.now() + this.skews[i]),
      log: quiet,
      pullLimit: PULL_LIMIT,
      // No background timers: the probe would start cycles between steps.
      syncIntervalMs: IDLE_MS,
      healthIntervalMs: IDLE_MS,
    })
  }

  /** The base (see `Base`) through the app's own login and first sync, with a quiet network. */
  static async buildBase(o: SimOptions): Promise<Base> {
    await o.host.reset()
    const register = o.host.register
    const root = tempDir('sim-base')
    const dirs = USERS.map((u) => ({ dir: join(root.dir, u), remove: () => undefined }))
    const devices: Device[] = []
    const world = new World(register, devices, dirs)
    try {
      await world.seedRegister()
      for (let i = 0; i < USERS.length; i++) {
        devices.push(world.newDevice(i, dirs[i].dir))
        world.tokens.push(null)
      }
      // The three logins at once: their key derivations (scrypt, off the main thread) are most of the setup.
      await Promise.all(
        devices.map(async (d, i) => {
          const res = await d.dispatch('session.login', { username: USERS[i], password: PASSWORD })
          if (!res.ok) throw new Error(`login ${USERS[i]}: ${JSON.stringify(res.reasons)}`)
          await d.ctx.session!.sync.whenIdle()
          await d.ctx.session!.sync.stop()
        }),
      )
      await world.setupShared()
      const sessions = devices.map((d) => d.ctx.session!)
      const base: Base = {
        today: world.today,
        builtAt: Date.now(),
        dir: root,
        registerRows: await o.host.snapshot(),
        epoch: (await getServerMeta(register.db)).epoch,
        keys: [],
        users: sessions.map((s) => s.user),
        tokens: sessions.map((s) => s.token!),
        outboxIds: sessions.map((s) =>
          s.replica.db
            .select({ id: outbox.id })
            .from(outbox)
            .all()
            .map((r) => r.id),
        ),
        measureId: world.measureId,
        measureStart: world.measureStart,
      }
      // Closed, so each file is whole on disk (WAL checkpointed) before a run copies it.
      await world.close()
      for (let i = 0; i < USERS.length; i++) {
        const file = replicaFile(dirs[i].dir, register.url, USERS[i])
        const key = await unwrapKey((await readKeyFile(`${file}.key.json`))!, PASSWORD)
        if (!key) throw new Error(`base: the key of ${USERS[i]} does not unwrap`)
        base.keys.push(key)
      }
      return base
    } catch (err) {
      await world.close()
      root.remove()
      throw err
    }
  }

  /** The Norwegian-training person and the intro person with a granted programme, on the register. */
  private async seedRegister(): Promise<void> {
    const db = this.register.db
    await importNorskPerson(db, NORSK_PERSON, this.today, NORSK_DUF)
    const start = addDays(isoWeekRange(isoWeek(this.today).year, isoWeek(this.today).week).monday, -21)
    const lines = [
      {
        type: 'person',
        id: INTRO_PERSON,
        duf: '202400077002',
        nationalId: null,
        regNumber: null,
        firstName: 'Leyla',
        middleName: null,
        lastName: 'Haddad',
        birthDate: '1992-02-02',
        sex: 'K',
        closed: false,
        arrivalDate: addDays(this.today, -200),
        followUpMunicipality: MUNICIPALITY,
        followUpDistrict: null,
        followUpByAgreement: true,
        receptionCentre: null,
      },
      {
        type: 'permit',
        id: `${INTRO_PERSON}-permit`,
        personId: INTRO_PERSON,
        groundCode: 'UTL28',
        permitType: 'Opphaldsløyve',
        legalBasis: 'utlendingsloven § 28',
        validFrom: addDays(this.today, -190),
        validTo: null,
        grantedDate: addDays(this.today, -190),
      },
      {
        type: 'settlement',
        id: `${INTRO_PERSON}-settlement`,
        personId: INTRO_PERSON,
        date: addDays(this.today, -180),
        municipality: MUNICIPALITY,
        byAgreement: true,
        familyReunification: false,
      },
    ]
    const res = await importNdjson(db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'sim' })
    if (!res.ok) throw new Error(`import: ${JSON.stringify(res)}`)
    const granted = {
      id: `${INTRO_PERSON}-decision`,
      personId: INTRO_PERSON,
      scheme: 'intro' as const,
      type: 'INTRO_PROGRAM' as const,
      result: 'innvilga' as const,
      decisionDate: addDays(start, -7),
      startDate: start,
      endDate: null,
      hours: null,
      reasonCode: null,
      reasonText: null,
      leaveType: null,
      leaveUnit: null,
    }
    await db.transaction(async (tx) => {
      await takeChangeLock(tx)
      const [seq] = await nextSeqs(tx, 1)
      await tx.insert(registerDecisions).values({ ...granted, version: 1, seq, deleted: false })
    })
    this.measureStart = start
  }

  /** A granted Norwegian-training decision and one intro measure every device holds: the rows the steps edit. */
  private async setupShared(): Promise<void> {
    await this.command(0, 'decision.register', grantedNorskDecision(NORSK_PERSON, this.today))
    this.measureId = randomUUID()
    const m = {
      id: this.measureId,
      personId: INTRO_PERSON,
      groupCode: 'NORSK',
      measureCode: 'GRUNNLEGGANDE_NORSK',
      fromDate: this.measureStart,
      toDate: addDays(this.measureStart, 13),
      hoursPerWeek: 30,
    }
    await this.command(2, 'intro.addMeasures', { personId: INTRO_PERSON, measures: [m] })
    for (const i of [0, 2, 0, 1, 2]) await this.cycle(i)
    await this.checkStep(-1)
  }

  async verdicts(): Promise<Record<string, number>> {
    const rows = await this.register.db
      .select({ verdict: mutations.verdict, n: sql<number>`count(*)::int` })
      .from(mutations)
      .groupBy(mutations.verdict)
    return Object.fromEntries(rows.map((r) => [r.verdict, r.n]))
  }

  faultSummary(): SimResult['faults'] {
    return { ...this.transport.faults, ...this.counts }
  }

  async close(): Promise<void> {
    for (const d of this.devices) await d.close().catch(() => undefined)
    for (const d of this.dirs) d.remove()
  }

  /** The device's mutations the register has not answered yet. */
  private waiting(i: number) {
    return this.replica(i)
      .db.select({ id: outbox.id, state: outbox.state })
      .from(outbox)
      .all()
      .filter((r) => r.state === 'pending' || r.state === 'sent')
  }

  private replica(i: number) {
    return this.devices[i].ctx.session!.replica
  }

  /** A caseworker command through the device's one write path; records the mutation id it made. */
  private async command(i: number, name: string, input: object): Promise<boolean> {
    const res = (await this.devices[i].dispatch(name, input)) as { ok: true; value: { mutationId?: string } } | { ok: false }
    if (res.ok && res.value.mutationId) {
      this.created.add(res.value.mutationId)
      this.known[i].add(res.value.mutationId)
      if (this.defectArmed) {
        // The defect: the row leaves the queue without ever being sent.
        this.defectArmed = false
        this.replica(i).sqlite.prepare('delete from outbox where id = ?').run(res.value.mutationId)
      }
    }
    return res.ok
  }

  /** The device's access token; after a refused one, a fresh login (null when the login does not get through). */
  private async token(i: number): Promise<string | null> {
    if (this.tokens[i] === null) {
      try {
        this.tokens[i] = (await this.devices[i].ctx.client.login(USERS[i], PASSWORD)).accessToken
      } catch {
        return null
      }
    }
    return this.tokens[i]
  }

  /**
   * A4: a pull that would remove more than a fifth of the device's persons stops until the
   * caseworker confirms; in the simulation the caseworker always confirms (the audited
   * confirmation is a mutation of its own, and the next cycle may remove them).
   */
  private confirmScopeExits(i: number): void {
    const replica = this.replica(i)
    const pending = pendingScopeExitsOf(readSyncState(replica))
    if (pending) recordScopeExitConfirmation(replica, pending, this.devices[i].ctx.now())
  }

  /** One sync cycle of device `i` as the scheduler runs it; a refused token means a fresh login first. */
  private async cycle(i: number): Promise<void> {
    const d = this.devices[i]
    if ((await this.token(i)) === null) return
    // "Sync now": the retry timers of earlier failures do not hold the queue back.
    retryNow(this.replica(i))
    const outcome = await runCycle({
      replica: this.replica(i),
      client: d.ctx.client,
      token: this.tokens[i]!,
      pullLimit: PULL_LIMIT,
      signal: new AbortController().signal,
      log: quiet,
      now: d.ctx.now,
      onProgress: () => undefined,
    })
    if (!outcome.ok && 'code' in outcome && outcome.code === 'LOGIN_REQUIRED') this.tokens[i] = null
    if (!outcome.ok && 'code' in outcome && outcome.code === 'SCOPE_EXITS_NEED_CONFIRMATION') this.confirmScopeExits(i)
  }

  private liveWeek(i: number, weeksBack: number) {
    const w = isoWeek(mondayBefore(this.today, weeksBack))
    return this.replica(i)
      .db.select()
      .from(weeklyParticipation)
      .where(
        and(
          eq(weeklyParticipation.personId, NORSK_PERSON),
          eq(weeklyParticipation.isoYear, w.year),
          eq(weeklyParticipation.isoWeek, w.week),
          eq(weeklyParticipation.deleted, false),
        ),
      )
      .get()
  }

  private weekInput(i: number, weeksBack: number, hours: number) {
    const w = isoWeek(mondayBefore(this.today, weeksBack))
    const existing = this.liveWeek(i, weeksBack)
    // An edit when this device holds the week already (same id), a create otherwise.
    return { id: existing?.id ?? randomUUID(), personId: NORSK_PERSON, isoYear: w.year, isoWeek: w.week, norskHours: hours, samfunnHours: 1.5, absenceHours: 0 }
  }

  async step(a: Action, step: number, seed: number): Promise<Violation[]> {
    this.transport.beginStep(((seed * 7919) ^ (step * 104729) ^ ('net' in a ? a.net : 0)) >>> 0)
    switch (a.k) {
      case 'saveWeek':
        await this.command(a.dev, 'norsk.saveWeeklyParticipation', this.weekInput(a.dev, a.week, a.hours))
        break
      case 'deleteWeek': {
        const row = this.liveWeek(a.dev, a.week)
        if (row) await this.command(a.dev, 'norsk.deleteWeeklyParticipation', { id: row.id, personId: NORSK_PERSON })
        break
      }
      case 'decision':
        await this.command(a.dev, 'decision.register', grantedNorskDecision(NORSK_PERSON, this.today))
        break
      case 'contact':
        await this.command(a.dev, 'contact.register', { id: randomUUID(), personId: NORSK_PERSON, scheme: 'norsk', date: addDays(this.today, -2) })
        break
      case 'editMeasure': {
        const m = this.replica(a.dev).db.select().from(measures).where(eq(measures.id, this.measureId)).get()
        if (m && !m.deleted) {
          const { id, personId, groupCode, measureCode, fromDate, toDate } = m
          await this.command(a.dev, 'intro.updateMeasure', { id, personId, groupCode, measureCode, fromDate, toDate, hoursPerWeek: a.hours })
        }
        break
      }
      case 'sync':
        await this.cycle(a.dev)
        break
      case 'offline':
        this.transport.offline.add(a.dev)
        break
      case 'online':
        this.transport.offline.delete(a.dev)
        break
      case 'skew':
        this.counts.skew++
        this.skews[a.dev] = a.ms
        break
      case 'deliverLate':
        await this.transport.deliverLate()
        break
      case 'import': {
        this.counts.import++
        // Base data changes between steps: a renamed person (a new person version to pull) and, on odd variants, a new person in scope.
        const lines: object[] = [{ type: 'person', ...(await this.personLine(NORSK_PERSON)), middleName: `V${a.variant}` }]
        if (a.variant % 2) lines.push({ ...(await this.personLine(NORSK_PERSON)), type: 'person', id: `sim-new-${a.variant}`, duf: `2019${String(a.variant).padStart(8, '0')}` })
        const res = await importNdjson(this.register.db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'sim' })
        if (!res.ok) throw new Error(`import: ${JSON.stringify(res)}`)
        break
      }
      case 'resolve': {
        const conflicted = this.replica(a.dev).db.select().from(outbox).where(eq(outbox.state, 'conflict')).all()
        for (const c of conflicted) {
          await this.devices[a.dev].dispatch('sync.resolve', { mutationId: c.id, resolution: a.overwrite ? 'overwrite' : 'keepRegister' })
        }
        // An overwrite queues a new mutation of its own.
        for (const r of this.replica(a.dev).db.select({ id: outbox.id }).from(outbox).all()) if (!this.known[a.dev].has(r.id)) this.created.add(r.id)
        break
      }
      case 'crashBeforeCommit':
        return this.crashBeforeCommit(a, step)
      case 'epochChange':
        // A4: the register starts a new lineage (a restore from backup); every device must reset and keep its unsent work.
        this.counts.epochChange++
        await renewEpoch(this.register.db)
        break
      case 'scope': {
        // The person moves to Oslo by an import, or back: out of every device's scope, then in again.
        const leaving = this.norskHome === MUNICIPALITY
        this.norskHome = leaving ? OTHER_MUNICIPALITY : MUNICIPALITY
        this.counts[leaving ? 'scopeExit' : 'scopeEntry']++
        const line = { type: 'person', ...(await this.personLine(NORSK_PERSON)), followUpMunicipality: this.norskHome, followUpDistrict: null }
        const res = await importNdjson(this.register.db, JSON.stringify(line), { actor: 'sim' })
        if (!res.ok) throw new Error(`import: ${JSON.stringify(res)}`)
        break
      }
      case 'reorder':
        await this.reorder(a.dev, a.net)
        break
      case 'concurrent':
        await this.concurrentCycles(a.dev)
        break
    }
    return []
  }

  /**
   * Two requests of one device on two connections, answered out of order: a sync cycle and,
   * at the same time, a DUF search the replica cannot answer (the register is asked). The
   * first request to reach the register has its reply held until the other's reply arrived.
   */
  private async reorder(i: number, net: number): Promise<void> {
    const d = this.devices[i]
    const session = d.ctx.session!
    session.token = this.tokens[i] ?? session.token
    this.transport.armReorder(i)
    this.transport.expectOverlap = true
    try {
      // The Norwegian-training person's DUF (asked of the register while they live in Oslo), or a DUF nobody has.
      const duf = net % 2 ? NORSK_DUF : '209900000999'
      const release = () => this.transport.releaseHeld(i)
      await Promise.all([d.dispatch('persons.search', { query: duf }).finally(release), this.cycle(i).finally(release)])
    } finally {
      this.transport.releaseHeld(i)
      this.transport.expectOverlap = false
    }
  }

  /**
   * The scheduler's periodic cycle starts and the caseworker presses "sync now" while it
   * runs: the app must run one cycle at a time (invariant 8, from the transport's view of
   * requests in flight). A device the scheduler holds offline first comes back as after its
   * probe (`resume`, with its own cycle), so no untracked probe runs beside the steps.
   */
  private async concurrentCycles(i: number): Promise<void> {
    const token = await this.token(i)
    if (token === null) return
    const d = this.devices[i]
    const sync = d.ctx.session!.sync
    if (!sync.online) {
      await sync.resume(token)
      await sync.whenIdle()
      this.confirmScopeExits(i)
      if (!sync.online) return
    }
    this.counts.concurrentCycles++
    sync.run()
    await d.dispatch('sync.run', {})
    await sync.whenIdle()
    this.confirmScopeExits(i)
  }

  /** The person's current import line (what the register holds), to re-import with a change. */
  private async personLine(id: string): Promise<Record<string, unknown>> {
    const { persons } = await import('../../src/server/db/schema')
    const [p] = await this.register.db.select().from(persons).where(eq(persons.id, id))
    return {
      id: p.id,
      duf: p.duf,
      nationalId: p.nationalId,
      regNumber: p.regNumber,
      firstName: p.firstName,
      middleName: p.middleName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      sex: p.sex,
      closed: p.closed,
      arrivalDate: p.arrivalDate,
      followUpMunicipality: p.followUpMunicipality,
      followUpDistrict: p.followUpDistrict,
      followUpByAgreement: p.followUpByAgreement,
      receptionCentre: p.receptionCentre,
    }
  }

  /** Crash point "before the local commit": the outbox insert throws inside the transaction; nothing may be written. */
  private async crashBeforeCommit(a: Extract<Action, { k: 'crashBeforeCommit' }>, step: number): Promise<Violation[]> {
    this.counts.crashBeforeCommit++
    const { sqlite } = this.replica(a.dev)
    const dump = () => JSON.stringify([sqlite.prepare('select * from outbox order by seq').all(), sqlite.prepare('select * from weekly_participation order by id').all()])
    const before = dump()
    sqlite.exec(`create temp trigger sim_crash before insert on outbox begin select raise(abort, 'simulated crash before commit'); end`)
    let ok = false
    try {
      ok = await this.command(a.dev, 'norsk.saveWeeklyParticipation', this.weekInput(a.dev, a.week, a.hours))
    } catch {
      // A crash is what this step is: the throw itself is expected.
    } finally {
      sqlite.exec('drop trigger if exists sim_crash')
    }
    const out: Violation[] = []
    if (ok) out.push({ invariant: 0, step, message: 'a save answered ok although its outbox row could not be written' })
    if (dump() !== before) out.push({ invariant: 0, step, message: 'a crash before the local commit left rows behind' })
    return out
  }

  /** Invariants 1, 2, 5, 6, 7 (and the cheap part of 4) after a step. */
  async checkStep(step: number): Promise<Violation[]> {
    const out: Violation[] = []
    const bad = (invariant: number, message: string) => out.push({ invariant, step, message })
    const db = this.register.db
    // (8) One cycle at a time per device: two of its requests on the wire at once, outside a reorder step, are two cycles overlapping.
    if (this.transport.overlaps > this.overlapsSeen) bad(8, `${this.transport.overlaps - this.overlapsSeen} requests of one device overlapped another of its requests`)
    this.overlapsSeen = this.transport.overlaps
    const judged = await db.select({ id: mutations.id, verdict: mutations.verdict, processedAt: mutations.processedAt }).from(mutations)
    const verdicts = new Map(judged.map((m) => [m.id, m]))

    for (let i = 0; i < this.devices.length; i++) {
      const rows = this.replica(i).db.select({ id: outbox.id, state: outbox.state }).from(outbox).all()
      const now = new Set(rows.map((r) => r.id))
      // (1) A queued mutation leaves the outbox only once the register has judged it.
      for (const id of this.known[i]) if (!now.has(id) && !verdicts.has(id)) bad(1, `device ${i}: outbox row ${id} disappeared before the register judged it`)
      for (const r of rows) {
        this.known[i].add(r.id)
        this.created.add(r.id)
        if (r.state === 'applied' && verdicts.get(r.id)?.verdict !== 'applied')
          bad(1, `device ${i}: ${r.id} is applied on the device but ${verdicts.get(r.id)?.verdict ?? 'unknown'} on the register`)
      }
      // (6) Cursors and "last synced" never go backwards.
      const s = this.replica(i).db.select().from(syncState).get()
      if (s) {
        const mark = { epoch: s.cursorEpoch, seq: s.cursorSeq, lastSyncAt: s.lastSyncAt }
        const prev = this.marks[i]
        if (prev && prev.epoch === mark.epoch && mark.seq < prev.seq) bad(6, `device ${i}: cursor went back from ${prev.seq} to ${mark.seq}`)
        if (prev?.lastSyncAt && (!mark.lastSyncAt || Date.parse(mark.lastSyncAt) < Date.parse(prev.lastSyncAt)))
          bad(6, `device ${i}: last synced went back from ${prev.lastSyncAt} to ${mark.lastSyncAt}`)
        this.marks[i] = mark
      }
    }

    // (2) Exactly once: one audit entry per judged mutation; only mutations a device made are applied; each version of a row made once.
    const audits = await db
      .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(sql`${auditLog.details} ? 'mutationId'`)
      .orderBy(auditLog.id)
    const perMutation = new Map<string, number>()
    for (const e of audits) perMutation.set(String(e.details.mutationId), (perMutation.get(String(e.details.mutationId)) ?? 0) + 1)
    for (const m of judged) {
      const n = perMutation.get(m.id) ?? 0
      if (n !== 1) bad(2, `mutation ${m.id} (${m.verdict}) has ${n} audit entries`)
      if (m.verdict === 'applied' && !this.created.has(m.id)) bad(2, `mutation ${m.id} was applied but no device's caseworker made it`)
    }
    for (const id of perMutation.keys()) if (!verdicts.has(id)) bad(2, `audit entry for ${id} without a judged mutation`)
    const latest = new Map<string, number>()
    for (const e of audits) {
      const versions = e.details.versions as Record<string, number> | undefined
      if (!versions) continue
      const sent = this.transport.sent.get(String(e.details.mutationId))
      for (const [key, v] of Object.entries(versions)) {
        const prev = latest.get(key) ?? 0
        if (v !== prev + 1) bad(2, `${key} went from version ${prev} to ${v} (mutation ${String(e.details.mutationId)})`)
        latest.set(key, v)
        // (5) Applied from an older base than the row had: an overwrite nobody saw as a conflict.
        const base = sent?.baseVersions[key]
        if (typeof base === 'number' && v !== base + 1)
          bad(5, `mutation ${String(e.details.mutationId)} was applied on ${key} at version ${v - 1} though based on version ${base}: a silent overwrite`)
      }
    }

    // (7) Nothing judged at a time outside the A5 bounds: with every clock within 5 minutes, the recorded time is always the one judged.
    for (const m of judged) {
      const sent = this.transport.sent.get(m.id)
      if (!sent) continue
      const t = judgedTime({ recordedAt: sent.recordedAt, today: osloDateOfMs(m.processedAt.getTime()), serverTime: m.processedAt.toISOString(), lastSyncAt: sent.lastSyncAt })
      if (t.basis !== 'recorded' || t.errors.length)
        bad(7, `mutation ${m.id} recorded at ${sent.recordedAt} (last sync ${sent.lastSyncAt}) falls outside the A5 bounds at ${m.processedAt.toISOString()}`)
    }

    // (4, cheap part) R6.4: one live week row per person and ISO week on the register.
    const dupWeeks = await db
      .select({ personId: registerWeeks.personId, y: registerWeeks.isoYear, w: registerWeeks.isoWeek, n: sql<number>`count(*)::int` })
      .from(registerWeeks)
      .where(eq(registerWeeks.deleted, false))
      .groupBy(registerWeeks.personId, registerWeeks.isoYear, registerWeeks.isoWeek)
      .having(sql`count(*) > 1`)
    for (const d of dupWeeks) bad(4, `${d.n} live rows for ${d.personId} week ${d.y}-W${d.w}`)
    return out
  }

  /**
   * Quiet network, everyone online and logged in, late requests delivered, then sync rounds
   * (every device once) until a round starts with nothing to send anywhere — that round pulls
   * everything the others pushed before it, so after it every replica has all there is (at
   * most five rounds; a device that still has work after them fails invariant 3). Then
   * invariants 3 and 4 (and the rest once more).
   */
  async quietAndCheckEnd(step: number): Promise<Violation[]> {
    const out: Violation[] = []
    this.transport.faultRate = 0
    this.transport.offline.clear()
    await this.transport.deliverLate()
    const settled = () => this.devices.every((_, i) => this.waiting(i).length === 0)
    for (let round = 0; round < 5; round++) {
      const last = settled()
      for (let i = 0; i < this.devices.length; i++) await this.cycle(i)
      // A round may itself queue work (a confirmed scope exit is an audited mutation): then it was not the last.
      if (last && settled()) break
    }
    out.push(...(await this.checkStep(step)))
    // (3) Convergence: nothing left to send, and each replica equals the register's projection of its scope.
    const projection = serverSnapshot(await projectScope(this.register.db, MUNICIPALITY))
    for (let i = 0; i < this.devices.length; i++) {
      const waiting = this.waiting(i)
      if (waiting.length) out.push({ invariant: 3, step, message: `device ${i}: ${waiting.length} mutations still unsent after a quiet sync` })
      const mine = replicaSnapshot(this.devices[i])
      // A4: a person who left the scope with unsent or refused work on this device stays, read-only, until it is resolved; without such work they must be gone.
      const inScope = new Set(projection.person.map((p) => String(p.id)))
      const kept = new Set<string>()
      for (const { id } of this.replica(i).db.select({ id: replicaPersons.id }).from(replicaPersons).where(eq(replicaPersons.keptAfterScopeExit, true)).all()) {
        if (inScope.has(id)) continue
        if (hasOpenWork(this.replica(i).db, id)) kept.add(id)
        else out.push({ invariant: 3, step, message: `device ${i}: ${id} is kept after its scope exit without open work` })
      }
      for (const entity of Object.keys(projection) as (keyof typeof projection)[]) {
        mine[entity] = mine[entity].filter((r) => !kept.has(String(entity === 'person' ? r.id : r.personId)))
        if (JSON.stringify(mine[entity]) !== JSON.stringify(projection[entity])) {
          out.push({
            invariant: 3,
            step,
            message: `device ${i}: ${entity} differs from the register (${mine[entity].length} rows against ${projection[entity].length}): ${rowDiff(mine[entity], projection[entity])}`,
          })
        }
      }
    }
    // (4) The rules hold on the register's state: each stored week passes the register's own check as it stands.
    const now = new Date()
    // The weeks the simulation's caseworkers wrote (a register's demo data may hold others, judged by their own tests).
    const weeks = await this.register.db
      .select()
      .from(registerWeeks)
      .where(and(eq(registerWeeks.deleted, false), eq(registerWeeks.personId, NORSK_PERSON)))
    for (const w of weeks) {
      const { id, personId, isoYear, isoWeek: wk, norskHours, samfunnHours, absenceHours } = w
      const command = { type: 'norsk.saveWeeklyParticipation', payload: { id, personId, isoYear, isoWeek: wk, norskHours, samfunnHours, absenceHours } } as unknown as Command
      const res = await checkOnServer(this.register.db, command, {
        // A caseworker of where the person is followed up now (a scope step may have moved them to Oslo).
        user: { roles: ['kommunenorsk'], municipality: personId === NORSK_PERSON ? this.norskHome : MUNICIPALITY, district: null },
        recordedAt: now.toISOString(),
        today: osloDateOfMs(now.getTime()),
        serverTime: now.toISOString(),
        lastSyncAt: null,
      } as Parameters<typeof checkOnServer>[2])
      const errors = res.errors
      if (errors.length) out.push({ invariant: 4, step, message: `week ${isoYear}-W${wk} of ${personId} breaks ${errors.map((e) => e.code).join(', ')} on the register` })
    }
    return out
  }
}

/** Which rows differ, by id (what a failure needs to be read; the simulation's own rows). */
function rowDiff(device: Record<string, unknown>[], register: Record<string, unknown>[]): string {
  const show = (r: Record<string, unknown>) => String(r.id)
  const byId = new Map(register.map((r) => [String(r.id), r]))
  const mine = new Map(device.map((r) => [String(r.id), r]))
  const parts = [
    ...device.filter((r) => !byId.has(String(r.id))).map((r) => `only on the device ${show(r)}`),
    ...register.filter((r) => !mine.has(String(r.id))).map((r) => `only on the register ${show(r)}`),
    ...device.filter((r) => byId.has(String(r.id)) && JSON.stringify(r) !== JSON.stringify(byId.get(String(r.id)))).map((r) => `changed ${show(r)}`),
  ]
  return parts.slice(0, 6).join('; ')
}

export { faultKinds }
