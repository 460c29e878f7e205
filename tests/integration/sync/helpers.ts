import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { ContractName, InputOf, OutputOf, Result } from '../../../src/shared/api'
import type { EntityName } from '../../../src/shared/sync'
import { entityKey, entityNames, entitySchemas } from '../../../src/shared/sync'
import { entityTables } from '../../../src/main/db/entities'
import type { Replica } from '../../../src/main/db/open'
import { persons } from '../../../src/main/db/schema'
import { createDevice, type Device, type ServiceOptions } from '../../../src/main/services'

export const PASSWORD = 'demo1234'

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `nir-${prefix}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A device with a small pull page (to exercise paging) and no background timer noise. */
export function testDevice(dataDir: string, serverUrl: string, extra: Partial<ServiceOptions> = {}): Device {
  return createDevice({
    dataDir,
    serverUrl,
    pullLimit: 4,
    syncIntervalMs: 3_600_000,
    healthIntervalMs: 100,
    allowSynthetic: true,
    requestTimeoutMs: 10_000,
    log: { info: () => undefined, error: (m, e) => console.error(m, e) },
    ...extra,
  })
}

/** Logs in and waits for the sync started by the login to finish. */
export async function loginAndSync(device: Device, username: string, password = PASSWORD) {
  const res = await device.dispatch('session.login', { username, password })
  if (!res.ok) throw new Error(`login failed: ${JSON.stringify(res.reasons)}`)
  await device.ctx.session!.sync.whenIdle()
  return res.value
}

export type Snapshot = Record<EntityName, Record<string, unknown>[]>

/** Rows as domain objects (bookkeeping columns dropped by the zod schema), sorted by key. */
export function normalise(entity: EntityName, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) => entitySchemas[entity].parse(r) as Record<string, unknown>).sort((a, b) => (entityKey(entity, a) < entityKey(entity, b) ? -1 : 1))
}

/** The live synced rows of the replica (cached read-only persons excluded), per entity. */
export function replicaSnapshot(device: Device): Snapshot {
  return replicaSnapshotOf(device.ctx.session!.replica)
}

/** `replicaSnapshot` of a replica opened without a device. */
export function replicaSnapshotOf(replica: Replica): Snapshot {
  const { db } = replica
  const cached = new Set(
    db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.cachedReadOnly, true))
      .all()
      .map((r) => r.id),
  )
  const out = {} as Snapshot
  for (const entity of entityNames) {
    const { table } = entityTables[entity]
    const t = table as SQLiteTable & { deleted: typeof persons.deleted }
    const rows = db
      .select()
      .from(t)
      .where(and(eq(t.deleted, false)))
      .all() as Record<string, unknown>[]
    const live = rows.filter((r) => !cached.has(String(entity === 'person' ? r.id : r.personId)))
    out[entity] = normalise(entity, live)
  }
  return out
}

export function serverSnapshot(projection: Record<EntityName, Record<string, unknown>[]>): Snapshot {
  const out = {} as Snapshot
  for (const entity of entityNames) out[entity] = normalise(entity, projection[entity])
  return out
}

/**
 * A real HTTP hop between device and register that can cut the connection: after
 * `allowPulls` pull answers, further pull requests have their socket destroyed.
 */
export class CuttingProxy {
  readonly pullCursors: string[] = []
  allowPulls = Infinity
  private server: Server | null = null
  url = ''

  constructor(private readonly target: string) {}

  /** `port`: listen where an earlier proxy listened, so a device sees the same register URL come back. */
  async start(port = 0): Promise<void> {
    this.server = createServer(async (req, res) => {
      const isPull = req.url?.startsWith('/sync/pull') ?? false
      if (isPull) {
        this.pullCursors.push(new URL(req.url!, 'http://x').searchParams.get('cursor') ?? '')
        if (this.pullCursors.length > this.allowPulls) return req.socket.destroy()
      }
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const upstream = await fetch(`${this.target}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json', authorization: req.headers.authorization ?? '' },
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      })
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
      res.end(Buffer.from(await upstream.arrayBuffer()))
    })
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve))
    const addr = this.server.address()
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve())
  }
}

/** Typed call through the same `dispatch` the transports use (input validated by the contract). */
export async function call<K extends ContractName>(device: Device, name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  return (await device.dispatch(name, input)) as Result<OutputOf<K>>
}

/** Unwraps an ok result or fails the test with its reasons. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.reasons)}`)
  return r.value
}
