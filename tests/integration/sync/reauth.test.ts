import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeDuf } from '../../../src/shared/ids'
import { osloDateOfMs } from '../../../src/shared/rules'
import { startRegister } from '../../../src/server'
import { serverMeta } from '../../../src/server/db/schema/server-meta'
import { refreshTokens } from '../../../src/server/db/schema/refresh-tokens'
import { outbox } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { call, loginAndSync, PASSWORD, replicaSnapshot, tempDir, testDevice, value } from './helpers'

/**
 * Issue 7.6: when the register refuses the device's token, the sync stops with
 * `LOGIN_REQUIRED`, the caseworker's work stays in the outbox, and `session.reauthenticate`
 * (password only, for the logged-in user) renews the token in place and syncs it.
 * The 401 is real: the register restarts with another token secret on the same data and port,
 * so the token the device holds no longer verifies.
 */
describe('re-authentication in place (issue 7.6)', () => {
  const registerDir = tempDir('reauth-register')
  const deviceDir = tempDir('reauth-device')
  let register: Awaited<ReturnType<typeof startRegister>>
  let device: Device
  let personId: string
  const contactId = randomUUID()

  const pending = () => device.ctx.session!.replica.db.select({ command: outbox.command, state: outbox.state }).from(outbox).all()
  const sync = async () => {
    device.ctx.session!.sync.run()
    await device.ctx.session!.sync.whenIdle()
  }

  beforeAll(async () => {
    register = await startRegister({ dataDir: registerDir.dir, port: 0, demo: { persons: 10 } })
    device = testDevice(deviceDir.dir, register.url)
    await loginAndSync(device, 'norsk')
    personId = String(replicaSnapshot(device).person[0].id)
    // Rotate the secret, then restart on the same port: the device's token is now refused (401).
    // Its refresh token is revoked too (issue 11.1), else the device would renew without asking.
    await register.db.update(serverMeta).set({ tokenSecret: randomBytes(32).toString('hex') })
    await register.db.update(refreshTokens).set({ revokedAt: new Date() })
    const port = Number(new URL(register.url).port)
    await register.close()
    register = await startRegister({ dataDir: registerDir.dir, port })
  }, 120_000)
  afterAll(async () => {
    await device?.close()
    await register?.close()
    registerDir.remove()
    deviceDir.remove()
  })

  test('a DUF look-up with the refused token says so beside the search field and asks for the password, not a failure', async () => {
    const answer = value(await call(device, 'persons.search', { query: makeDuf(1999, 7) }))
    expect(answer).toMatchObject({ kind: 'duf', hits: [], warnings: [{ code: 'DUF_LOOKUP_LOGIN_REQUIRED', field: 'query' }] })
    expect(value(await call(device, 'sync.status', {})).lastError).toBe('LOGIN_REQUIRED')
  })

  test('a refused token stops the sync with LOGIN_REQUIRED and the saved contact stays pending', async () => {
    value(await call(device, 'contact.register', { id: contactId, personId, scheme: 'norsk', date: osloDateOfMs(Date.now()) }))
    await sync()
    const status = value(await call(device, 'sync.status', {}))
    expect(status).toMatchObject({ state: 'error', lastError: 'LOGIN_REQUIRED', pending: 1 })
    expect(pending().filter((r) => r.command === 'contact.register')).toEqual([{ command: 'contact.register', state: 'pending' }])
  })

  test.each([
    ['a wrong password is INVALID_CREDENTIALS on the password field', { password: 'feil-passord' }, { ok: false, reasons: [{ code: 'INVALID_CREDENTIALS', field: 'password' }] }],
    ['an empty password breaks the contract and is refused on the password field', { password: '' }, { ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'password' }] }],
    [
      'a username in the input is refused: the user is always the session’s',
      { password: PASSWORD, username: 'super' },
      { ok: false, reasons: [expect.objectContaining({ code: 'INVALID_INPUT' })] },
    ],
  ])('%s, and the outbox and LOGIN_REQUIRED are unchanged', async (_name, input, answer) => {
    expect(await device.dispatch('session.reauthenticate', input)).toEqual(answer)
    expect(pending().filter((r) => r.command === 'contact.register')).toEqual([{ command: 'contact.register', state: 'pending' }])
    expect(value(await call(device, 'sync.status', {})).lastError).toBe('LOGIN_REQUIRED')
  })

  test('the right password renews the token in place: same user and replica, the contact is pushed and applied', async () => {
    const replica = device.ctx.session!.replica
    const state = value(await call(device, 'session.reauthenticate', { password: PASSWORD }))
    expect(state).toMatchObject({ phase: 'unlocked', mode: 'online', user: { username: 'norsk' } })
    await device.ctx.session!.sync.whenIdle()
    expect(device.ctx.session!.replica).toBe(replica)
    expect(pending().filter((r) => r.command === 'contact.register')).toEqual([{ command: 'contact.register', state: 'applied' }])
    expect(value(await call(device, 'sync.status', {}))).toMatchObject({ state: 'upToDate', lastError: null, pending: 0 })
    expect(replicaSnapshot(device).contact.map((c) => c.id)).toContain(contactId)
  })

  test('with the register unreachable the answer says so on the password field', async () => {
    const port = Number(new URL(register.url).port)
    await register.close()
    try {
      expect(await call(device, 'session.reauthenticate', { password: PASSWORD })).toEqual({ ok: false, reasons: [{ code: 'REGISTER_UNREACHABLE', field: 'password' }] })
    } finally {
      register = await startRegister({ dataDir: registerDir.dir, port })
    }
  })
})
