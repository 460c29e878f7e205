import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { startHost } from '../../../src/main/host/server'
import type { Device } from '../../../src/main/services'
import { PASSWORD, tempDir, testDevice } from '../sync/helpers'
import { secretOf } from './host-helpers'

/**
 * Issue 6 point 13a over real HTTP: the browser-mode host answers only the page it served.
 * Every refusal is checked twice: by its answer, and by the device state staying as it was
 * (the user still logged in), so a refusal that still ran the command would fail.
 */
type Register = Awaited<ReturnType<typeof startRegister>>
type Host = Awaited<ReturnType<typeof startHost>>
let register: Register
let device: Device
let host: Host
let secret: string
const tmp = tempDir('host-security')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 20 } })
  const web = join(tmp.dir, 'web')
  mkdirSync(web, { recursive: true })
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><head><title>NIR-test-index</title></head><body></body></html>')
  writeFileSync(join(web, 'app.js'), 'console.log(1)')
  device = testDevice(join(tmp.dir, 'device'), register.url)
  host = await startHost({ device, staticDir: web, port: 0 })
  secret = secretOf(await (await fetch(`${host.url}/`)).text())
  const login = await call('session.login', { username: 'intro', password: PASSWORD })
  expect(login.body).toMatchObject({ ok: true })
})
afterAll(async () => {
  await host?.close()
  await device?.close()
  await register?.close()
  tmp.remove()
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

/**
 * node:http rather than fetch: fetch forbids setting `Host` and `Origin`, and an attacker's
 * browser sends exactly the headers this lets a test choose.
 */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const url = new URL(path, host.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => {
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // HTML or empty: keep the text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed })
      })
    })
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const own = () => new URL(host.url).host
const goodHeaders = (): Record<string, string> => ({ host: own(), 'content-type': 'application/json', 'x-nir-secret': secret })
const call = (name: string, input: unknown, headers: Record<string, string> = goodHeaders()) => raw('POST', `/api/${name}`, headers, JSON.stringify(input))
const stillLoggedIn = async () => expect((await call('session.state', {})).body).toMatchObject({ ok: true, value: { phase: 'unlocked' } })

describe('13a browser-mode host refuses every caller but the page it served', () => {
  test('the served index.html carries a 256-bit base64url secret, is not cached and may not be framed', async () => {
    const res = await raw('GET', '/', { host: own() })
    expect(res.status).toBe(200)
    expect(String(res.body)).toContain('NIR-test-index')
    expect(Buffer.from(secretOf(String(res.body)), 'base64url')).toHaveLength(32)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'[;]/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['x-frame-options']).toBe('DENY')
  })

  test('an SPA path gets the same page with the same secret; a built file is served as is', async () => {
    const spa = await raw('GET', '/person/123/grunndata', { host: own() })
    expect(secretOf(String(spa.body))).toBe(secret)
    const asset = await raw('GET', '/app.js', { host: own() })
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log(1)')
  })

  test('the happy path: same origin, secret and JSON run the contract', async () => {
    const res = await call('persons.search', { query: 'a' }, { ...goodHeaders(), origin: host.url })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: true, value: { kind: expect.any(String) } })
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/)
  })

  const refusals: { name: string; headers: () => Record<string, string>; body?: string; status: number; field: string }[] = [
    { name: 'no secret (a bodyless cross-site form POST)', headers: () => ({ host: own() }), body: '', status: 403, field: 'x-nir-secret' },
    { name: 'no secret, JSON body', headers: () => ({ host: own(), 'content-type': 'application/json' }), status: 403, field: 'x-nir-secret' },
    {
      name: 'a wrong secret of the right length',
      headers: () => ({ ...goodHeaders(), 'x-nir-secret': secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
      status: 403,
      field: 'x-nir-secret',
    },
    { name: 'a secret of another length', headers: () => ({ ...goodHeaders(), 'x-nir-secret': 'x' }), status: 403, field: 'x-nir-secret' },
    {
      name: 'a forged Host (DNS rebinding) even with the secret',
      headers: () => ({ ...goodHeaders(), host: `evil.example:${new URL(host.url).port}` }),
      status: 403,
      field: 'host',
    },
    { name: 'our Host name on another port', headers: () => ({ ...goodHeaders(), host: '127.0.0.1:1' }), status: 403, field: 'host' },
    { name: 'a foreign Origin even with the secret', headers: () => ({ ...goodHeaders(), origin: 'http://127.0.0.1:1' }), status: 403, field: 'origin' },
    { name: 'Origin null (sandboxed frame)', headers: () => ({ ...goodHeaders(), origin: 'null' }), status: 403, field: 'origin' },
    { name: 'a text/plain POST with the secret', headers: () => ({ ...goodHeaders(), 'content-type': 'text/plain' }), status: 415, field: 'content-type' },
    { name: 'a form-encoded POST with the secret', headers: () => ({ ...goodHeaders(), 'content-type': 'application/x-www-form-urlencoded' }), status: 415, field: 'content-type' },
  ]
  test.each(refusals)('$name → $status and session.logout does not run', async ({ headers, body, status, field }) => {
    const res = await raw('POST', '/api/session.logout', headers(), body ?? '{}')
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ ok: false, reasons: [{ code: status === 415 ? 'HOST_UNSUPPORTED_MEDIA_TYPE' : 'HOST_FORBIDDEN', field }] })
    expect(res.headers['cache-control']).toBe('no-store')
    await stillLoggedIn()
  })

  test('a forged Host cannot read the page that carries the secret', async () => {
    const res = await raw('GET', '/', { host: 'evil.example' })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).not.toContain(secret)
  })

  test.each([
    ['GET /api/events (the event stream)', 'GET', '/api/events'],
    ['GET /api/session.state', 'GET', '/api/session.state'],
    ['an encoded /api path', 'POST', '/%61pi/session.logout'],
    ['PUT on a static path', 'PUT', '/index.html'],
  ])('%s without the secret → 403', async (_name, method, path) => {
    const res = await raw(method, path, { host: own() })
    expect(res.status).toBe(403)
    await stillLoggedIn()
  })

  test('localhost:<port> is our own name too', async () => {
    const port = new URL(host.url).port
    const res = await call('session.state', {}, { ...goodHeaders(), host: `localhost:${port}`, origin: `http://localhost:${port}` })
    expect(res.status).toBe(200)
  })

  test('a new launch has a new secret: the old one is refused', async () => {
    const other = await startHost({ device, port: 0 })
    try {
      const page = await (await fetch(`${other.url}/`)).text()
      expect(secretOf(page)).not.toBe(secret)
      const res = await fetch(`${other.url}/api/session.state`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nir-secret': secret }, body: '{}' })
      expect(res.status).toBe(403)
    } finally {
      await other.close()
    }
  })
})
