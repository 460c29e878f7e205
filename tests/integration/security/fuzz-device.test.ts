import { join } from 'node:path'
import type Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister, type RunningRegister } from '../../../src/server'
import { startHost } from '../../../src/main/host/server'
import type { Device } from '../../../src/main/services'
import { contractNames } from '../../../src/shared/api'
import type { PersonView } from '../../../src/shared/api'
import type { IsoDate } from '../../../src/shared/calendar'
import { commandFor } from '../sync/command-arbitraries'
import { PASSWORD, tempDir, testDevice } from '../sync/helpers'
import { secretOf } from '../main/host-helpers'
import { FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzParameters, inputFor } from './fuzz-support'

/**
 * Issue 11.10, device contract: every contract call, over the browser-mode host's real HTTP
 * (the path a hostile page or a broken renderer takes), with generated inputs — arbitrary
 * JSON and valid payloads spoiled one field at a time. Asserted for each: an HTTP answer below
 * 500, a `Result` (a refusal has reasons, each with a code), never `internal` (an exception in
 * a handler), and a refusal writes nothing to the replica: the row count of every table and
 * SQLite's `total_changes()` of the connection are what they were.
 *
 * The sync engine is stopped after the first sync: an accepted fuzzed command would
 * otherwise be pushed in the background, and a register verdict applied mid-comparison would
 * move rows under the refusal check. The register side is fuzzed in fuzz-register.test.ts.
 */

/** Inputs per contract call in CI (× `NIR_FUZZ_RUNS`): ~40 calls × 110 ≈ 3,800. */
const RUNS_PER_CALL = 110
/** Calls that open or close the session cost two password derivations each: fewer. */
const RUNS_PER_SESSION_CALL = 25
const USER = 'etterreg'

let register: RunningRegister
let device: Device
let host: Awaited<ReturnType<typeof startHost>>
let secret: string
const tmp = tempDir('fuzz-device')
const valid = new Map<string, unknown[]>()
let sent = 0

async function post(name: string, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${host.url}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-nir-secret': secret },
    body,
  })
  sent++
  const text = await res.text()
  let json: unknown = undefined
  try {
    json = JSON.parse(text)
  } catch {
    // a framework refusal may answer text; the status says enough then
  }
  return { status: res.status, json }
}

/** Logs in over the host, waits for the first sync, and stops the engine (see above). */
async function openSession(): Promise<void> {
  const res = await post('session.login', JSON.stringify({ username: USER, password: PASSWORD }))
  expect(res.json).toMatchObject({ ok: true })
  await device.ctx.session!.sync.whenIdle()
  await device.ctx.session!.sync.stop()
}

const stateQueries = new WeakMap<object, { counts: Database.Statement; changes: Database.Statement; tables: string[] }>()

/** What a refusal must leave as it was: every table's row count and the connection's write counter. */
function replicaState(): string {
  const s = device.ctx.session
  if (!s) return 'no session'
  const sqlite = s.replica.sqlite
  let q = stateQueries.get(sqlite)
  if (!q) {
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]
    const counts = sqlite.prepare(`select ${tables.map((t) => `(select count(*) from "${t.replaceAll('"', '""')}")`).join(', ')}`).raw()
    q = { tables, counts, changes: sqlite.prepare('select total_changes()').pluck() }
    stateQueries.set(sqlite, q)
  }
  return JSON.stringify({ file: s.replica.file, changes: q.changes.get(), counts: q.counts.get() })
}

beforeAll(async () => {
  // Throttling off: spoiled login payloads are wrong passwords for the fuzzing user, whose own re-login must still pass.
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 12 }, loginThrottle: { freeFailures: 1e9, ipMaxFailures: 1e9 } })
  device = testDevice(join(tmp.dir, 'device'), register.url, { pullLimit: 100 })
  host = await startHost({ device, port: 0 })
  secret = secretOf(await (await fetch(`${host.url}/`)).text())
  await openSession()

  // Valid payloads to spoil: one per call where the call takes more than `{}`.
  const search = (await post('persons.search', JSON.stringify({ query: 'a' }))).json as { value: { hits: { id: string; duf: string }[] } }
  const hits = search.value.hits
  expect(hits.length, 'persons to fuzz with').toBeGreaterThan(0)
  const view = ((await post('persons.get', JSON.stringify({ personId: hits[0]!.id }))).json as { value: PersonView }).value
  const { today } = ((await post('session.state', '{}')).json as { value: { today: IsoDate } }).value
  for (const c of fc.sample(commandFor(view.bundle, today), { numRuns: 400, seed: FUZZ_SEED })) {
    const seen = valid.get(c.type) ?? []
    if (seen.length < 8) valid.set(c.type, [...seen, c.payload])
  }
  const personRef = [{ personId: hits[0]!.id }, { personId: hits[hits.length - 1]!.id }]
  valid.set('asylnorsk.registerOffer', [
    { id: '0193a1b2-0000-7000-8000-000000000001', municipality: '4601', year: 2026, kind: 'ASYLNORSK', fromDate: '2026-01-05', toDate: '2026-06-19' },
  ])
  valid.set('persons.search', [{ query: hits[0]!.duf }, { query: 'Nordmann, Ola' }, { query: '01.02.1990' }, { query: '12345678901' }])
  valid.set('persons.get', personRef)
  valid.set('personList.add', personRef)
  valid.set('personList.remove', personRef)
  valid.set('reference.codeList', [{ list: 'country' }, { list: 'measure' }])
  valid.set('reports.municipality', [{ fromDate: '2026-01-01', toDate: '2026-06-30' }, { district: null }])
  valid.set('sync.problem', [{ mutationId: '0193a1b2-0000-7000-8000-000000000002' }])
  valid.set('sync.resolve', [{ mutationId: '0193a1b2-0000-7000-8000-000000000002', resolution: 'keepRegister' }])
  valid.set('session.login', [{ username: USER, password: PASSWORD }])
  valid.set('session.reauthenticate', [{ password: PASSWORD }])
  valid.set('lock.unlock', [{ password: PASSWORD }])
})

afterAll(async () => {
  await host?.close()
  await device?.close()
  await register?.close()
  tmp.remove()
})

/** Calls that open or close the session: their refusal is judged by the replica's rows, read again after a new login. */
const sessionCalls = new Set(['session.login', 'session.logout', 'session.reauthenticate', 'lock.unlock'])
const runsOf = (name: string) => (sessionCalls.has(name) ? RUNS_PER_SESSION_CALL : RUNS_PER_CALL)

describe('fuzz: every device contract call over the browser-mode host (issue 11.10)', () => {
  test.each(contractNames.map((name) => [name]))(
    '%s: no 5xx, no internal error, a refusal has coded reasons and writes nothing',
    async (name) => {
      const before = sent
      await fc.assert(
        fc.asyncProperty(inputFor(valid.get(name) ?? [{}]), async (input) => {
          const state = replicaState()
          const { status, json } = await post(name, JSON.stringify(input) ?? 'null')
          expect(status, `HTTP status for ${JSON.stringify(input)?.slice(0, 300)}`).toBeLessThan(500)
          if (status !== 200) {
            // Refused by the host before dispatch (a body over its 1 MB limit): nothing ran.
            expect(status).toBeGreaterThanOrEqual(400)
            expect(replicaState()).toBe(state)
            return
          }
          const result = json as { ok: boolean; reasons?: { code: unknown }[] }
          expect(typeof result.ok).toBe('boolean')
          if (result.ok) {
            if (!device.ctx.session) await openSession()
            return
          }
          expect(result.reasons?.length, JSON.stringify(result)).toBeGreaterThan(0)
          for (const r of result.reasons!) expect(typeof r.code).toBe('string')
          expect(result.reasons!.map((r) => r.code)).not.toContain('internal')
          if (sessionCalls.has(name)) {
            // A login closes the open session before it asks the register; compare the rows, not the connection's counter.
            if (!device.ctx.session) await openSession()
            const rows = (s: string) => (s === 'no session' ? s : JSON.stringify({ ...JSON.parse(s), changes: 0 }))
            expect(rows(replicaState())).toBe(rows(state))
          } else {
            expect(replicaState()).toBe(state)
          }
        }),
        fuzzParameters(runsOf(name)),
      )
      expect(sent - before).toBeGreaterThanOrEqual(fuzzParameters(runsOf(name)).numRuns!)
      // Alive: the host still serves its page and the register its health.
      expect((await fetch(`${host.url}/`)).status).toBe(200)
      expect((await fetch(`${register.url}/health`)).status).toBe(200)
    },
    FUZZ_TIMEOUT_MS,
  )

  test('the calls above sent the planned number of generated inputs', () => {
    const planned = contractNames.reduce((n, name) => n + fuzzParameters(runsOf(name)).numRuns!, 0)
    console.info(`fuzz-device: ${sent} requests (${planned} generated inputs, seed ${FUZZ_SEED})`)
    expect(sent).toBeGreaterThanOrEqual(planned)
  })
})
