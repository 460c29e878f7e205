import type { PushRequest } from '../../src/shared/sync'
import { Prng } from './prng'

/** The faults the transport injects, counted per kind for the run's summary. */
export const faultKinds = ['dropRequest', 'dropReply', 'duplicate', 'delay', 'lateDelivery', 'unavailable503', 'unauthorized401', 'offline', 'reorderReplies'] as const
export type FaultKind = (typeof faultKinds)[number]
export type FaultCounts = Record<FaultKind, number>

/** What the transport saw of one pushed mutation (the invariants need the base versions and times it was sent with). */
export interface SentMutation {
  deviceId: string
  baseVersions: Record<string, number | null>
  recordedAt: string
  lastSyncAt: string | null
}

/** A request held back on the wire and delivered at a later step, after newer ones (reorder). */
interface Late {
  url: string
  init: RequestInit & { body: string }
}

/**
 * A9: the wire between the devices and the register, as a `fetch` each device's
 * `RegisterClient` is given (`ServiceOptions.fetch`). Requests really go over HTTP to the
 * in-process register; on the way the transport drops requests, drops replies after the
 * register committed (the crash point "after the register's commit, before the reply"),
 * delivers a request twice, holds a push back and delivers it later after newer ones, and
 * answers 503 or 401 itself. Every decision comes from the PRNG of the step being run
 * (`beginStep`), so one seed replays the same faults, and a step keeps its faults when the
 * shrinker drops other steps.
 */
export class SimTransport {
  readonly faults: FaultCounts = Object.fromEntries(faultKinds.map((k) => [k, 0])) as FaultCounts
  /** Every pushed mutation id with what it was sent with (first sighting). */
  readonly sent = new Map<string, SentMutation>()
  /** Chance (0–1) of a fault per request; 0 in the quiet phase. */
  faultRate = 0
  /** Devices cut off the network (going offline). */
  readonly offline = new Set<number>()
  /** A defect to prove the checker can fail: replays every push once more under new mutation ids. */
  replayWithNewIds = false
  private rng = new Prng(1)
  private late: Late[] = []
  /** Devices whose next request's reply is to be held back until a later request of theirs is answered. */
  private readonly reorderArmed = new Set<number>()
  /** The held reply of each device: `released` once it may go (a newer reply went first, or the step ended). */
  private readonly held = new Map<number, { released: boolean; deliver?: () => void }>()
  /** Requests of each device on the wire now, and how often one device had two at once outside a reorder step. */
  private readonly inFlight = [0, 0, 0]
  overlaps = 0
  /** Set while a step deliberately runs two requests of one device at once (reply reordering). */
  expectOverlap = false

  constructor(private readonly realFetch: typeof fetch = fetch) {}

  /** The PRNG for the next step's faults. */
  beginStep(seed: number): void {
    this.rng = new Prng(seed)
  }

  /** The `fetch` of device `index`. */
  fetchFor(index: number): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => this.request(index, String(input), init ?? {})) as typeof fetch
  }

  /**
   * Reply reordering across connections: the next request of device `i` reaches the register
   * and is answered, but its reply waits until a later request of the same device (another
   * connection) has had its reply; then it arrives, after the newer one.
   */
  armReorder(i: number): void {
    this.reorderArmed.add(i)
  }

  /** Ends a reorder step: a reply still held (no later request came) is delivered now, unreordered. */
  releaseHeld(i: number): void {
    this.reorderArmed.delete(i)
    const hold = this.held.get(i)
    this.held.delete(i)
    if (hold) {
      hold.released = true
      hold.deliver?.()
    }
  }

  /** Delivers every held-back request now (their replies go nowhere: the device gave up on them). */
  async deliverLate(): Promise<void> {
    for (const l of this.late.splice(0))
      await this.realFetch(l.url, l.init).then(
        (r) => r.text(),
        () => undefined,
      )
  }

  get heldBack(): number {
    return this.late.length
  }

  private async request(index: number, url: string, init: RequestInit): Promise<Response> {
    if (this.inFlight[index] > 0 && !this.expectOverlap) this.overlaps++
    this.inFlight[index]++
    try {
      return await this.onWire(index, url, init)
    } finally {
      this.inFlight[index]--
    }
  }

  private async onWire(index: number, url: string, init: RequestInit): Promise<Response> {
    if (this.offline.has(index)) {
      this.faults.offline++
      throw new TypeError('fetch failed (device offline)')
    }
    const body = typeof init.body === 'string' ? init.body : undefined
    const isPush = url.includes('/sync/push') && body !== undefined
    if (isPush) this.observe(body)
    // A request held back earlier arrives now, before this one: older pushes overtaking nothing, newer ones overtaking them.
    if (this.late.length && this.rng.chance(0.5)) {
      this.faults.lateDelivery++
      const l = this.late.shift()!
      await this.realFetch(l.url, l.init).then(
        (r) => r.text(),
        () => undefined,
      )
    }
    if (this.rng.chance(this.faultRate)) {
      const kind = this.rng.pick(['dropRequest', 'dropReply', 'duplicate', 'delay', 'unavailable503', 'unauthorized401'] as const)
      this.faults[kind]++
      switch (kind) {
        case 'dropRequest':
          throw new TypeError('fetch failed (request lost)')
        case 'unavailable503':
          return new Response(JSON.stringify({ error: 'UNAVAILABLE' }), { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '1' } })
        case 'unauthorized401':
          return new Response(JSON.stringify({ error: 'TOKEN_EXPIRED' }), { status: 401, headers: { 'content-type': 'application/json' } })
        case 'dropReply': {
          // The register commits; the device never hears back.
          await this.forward(url, init)
          throw new TypeError('fetch failed (reply lost)')
        }
        case 'duplicate': {
          await this.forward(url, init)
          return this.forward(url, init)
        }
        case 'delay': {
          // Held back past the device's patience: the device sees a timeout; the request arrives later.
          if (body !== undefined) this.late.push({ url, init: { method: init.method, headers: init.headers, body } })
          throw new TypeError('fetch failed (timed out)')
        }
      }
    }
    if (isPush && this.replayWithNewIds) await this.replay(url, init, body)
    if (this.reorderArmed.delete(index)) {
      const hold: { released: boolean; deliver?: () => void } = { released: false }
      this.held.set(index, hold)
      const res = await this.forward(url, init)
      if (!hold.released) await new Promise<void>((resolve) => (hold.deliver = resolve))
      return res
    }
    const res = await this.forward(url, init)
    const older = this.held.get(index)
    if (older) {
      // This newer reply is on its way to the device; the older one follows it.
      this.held.delete(index)
      this.faults.reorderReplies++
      older.released = true
      if (older.deliver) setImmediate(older.deliver)
    }
    return res
  }

  /** A full round trip to the register, the answer read whole (as a `Response` the client can read again). */
  private async forward(url: string, init: RequestInit): Promise<Response> {
    const res = await this.realFetch(url, { method: init.method, headers: init.headers, body: init.body })
    const text = await res.text()
    return new Response(text.length ? text : null, { status: res.status, headers: res.headers })
  }

  private observe(body: string): void {
    const req = JSON.parse(body) as PushRequest
    for (const m of req.mutations) {
      if (this.sent.has(m.id)) continue
      this.sent.set(m.id, {
        deviceId: req.deviceId,
        baseVersions: (m.baseVersions ?? {}) as Record<string, number | null>,
        recordedAt: m.recordedAt,
        lastSyncAt: req.lastSyncAt ?? null,
      })
    }
  }

  /** The defect: the same push sent first under fresh mutation ids (same seqs), as a buggy retry layer that re-mints ids would. */
  private async replay(url: string, init: RequestInit, body: string | undefined): Promise<void> {
    const req = JSON.parse(body!) as PushRequest
    if (!req.mutations.length) return
    const copy: PushRequest = { ...req, mutations: req.mutations.map((m) => ({ ...m, id: `${m.id.slice(0, -4)}beef` })) }
    await this.forward(url, { ...init, body: JSON.stringify(copy) })
  }
}
