import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { DeviceEvent } from '../../shared/api'
import type { Device } from '../services'
import { sessionState } from '../services/session'
import { loggedOutStatus } from '../sync/status'

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the client's stall detection content. */
  heartbeatMs?: number
}

const frame = (e: DeviceEvent) => `event: ${e.name}\ndata: ${JSON.stringify(e.payload)}\n\n`

/**
 * Browser mode's side of `on()` (issue 6 point 5): the device's events as server-sent events
 * on `GET /api/events`. The route sits under `/api/`, so the host guard demands the
 * per-launch secret header — which is why the renderer reads it with `fetch`, not
 * `EventSource`. Each stream opens with the current `session.changed` and `sync.status`, so
 * a client that reconnects after missing events is up to date at once. Streams end when the
 * host closes, so `close()` does not wait for the browser.
 */
export function registerEventStream(app: FastifyInstance, device: Device, options: EventStreamOptions = {}): void {
  const open = new Set<PassThrough>()
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end()
  })
  app.get('/api/events', (req, reply) => {
    const stream = new PassThrough()
    const write = (e: DeviceEvent) => void stream.write(frame(e))
    const unsubscribe = device.ctx.events.subscribe(write)
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), options.heartbeatMs ?? 15_000).unref()
    const end = () => {
      clearInterval(heartbeat)
      unsubscribe()
      open.delete(stream)
      stream.end()
    }
    open.add(stream)
    req.raw.once('close', end)
    stream.once('end', end)
    stream.write(': connected\n\n')
    write({ name: 'session.changed', payload: sessionState(device.ctx) })
    write({ name: 'sync.status', payload: device.ctx.session?.sync.status() ?? loggedOutStatus })
    return reply.header('x-accel-buffering', 'no').type('text/event-stream; charset=utf-8').send(stream)
  })
}
