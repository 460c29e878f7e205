import { eq } from 'drizzle-orm'
import { URI, type TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, getServerMeta, startRegister } from '../../../src/server'
import type { RunningRegister } from '../../../src/server'
import { enrolTotp, TOTP_PERIOD_S } from '../../../src/server/auth/totp'
import { setPassword } from '../../../src/server/auth/users'
import { refreshTokens, users } from '../../../src/server/db/schema'
import { backends } from './backends'

/**
 * Issue 11 point 1 against a real register over HTTP, on PGlite and PostgreSQL: revocation by
 * logout and password change, device-bound refresh tokens rotated on use, and TOTP.
 */
interface Answer {
  status: number
  body: Record<string, unknown>
}

async function call(reg: RunningRegister, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${reg.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const login = (reg: RunningRegister, username: string, extra: Record<string, unknown> = {}) =>
  call(reg, 'POST', '/auth/login', { username, password: DEMO_PASSWORD, deviceId: 'laptop-1', ...extra })
/** An authenticated request that changes nothing: one pull page of one change set (200 to a valid token). */
const probe = (reg: RunningRegister, token: string) => call(reg, 'GET', '/sync/pull?limit=1', undefined, token)
const refresh = (reg: RunningRegister, refreshToken: unknown, deviceId = 'laptop-1') => call(reg, 'POST', '/auth/refresh', { refreshToken, deviceId })

describe.each(backends())('issue 11.1 tokens on $name', (backend) => {
  let reg: RunningRegister
  beforeAll(async () => {
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 5 } })
  })
  afterAll(async () => reg?.close())

  test('A7 login answers a 10-minute access token and a refresh token bound to the device', async () => {
    const a = await login(reg, 'intro')
    expect(a.status).toBe(200)
    const ttl = Date.parse(a.body.expiresAt as string) - Date.now()
    expect(ttl).toBeGreaterThan(9 * 60_000)
    expect(ttl).toBeLessThanOrEqual(10 * 60_000)
    expect(a.body.refreshToken).toMatch(/^[\w-]{43}$/)
    // Only the hash is stored: the token itself is nowhere in the table.
    const rows = await reg.db.select().from(refreshTokens)
    expect(JSON.stringify(rows)).not.toContain(a.body.refreshToken as string)
    expect((await probe(reg, a.body.accessToken as string)).status).toBe(200)
  })

  test('issue 11.1 logout revokes every access and refresh token of the user → 401 with a reason', async () => {
    const one = await login(reg, 'intro')
    const two = await login(reg, 'intro', { deviceId: 'laptop-2' })
    expect((await call(reg, 'POST', '/auth/logout', {}, one.body.accessToken as string)).status).toBe(200)
    for (const t of [one, two]) {
      expect(await probe(reg, t.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    }
    expect(await refresh(reg, one.body.refreshToken)).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    expect(await refresh(reg, two.body.refreshToken, 'laptop-2')).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    // A new login works at once.
    expect((await probe(reg, (await login(reg, 'intro')).body.accessToken as string)).status).toBe(200)
  })

  test('issue 11.1 logout with an expired access token: the refresh token names the user', async () => {
    const a = await login(reg, 'norsk')
    expect((await call(reg, 'POST', '/auth/logout', { refreshToken: a.body.refreshToken, deviceId: 'laptop-1' })).status).toBe(200)
    expect(await probe(reg, a.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    expect(await call(reg, 'POST', '/auth/logout', {})).toMatchObject({ status: 401, body: { error: 'TOKEN_REQUIRED' } })
    expect(await call(reg, 'POST', '/auth/logout', { refreshToken: a.body.refreshToken, deviceId: 'laptop-1' })).toMatchObject({ status: 401 })
  })

  test('issue 11.1 a password change (own, POST /auth/password) revokes every token; the old password stops working', async () => {
    const a = await login(reg, 'admin')
    expect(a.status).toBe(200)
    const wrong = await call(reg, 'POST', '/auth/password', { currentPassword: 'feil-passord', newPassword: 'nytt-passord-1' }, a.body.accessToken as string)
    expect(wrong).toMatchObject({ status: 401, body: { error: 'INVALID_CREDENTIALS' } })
    expect((await probe(reg, a.body.accessToken as string)).status).toBe(200)
    const short = await call(reg, 'POST', '/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'kort' }, a.body.accessToken as string)
    expect(short.status).toBe(400)
    const ok = await call(reg, 'POST', '/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'nytt-passord-1' }, a.body.accessToken as string)
    expect(ok.status).toBe(200)
    expect(await probe(reg, a.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    expect(await refresh(reg, a.body.refreshToken)).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    expect((await login(reg, 'admin')).status).toBe(401)
    expect((await login(reg, 'admin', { password: 'nytt-passord-1' })).status).toBe(200)
  })

  test("issue 11.1 the admin's set-password revokes every token of the user", async () => {
    const a = await login(reg, 'super')
    expect(a.status).toBe(200)
    expect(await setPassword(reg.db, 'super', 'admin-satt-1')).toBe(true)
    expect(await probe(reg, a.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    expect(await refresh(reg, a.body.refreshToken)).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    expect(await setPassword(reg.db, 'finst-ikkje', 'admin-satt-1')).toBe(false)
  })

  test('A7 a refresh rotates: new tokens work, the used one is refused and its reuse revokes the whole family and its access tokens', async () => {
    // The user's other laptop, logged in before the theft.
    const other = await login(reg, 'intro', { deviceId: 'laptop-s' })
    const a = await login(reg, 'intro', { deviceId: 'laptop-r' })
    const b = await refresh(reg, a.body.refreshToken, 'laptop-r')
    expect(b.status).toBe(200)
    expect(b.body.refreshToken).not.toBe(a.body.refreshToken)
    expect((await probe(reg, b.body.accessToken as string)).status).toBe(200)
    // The stolen copy of the first token comes back: refused, and the family (b's token too) ends.
    expect(await refresh(reg, a.body.refreshToken, 'laptop-r')).toMatchObject({ status: 401, body: { error: 'REFRESH_REUSED' } })
    expect(await refresh(reg, b.body.refreshToken, 'laptop-r')).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    // The access token of the family stops at once, not when its 10 minutes run out.
    expect(await probe(reg, b.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    // The other laptop's access token stops too, but its own family renews it without a password.
    expect(await probe(reg, other.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    const renewed = await refresh(reg, other.body.refreshToken, 'laptop-s')
    expect(renewed.status).toBe(200)
    expect((await probe(reg, renewed.body.accessToken as string)).status).toBe(200)
  })

  test('A7 a refresh token presented by another device id is refused and its family revoked', async () => {
    const a = await login(reg, 'intro', { deviceId: 'laptop-d' })
    expect(await refresh(reg, a.body.refreshToken, 'laptop-thief')).toMatchObject({ status: 401, body: { error: 'REFRESH_DEVICE_MISMATCH' } })
    expect(await refresh(reg, a.body.refreshToken, 'laptop-d')).toMatchObject({ status: 401, body: { error: 'REFRESH_REVOKED' } })
    expect(await probe(reg, a.body.accessToken as string)).toMatchObject({ status: 401, body: { error: 'TOKEN_REVOKED' } })
    expect(await refresh(reg, 'x'.repeat(43), 'laptop-d')).toMatchObject({ status: 401, body: { error: 'REFRESH_INVALID' } })
    expect(await refresh(reg, 'a\u0000b', 'laptop-d')).toMatchObject({ status: 400 })
  })

  test('A7 POST /auth/device binds a refresh token only with the access token of a password login', async () => {
    const a = await login(reg, 'intro', { deviceId: undefined })
    expect(a.body.refreshToken).toBeUndefined()
    const bound = await call(reg, 'POST', '/auth/device', { deviceId: 'laptop-b' }, a.body.accessToken as string)
    expect(bound.status).toBe(200)
    const renewed = await refresh(reg, bound.body.refreshToken, 'laptop-b')
    expect(renewed.status).toBe(200)
    // A refreshed access token cannot start a new family (a stolen one would never end).
    const again = await call(reg, 'POST', '/auth/device', { deviceId: 'laptop-c' }, renewed.body.accessToken as string)
    expect(again).toMatchObject({ status: 401, body: { error: 'DEVICE_BIND_NEEDS_LOGIN' } })
  })

  test('A7 a disabled user gets no new access token from a refresh', async () => {
    const a = await login(reg, 'support')
    expect(a.status).toBe(200)
    await reg.db.update(users).set({ disabled: true }).where(eq(users.username, 'support'))
    expect(await refresh(reg, a.body.refreshToken)).toMatchObject({ status: 403, body: { error: 'USER_DISABLED' } })
  })

  describe('A7 TOTP (RFC 6238)', () => {
    let codeAt: (ms: number) => string
    let recovery: string[]
    beforeAll(async () => {
      const e = await enrolTotp(reg.db, 'intro', (await getServerMeta(reg.db)).tokenSecret)
      expect(e.uri).toMatch(/^otpauth:\/\/totp\/NIR%20Offline:intro\?/)
      expect(e.recoveryCodes).toHaveLength(10)
      recovery = e.recoveryCodes
      // The test's authenticator app: the code from the URI the admin's QR code carries.
      const totp = URI.parse(e.uri) as TOTP
      codeAt = (ms) => totp.generate({ timestamp: ms })
      // Neither the secret nor a recovery code is stored in clear.
      const [row] = await reg.db.select().from(users).where(eq(users.username, 'intro'))
      expect(row!.totpSecret).not.toContain(e.secret)
    })

    test('A7 without the code: 401 TOTP_REQUIRED; a wrong code: 401 TOTP_INVALID', async () => {
      expect(await login(reg, 'intro')).toMatchObject({ status: 401, body: { error: 'TOTP_REQUIRED' } })
      const wrong = String((Number(codeAt(Date.now())) + 1) % 1_000_000).padStart(6, '0')
      expect(await login(reg, 'intro', { totp: wrong })).toMatchObject({ status: 401, body: { error: 'TOTP_INVALID' } })
      // The right code with a wrong password tells nothing about the code.
      expect(await login(reg, 'intro', { totp: codeAt(Date.now()), password: 'feil' })).toMatchObject({ status: 401, body: { error: 'INVALID_CREDENTIALS' } })
    })

    test('A7 the right code logs in once; the same code again (same step) is refused as replayed', async () => {
      // The next step's code (accepted within the ±1 step window): no earlier test used it.
      const code = codeAt(Date.now() + TOTP_PERIOD_S * 1000)
      expect((await login(reg, 'intro', { totp: code })).status).toBe(200)
      expect(await login(reg, 'intro', { totp: code })).toMatchObject({ status: 401, body: { error: 'TOTP_INVALID' } })
      // The current step's code is older than the one just used: also refused.
      expect(await login(reg, 'intro', { totp: codeAt(Date.now()) })).toMatchObject({ status: 401, body: { error: 'TOTP_INVALID' } })
    })

    test('A7 a recovery code works once, typed in any case and spacing', async () => {
      const code = recovery[3]!
      expect((await login(reg, 'intro', { totp: ` ${code.toLowerCase()} ` })).status).toBe(200)
      expect(await login(reg, 'intro', { totp: code })).toMatchObject({ status: 401, body: { error: 'TOTP_INVALID' } })
      expect((await login(reg, 'intro', { totp: recovery[4]!.replace('-', '') })).status).toBe(200)
    })

    test('A7 a user not enrolled logs in without a code as before', async () => {
      expect((await login(reg, 'norsk')).status).toBe(200)
    })
  })
})
