import { existsSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { contractNames, type SessionState } from '../../../src/shared/api'
import { startRegister } from '../../../src/server'
import type { Device } from '../../../src/main/services'
import { idleLockMinutesFromEnv, UNLOCK_ATTEMPTS } from '../../../src/main/services/idle-lock'
import { StartupError } from '../../../src/main/host/startup-error'
import { refreshFileOf } from '../../../src/main/sync/token-keeper'
import { loginAndSync, PASSWORD, tempDir, testDevice } from '../sync/helpers'

/**
 * Issue 11 point 4 (A7) on a real register and a real replica file: the session locks after
 * 15 idle minutes of the service context's clock (moved by the test) or at once on sleep, the
 * replica closes, every call but the way back in answers `LOCKED`, and the same user's password
 * opens it again.
 */
type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
let device: Device
const tmp = tempDir('idle-lock')
let clock = Date.parse('2026-12-01T09:00:00Z')
const MINUTE = 60_000
const advance = (ms: number) => (clock += ms)

/** Calls a locked device still answers. */
const OPEN = ['session.state', 'session.login', 'session.logout', 'lock.unlock', 'lock.activity']

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 8 } })
  device = testDevice(tmp.dir, register.url, { now: () => new Date(clock), idleCheckIntervalMs: 10 })
})
afterAll(async () => {
  await device?.close()
  await register?.close()
  tmp.remove()
})

async function phase(): Promise<SessionState['phase']> {
  const r = await device.dispatch('session.state', {})
  if (!r.ok) throw new Error(JSON.stringify(r.reasons))
  return (r.value as SessionState).phase
}

/** Lets the idle timer (every 10 ms) look at the moved clock a few times. */
const ticks = () => new Promise((r) => setTimeout(r, 80))

async function unlocked(): Promise<void> {
  if ((await phase()) === 'unlocked') return
  if ((await phase()) === 'locked') await device.dispatch('session.logout', {})
  await loginAndSync(device, 'intro')
}

describe('idle lock (issue 11 point 4, A7)', () => {
  beforeEach(unlocked)

  test('no lock at 14:59 idle; at 15:00 the replica closes and the renderer hears phase locked with the same user', async () => {
    const replica = device.ctx.session!.replica
    const heard: SessionState[] = []
    const stop = device.ctx.events.subscribe((e) => void (e.name === 'session.changed' && heard.push(e.payload)))
    try {
      advance(15 * MINUTE - 1_000)
      await ticks()
      expect(await phase()).toBe('unlocked')
      expect(heard).toEqual([])
      advance(1_000)
      await expect.poll(phase).toBe('locked')
      expect(heard.map((s) => [s.phase, s.user?.username])).toEqual([['locked', 'intro']])
      // The key is gone with the connection: nothing can read the file through it any more.
      expect(replica.sqlite.open).toBe(false)
      expect(device.ctx.session).toBeNull()
    } finally {
      stop()
    }
  })

  test('a contract call is activity: the idle time counts from the last call, not from the login', async () => {
    advance(10 * MINUTE)
    expect((await device.dispatch('persons.search', { query: 'a' })).ok).toBe(true)
    advance(10 * MINUTE)
    await ticks()
    expect(await phase()).toBe('unlocked')
    expect(await device.dispatch('lock.activity', {})).toEqual({ ok: true, value: { idleLockMs: 15 * MINUTE } })
    advance(14 * MINUTE)
    await ticks()
    expect(await phase()).toBe('unlocked')
    advance(1 * MINUTE)
    await expect.poll(phase).toBe('locked')
  })

  test.each([['suspend'], ['lock-screen']] as const)("Electron's powerMonitor %s locks at once, without waiting for the idle time", async (cause) => {
    expect(await device.ctx.idleLock.lock(cause)).toBe(true)
    expect(await phase()).toBe('locked')
    expect(await device.ctx.idleLock.lock(cause)).toBe(false)
  })

  test('while locked every call but state, login, logout, unlock and activity answers LOCKED, and activity does not reset the lock', async () => {
    await device.ctx.idleLock.lock('idle')
    const refused = contractNames.filter((n) => !OPEN.includes(n))
    expect(refused.length).toBeGreaterThan(30)
    for (const name of refused) {
      expect(await device.dispatch(name, {}), name).toEqual({ ok: false, reasons: [{ code: 'LOCKED' }] })
    }
    expect((await device.dispatch('lock.activity', {})).ok).toBe(true)
    expect(await phase()).toBe('locked')
    expect(device.ctx.session).toBeNull()
  })

  test('the same user unlocks with the password: data readable again, sync resumes; a wrong password is refused beside the field', async () => {
    await device.ctx.idleLock.lock('idle')
    expect(await device.dispatch('lock.unlock', { password: 'not-it' })).toEqual({
      ok: false,
      reasons: [{ code: 'UNLOCK_WRONG_PASSWORD', field: 'password', values: { attemptsLeft: UNLOCK_ATTEMPTS - 1 } }],
    })
    expect(await phase()).toBe('locked')
    const r = await device.dispatch('lock.unlock', { password: PASSWORD })
    expect(r.ok && (r.value as SessionState)).toMatchObject({ phase: 'unlocked', user: { username: 'intro' }, replicaReady: true })
    const search = await device.dispatch('persons.search', { query: 'a' })
    expect(search.ok).toBe(true)
    await device.ctx.session!.sync.whenIdle()
    expect(await device.dispatch('sync.run', {})).toMatchObject({ ok: true })
  })

  test(`${UNLOCK_ATTEMPTS} wrong passwords end the session and revoke its refresh token: a full login is needed`, async () => {
    const refreshFile = refreshFileOf(device.ctx.session!.replica.file)
    expect(existsSync(refreshFile)).toBe(true)
    await device.ctx.idleLock.lock('idle')
    for (let i = 1; i < UNLOCK_ATTEMPTS; i++) {
      expect(await device.dispatch('lock.unlock', { password: `wrong-${i}` })).toMatchObject({ ok: false, reasons: [{ code: 'UNLOCK_WRONG_PASSWORD' }] })
    }
    expect(await device.dispatch('lock.unlock', { password: 'wrong-last' })).toEqual({ ok: false, reasons: [{ code: 'UNLOCK_ATTEMPTS_EXCEEDED', field: 'password' }] })
    expect(await phase()).toBe('loggedOut')
    expect(existsSync(refreshFile)).toBe(false)
    // The right password no longer helps at the lock: there is none.
    expect(await device.dispatch('lock.unlock', { password: PASSWORD })).toEqual({ ok: false, reasons: [{ code: 'NOT_LOGGED_IN' }] })
  })

  test('logout from the lock screen ends the locked session and revokes its refresh token (issue 11.1); another user may log in', async () => {
    const refreshFile = refreshFileOf(device.ctx.session!.replica.file)
    expect(existsSync(refreshFile)).toBe(true)
    await device.ctx.idleLock.lock('idle')
    expect(await device.dispatch('session.logout', {})).toMatchObject({ ok: true, value: { phase: 'loggedOut', user: null } })
    expect(existsSync(refreshFile)).toBe(false)
    const r = await loginAndSync(device, 'norsk')
    expect(r).toMatchObject({ phase: 'unlocked', user: { username: 'norsk' } })
    await device.dispatch('session.logout', {})
  })

  test('nothing to lock when logged out', async () => {
    await device.dispatch('session.logout', {})
    expect(await device.ctx.idleLock.lock('suspend')).toBe(false)
    expect(await phase()).toBe('loggedOut')
  })
})

describe('NIR_IDLE_LOCK_MINUTES (A7: 15 minutes, shorter if a deployment wants)', () => {
  test.each([
    [undefined, 15],
    ['', 15],
    ['15', 15],
    ['5', 5],
    ['0.05', 0.05],
  ])('%j → %d minutes', (value, minutes) => {
    expect(idleLockMinutesFromEnv(value)).toBe(minutes)
  })

  test.each([['0'], ['-1'], ['16'], ['abc'], ['Infinity'], ['NaN']])('%j stops the start with a message naming the variable', (value) => {
    expect(() => idleLockMinutesFromEnv(value)).toThrow(StartupError)
    expect(() => idleLockMinutesFromEnv(value)).toThrow(/NIR_IDLE_LOCK_MINUTES/)
  })
})
