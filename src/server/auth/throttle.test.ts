import { describe, expect, test } from 'vitest'
import { LOGIN_THROTTLE, LoginThrottle, throttleUsername } from './throttle'

/** Issue 11 point 2: the throttle's arithmetic, with an explicit clock (the HTTP replays are in tests/integration/security/login-throttle.test.ts). */
const T0 = 1_000_000

function failTimes(t: LoginThrottle, n: number, user = 'intro', ip = '10.0.0.1', at = T0): void {
  for (let i = 0; i < n; i++) t.failure(user, ip, at)
}

describe('A7 login throttle', () => {
  test.each([
    ['four failures cost nothing', 4, 0],
    ['the fifth failure starts the first wait', 5, LOGIN_THROTTLE.firstDelayMs],
    ['each further failure doubles it', 7, 4 * LOGIN_THROTTLE.firstDelayMs],
    ['the wait never exceeds the maximum', 40, LOGIN_THROTTLE.maxDelayMs],
  ])('%s', (_name, failures, wait) => {
    const t = new LoginThrottle()
    failTimes(t, failures)
    expect(t.waitMs('intro', '10.0.0.1', T0)).toBe(wait)
  })

  test('the wait is the pair’s own: another IP or another user is not delayed', () => {
    const t = new LoginThrottle()
    failTimes(t, 10)
    expect([t.waitMs('intro', '10.0.0.2', T0), t.waitMs('norsk', '10.0.0.1', T0)]).toEqual([0, 0])
  })

  test('a success clears its pair; failures are forgotten a day after the last one', () => {
    const t = new LoginThrottle()
    failTimes(t, 4)
    t.success('intro', '10.0.0.1')
    t.failure('intro', '10.0.0.1', T0)
    expect(t.waitMs('intro', '10.0.0.1', T0)).toBe(0)
    failTimes(t, 4)
    t.failure('intro', '10.0.0.1', T0 + LOGIN_THROTTLE.pairForgetMs)
    expect(t.waitMs('intro', '10.0.0.1', T0 + LOGIN_THROTTLE.pairForgetMs)).toBe(0)
  })

  test('the per-IP cap counts failures over all usernames in its window, then lets go', () => {
    const t = new LoginThrottle({ ipMaxFailures: 10 })
    for (let i = 0; i < 10; i++) t.failure(`user${i}`, '10.0.0.9', T0 + i)
    expect(t.waitMs('someone-else', '10.0.0.9', T0 + 10)).toBe(LOGIN_THROTTLE.ipWindowMs - 10)
    expect(t.waitMs('someone-else', '10.0.0.8', T0 + 10)).toBe(0)
    expect(t.waitMs('someone-else', '10.0.0.9', T0 + LOGIN_THROTTLE.ipWindowMs)).toBe(0)
  })

  test('a typed username is counted as its normalised form', () => {
    const t = new LoginThrottle()
    failTimes(t, 5, ' INTRO ')
    expect(t.waitMs('intro', '10.0.0.1', T0)).toBeGreaterThan(0)
    expect(throttleUsername('Ａ'.normalize('NFD'))).toBe('ａ')
  })

  test('a flood of invented usernames is bounded: the oldest pairs are dropped', () => {
    const t = new LoginThrottle({ maxEntries: 50, ipMaxFailures: 1e9 })
    for (let i = 0; i < 1000; i++) failTimes(t, 5, `x${i}`, `10.1.${i % 250}.${i % 7}`)
    expect(t.waitMs('x999', `10.1.${999 % 250}.${999 % 7}`, T0)).toBeGreaterThan(0)
    expect(t.waitMs('x0', '10.1.0.0', T0)).toBe(0)
  })
})
