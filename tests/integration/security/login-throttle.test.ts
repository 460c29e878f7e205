import { request } from 'node:http'
import { and, count, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, startRegister } from '../../../src/server'
import type { RunningRegister } from '../../../src/server'
import { auditLog } from '../../../src/server/db/schema'
import { backends } from '../server/backends'

/**
 * Issue 11 point 2, each attack replayed against a real register over HTTP. Different client
 * IPs are real: on Linux every 127.x.y.z is this machine, so a request sent from local address
 * 127.0.0.2 reaches the register (on 127.0.0.1) with that peer address.
 */
interface Answer {
  status: number
  retryAfter: string | null
  body: unknown
  ms?: number
}

function login(reg: RunningRegister, from: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL('/auth/login', reg.url)
  const body = JSON.stringify({ username, password, deviceId: 'throttle-test' })
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const statuses = (answers: Answer[]) => answers.map((a) => a.status)

async function timed(attempt: () => Promise<Answer>): Promise<Answer> {
  const t0 = performance.now()
  const a = await attempt()
  return { ...a, ms: performance.now() - t0 }
}

async function repeat(n: number, attempt: (i: number) => Promise<Answer>): Promise<Answer[]> {
  const out: Answer[] = []
  for (let i = 0; i < n; i++) out.push(await attempt(i))
  return out
}

describe.each(backends())('A7 login throttling on $name (issue 11 point 2)', (backend) => {
  let reg: RunningRegister
  beforeAll(async () => {
    // One register for every case (a PGlite start is slow): 127.0.0.1 is its trusted proxy, any
    // other loopback address an ordinary client. The per-IP cap is lowered so its test needs 12 failures, not 100.
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 5 }, loginThrottle: { ipMaxFailures: 12 }, trustedProxies: ['127.0.0.1'] })
  })
  afterAll(async () => reg?.close())

  test("A7 an attacker's wrong passwords from another IP do not lock the real user at theirs", async () => {
    const attacker = await repeat(8, (i) => login(reg, '127.0.0.2', 'norsk', `gjett-${i}`))
    // Five free failures, then the attacker's own pair waits (and the password is not even tried).
    expect(statuses(attacker)).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
    expect(Number(attacker[5].retryAfter)).toBeGreaterThanOrEqual(10)
    expect(attacker[5].body).toMatchObject({ error: 'THROTTLED' })
    const real = await login(reg, '127.0.0.3', 'norsk', DEMO_PASSWORD)
    expect(real.status).toBe(200)
  })

  test('A7 unknown and known users get identical answers, attempt by attempt, in the same time class and audited alike', async () => {
    // Interleaved, so a burst of load on the shared machine slows both alike (the ratio below).
    const known: Answer[] = []
    const unknown: Answer[] = []
    for (let i = 0; i < 7; i++) {
      known.push(await timed(() => login(reg, '127.0.0.4', 'intro', `feil-${i}`)))
      unknown.push(await timed(() => login(reg, '127.0.0.4', 'finst-ikkje', `feil-${i}`)))
    }
    const shape = (a: Answer) => [a.status, a.retryAfter === null ? null : 'retry-after', a.body]
    expect(unknown.map(shape)).toEqual(known.map(shape))
    expect(statuses(known)).toEqual([401, 401, 401, 401, 401, 429, 429])
    expect(known[0].body).toEqual({ error: 'INVALID_CREDENTIALS', message: 'wrong username or password' })
    // Both pay the scrypt check: an unknown user answered without it would be many times faster.
    const median = (as: Answer[]) =>
      as
        .slice(0, 5)
        .map((a) => a.ms!)
        .sort((x, y) => x - y)[2]
    expect(median(unknown) / median(known)).toBeGreaterThan(0.33)
    const audited = await reg.db
      .select({ username: auditLog.username, n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login.failed'), inArray(auditLog.username, ['intro', 'finst-ikkje'])))
      .groupBy(auditLog.username)
    expect(Object.fromEntries(audited.map((r) => [r.username, r.n]))).toEqual({ intro: 5, 'finst-ikkje': 5 })
  })

  test('A7 20 successful logins from one IP are never throttled, and a success clears its pair', async () => {
    const users = ['intro', 'les', 'tilskot', 'etterreg', 'super']
    const ok = await repeat(20, (i) => login(reg, '127.0.0.5', users[i % users.length], DEMO_PASSWORD))
    expect(statuses(ok)).toEqual(Array(20).fill(200))
    // Four typos, the right password, four more typos: never five in a row, never a wait.
    const typos = [
      ...(await repeat(4, (i) => login(reg, '127.0.0.5', 'les', `typo-${i}`))),
      await login(reg, '127.0.0.5', 'les', DEMO_PASSWORD),
      ...(await repeat(4, (i) => login(reg, '127.0.0.5', 'les', `typo-${i}`))),
    ]
    expect(statuses(typos)).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401])
  })

  test('A7 one IP spraying many usernames hits the per-IP cap; other IPs are not affected', async () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']
    const spray = await repeat(13, (i) => login(reg, '127.0.0.6', names[i % names.length], 'x'))
    // No pair reached five failures, yet failure 13 from that IP waits.
    expect(statuses(spray)).toEqual([...Array(12).fill(401), 429])
    expect((await login(reg, '127.0.0.6', 'super', DEMO_PASSWORD)).status).toBe(429)
    expect((await login(reg, '127.0.0.7', 'super', DEMO_PASSWORD)).status).toBe(200)
  })

  test('A7 X-Forwarded-For from an untrusted peer is ignored', async () => {
    const attempts = await repeat(6, (i) => login(reg, '127.0.0.8', 'support', `x-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` }))
    expect(statuses(attempts)).toEqual([401, 401, 401, 401, 401, 429])
    // A forged "other client" from the same peer is still that peer's pair.
    expect((await login(reg, '127.0.0.8', 'support', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429)
  })

  test('A7 X-Forwarded-For from the trusted proxy is honoured: clients behind it are told apart', async () => {
    const attacker = await repeat(6, (i) => login(reg, '127.0.0.1', 'support', `x-${i}`, { 'x-forwarded-for': '203.0.113.9' }))
    expect(statuses(attacker)).toEqual([401, 401, 401, 401, 401, 429])
    expect((await login(reg, '127.0.0.1', 'support', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200)
    // A peer that is not the proxy cannot claim to be the unthrottled client.
    await repeat(5, (i) => login(reg, '127.0.0.9', 'les', `y-${i}`, { 'x-forwarded-for': '198.51.100.8' }))
    expect((await login(reg, '127.0.0.9', 'les', DEMO_PASSWORD, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429)
  })
})
