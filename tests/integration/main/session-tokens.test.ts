import { existsSync, readFileSync } from 'node:fs'
import { URI, type TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getServerMeta, startRegister } from '../../../src/server'
import { enrolTotp } from '../../../src/server/auth/totp'
import { replicaFile } from '../../../src/main/db/vault'
import { refreshFileOf } from '../../../src/main/sync/token-keeper'
import type { Device } from '../../../src/main/services'
import { call, loginAndSync, PASSWORD, tempDir, testDevice, value } from '../sync/helpers'

/**
 * Issue 11 point 1 with a real register (PGlite) and real devices (SQLite replicas, the real
 * services): the access token lives 5 s here, so its end is seen within a test. A recording
 * `fetch` shows which tokens went over the wire, to replay them as an attacker would.
 */
type Register = Awaited<ReturnType<typeof startRegister>>
const registerDir = tempDir('tokens-register')
const tmp = tempDir('tokens-device')
let register: Register
let port: number
const TTL_MS = 5_000

interface Wire {
  path: string
  status: number
  body: Record<string, unknown>
}
function recordingFetch(log: Wire[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init)
    const path = new URL(String(input)).pathname
    if (path.startsWith('/auth/')) log.push({ path, status: res.status, body: (await res.clone().json()) as Record<string, unknown> })
    return res
  }
}
const start = (p = 0) => startRegister({ dataDir: registerDir.dir, port: p, demo: { persons: 10 }, tokenTtlMs: TTL_MS })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function syncOnce(device: Device) {
  device.ctx.session!.sync.run()
  await device.ctx.session!.sync.whenIdle()
  return value(await call(device, 'sync.status', {}))
}
const raw = (path: string, body: unknown, token?: string) =>
  fetch(`${register.url}${path}`, {
    method: path === '/sync/pull' ? 'GET' : 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }))

beforeAll(async () => {
  register = await start()
  port = Number(new URL(register.url).port)
}, 180_000)
afterAll(async () => {
  await register?.close()
  registerDir.remove()
  tmp.remove()
})

describe('issue 11.1 device-bound refresh tokens', () => {
  test('A7 the ended access token is renewed without the caseworker; the refresh token is rotated and kept encrypted', async () => {
    const wire: Wire[] = []
    const device = testDevice(`${tmp.dir}/renew`, register.url, { fetch: recordingFetch(wire) })
    await loginAndSync(device, 'intro')
    const file = refreshFileOf(replicaFile(`${tmp.dir}/renew`, register.url, 'intro'))
    const bound = wire.find((w) => w.path === '/auth/device')!
    expect(bound.status).toBe(200)
    // Encrypted at rest: the token itself is not in the file.
    expect(readFileSync(file, 'utf8')).not.toContain(bound.body.refreshToken as string)
    await sleep(TTL_MS + 200)
    const status = await syncOnce(device)
    expect(status.lastError).toBeNull()
    // At least this sync renewed (a slow first sync may have renewed before), every time accepted.
    const renewals = wire.filter((w) => w.path === '/auth/refresh').map((w) => w.status)
    expect(renewals.length).toBeGreaterThan(0)
    expect(renewals.every((s) => s === 200)).toBe(true)
    // The used token is worthless now, and replaying it revokes the family: the device's own next renewal is refused too.
    expect((await raw('/auth/refresh', { refreshToken: bound.body.refreshToken, deviceId: readDeviceId(device) })).body.error).toBe('REFRESH_REUSED')
    // No wait for the access token to expire: the theft revoked it at once.
    expect((await syncOnce(device)).lastError).toBe('LOGIN_REQUIRED')
    expect(existsSync(file)).toBe(false)
    await device.close()
  })

  test('A7 a refresh token taken to another device id is refused and its family revoked', async () => {
    const wire: Wire[] = []
    const device = testDevice(`${tmp.dir}/stolen`, register.url, { fetch: recordingFetch(wire) })
    await loginAndSync(device, 'norsk')
    const token = wire.find((w) => w.path === '/auth/device')!.body.refreshToken
    expect((await raw('/auth/refresh', { refreshToken: token, deviceId: 'the-thiefs-laptop' })).body.error).toBe('REFRESH_DEVICE_MISMATCH')
    // No wait for the access token to expire: the theft revoked it at once.
    expect((await syncOnce(device)).lastError).toBe('LOGIN_REQUIRED')
    await device.close()
  })

  test('A7 unlocked offline with the password only, the session resumes syncing when the register returns, without asking again', async () => {
    const dir = `${tmp.dir}/offline`
    const first = testDevice(dir, register.url)
    await loginAndSync(first, 'etterreg')
    // The laptop is shut down (no logout) and opened where the register cannot be reached.
    await first.close()
    await register.close()
    const device = testDevice(dir, register.url)
    expect(value(await call(device, 'session.login', { username: 'etterreg', password: PASSWORD })).mode).toBe('offline')
    register = await start(port)
    await expect.poll(async () => value(await call(device, 'session.state', {})).mode, { timeout: 15_000 }).toBe('online')
    await device.ctx.session!.sync.whenIdle()
    expect(value(await call(device, 'sync.status', {})).lastError).toBeNull()
    await device.close()
  }, 60_000)

  test('issue 11.1 logout revokes the tokens on the register and forgets the stored one', async () => {
    const wire: Wire[] = []
    const dir = `${tmp.dir}/logout`
    const device = testDevice(dir, register.url, { fetch: recordingFetch(wire) })
    await loginAndSync(device, 'super')
    const deviceId = readDeviceId(device)
    value(await call(device, 'session.logout', {}))
    expect(wire.at(-1)).toMatchObject({ path: '/auth/logout', status: 200 })
    // The newest refresh token the device held (bound at login or rotated since): revoked, not merely unknown.
    const token = wire.filter((w) => w.body.refreshToken).at(-1)!.body.refreshToken
    expect(await raw('/auth/refresh', { refreshToken: token, deviceId })).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    // (That the access tokens end too is shown on the register: tests/integration/server/auth-tokens.test.ts.)
    expect(existsSync(refreshFileOf(replicaFile(dir, register.url, 'super')))).toBe(false)
    await device.close()
  })
})

describe('A7 TOTP at the device', () => {
  let codeAt: (ms: number) => string
  beforeAll(async () => {
    const e = await enrolTotp(register.db, 'admin', (await getServerMeta(register.db)).tokenSecret)
    const totp = URI.parse(e.uri) as TOTP
    codeAt = (ms) => totp.generate({ timestamp: ms })
  })

  test.each([
    ['A7 no code for an enrolled user: TOTP_REQUIRED beside the code field', undefined, 'TOTP_REQUIRED'],
    ['A7 a wrong code: TOTP_INVALID beside the code field', '000000', 'TOTP_INVALID'],
    ['A7 letters other than a recovery code: INVALID_INPUT on the field, the register is not asked', 'abc<>', 'INVALID_INPUT'],
  ])('%s', async (_name, totp, code) => {
    const device = testDevice(`${tmp.dir}/totp-${code}`, register.url)
    const wrong = totp === '000000' && codeAt(Date.now()) === '000000' ? '000001' : totp
    expect(await call(device, 'session.login', { username: 'admin', password: PASSWORD, ...(wrong ? { totp: wrong } : {}) })).toEqual({
      ok: false,
      reasons: [{ code, field: 'totp' }],
    })
    await device.close()
  })

  test('A7 the right code logs in', async () => {
    const device = testDevice(`${tmp.dir}/totp-ok`, register.url)
    expect(value(await call(device, 'session.login', { username: 'admin', password: PASSWORD, totp: codeAt(Date.now() + 30_000) })).mode).toBe('online')
    await device.close()
  })
})

function readDeviceId(device: Device): string {
  return (device.ctx.session!.replica.sqlite.prepare('SELECT device_id AS id FROM sync_state').get() as { id: string }).id
}
