import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { DeviceEvent, SessionState, SyncStatus } from '../../../src/shared/api'
import { startRegister } from '../../../src/server'
import { registerEventStream } from '../../../src/main/host/events'
import { startHost } from '../../../src/main/host/server'
import { openEventStream } from '../../../src/shared/api/event-stream'
import { PASSWORD, tempDir, testDevice } from '../sync/helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const tmp = tempDir('events')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 12 } })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

/** The secret the way the renderer gets it: from the `<meta>` of the page the host served. */
async function secretOf(url: string): Promise<string> {
  // After a host restart the client's pool may still hold a socket the old host closed: retry once.
  const page = await fetch(`${url}/`).catch(() => fetch(`${url}/`))
  return /<meta name="nir-host-secret" content="([^"]+)">/.exec(await page.text())![1]!
}

const post = async (url: string, secret: string, name: string, body: unknown) =>
  (await fetch(`${url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nir-secret': secret }, body: JSON.stringify(body) })).json()

/** The renderer's own stream reader against the host, collecting every event. */
function listen(url: string, secret: () => string) {
  const events: DeviceEvent[] = []
  const close = openEventStream({
    url: `${url}/api/events`,
    headers: () => ({ 'x-nir-secret': secret() }),
    onEvent: (e) => events.push({ name: e.event, payload: JSON.parse(e.data) } as DeviceEvent),
    minDelayMs: 50,
    maxDelayMs: 200,
  })
  const statuses = () => events.filter((e) => e.name === 'sync.status').map((e) => e.payload as SyncStatus)
  const sessions = () => events.filter((e) => e.name === 'session.changed').map((e) => e.payload as SessionState)
  return { events, statuses, sessions, close }
}

describe('events from main to the renderer over the browser-mode host (issue 6 point 5)', () => {
  test('13a the event stream refuses a caller without the per-launch secret', async () => {
    const device = testDevice(tempDir('events-refused').dir, register.url)
    const host = await startHost({ device, port: 0 })
    try {
      const res = await fetch(`${host.url}/api/events`)
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual({ ok: false, reasons: [{ code: 'HOST_FORBIDDEN', field: 'x-nir-secret' }] })
    } finally {
      await host.close()
      await device.close()
    }
  })

  test('A4 a client with the secret hears the login, the first sync page by page, its end, and the logout', async () => {
    const device = testDevice(`${tmp.dir}/login`, register.url)
    const host = await startHost({ device, port: 0 })
    const secret = await secretOf(host.url)
    const stream = listen(host.url, () => secret)
    try {
      // Each stream opens with the current state, so a client is never blank.
      await expect.poll(() => stream.events.map((e) => e.name)).toEqual(['session.changed', 'sync.status'])
      expect(stream.statuses()[0]!.state).toBe('loggedOut')

      expect(await post(host.url, secret, 'session.login', { username: 'intro', password: PASSWORD })).toMatchObject({ ok: true })
      await expect.poll(() => stream.statuses().at(-1)?.state, { timeout: 30_000 }).toBe('upToDate')
      const states = stream.statuses().map((s) => s.state)
      expect(states.slice(1, 2)).toEqual(['syncing'])
      const progress = stream.events.filter((e) => e.name === 'sync.progress').map((e) => e.payload as { done: number; total: number })
      // 12 persons in pages of 4 change sets: several pages, counting up to the total.
      expect(progress.length).toBeGreaterThan(1)
      expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total)
      expect(stream.statuses().at(-1)!.personsInReplica).toBeGreaterThan(0)
      expect(stream.sessions().map((s) => [s.phase, s.replicaReady])).toEqual([
        ['loggedOut', false],
        ['unlocked', false],
        ['unlocked', true],
      ])

      expect(await post(host.url, secret, 'session.logout', {})).toMatchObject({ ok: true })
      await expect.poll(() => stream.statuses().at(-1)?.state).toBe('loggedOut')
      expect(stream.sessions().at(-1)!.phase).toBe('loggedOut')
    } finally {
      stream.close()
      await host.close()
      await device.close()
    }
  })

  test('A2 the reader reconnects when the host restarts and is current again at once; closing the host ends open streams', async () => {
    const device = testDevice(`${tmp.dir}/restart`, register.url)
    let host = await startHost({ device, port: 0 })
    const port = Number(new URL(host.url).port)
    let secret = await secretOf(host.url)
    const stream = listen(host.url, () => secret)
    try {
      await expect.poll(() => stream.events.length).toBe(2)
      expect(await post(host.url, secret, 'session.login', { username: 'norsk', password: PASSWORD })).toMatchObject({ ok: true })
      await expect.poll(() => stream.statuses().at(-1)?.state, { timeout: 30_000 }).toBe('upToDate')
      // Would hang on the open stream if the host did not end it.
      await host.close()
      const heard = stream.events.length

      host = await startHost({ device, port })
      // A new launch has a new secret; the page that holds it is the one that reconnects.
      secret = await secretOf(host.url)
      await expect.poll(() => stream.events.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(heard + 2)
      const [session, status] = stream.events.slice(heard)
      expect(session).toMatchObject({ name: 'session.changed', payload: { phase: 'unlocked', replicaReady: true } })
      expect(status).toMatchObject({ name: 'sync.status', payload: { state: 'upToDate' } })
    } finally {
      stream.close()
      await host.close()
      await device.close()
    }
  })

  test('A2 an idle stream carries a heartbeat comment', async () => {
    const device = testDevice(`${tmp.dir}/heartbeat`, register.url)
    const app = Fastify()
    registerEventStream(app, device, { heartbeatMs: 50 })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const abort = new AbortController()
    try {
      const res = await fetch(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/events`, { signal: abort.signal })
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      let text = ''
      while (!text.includes(': heartbeat\n\n')) text += (await reader.read()).value ?? ''
      expect(text.startsWith(': connected\n\n')).toBe(true)
    } finally {
      abort.abort()
      await app.close()
      await device.close()
    }
  })
})
