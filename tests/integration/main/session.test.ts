import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { projectScope, startRegister } from '../../../src/server'
import { call, loginAndSync, PASSWORD, tempDir, testDevice, value } from '../sync/helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const tmp = tempDir('session')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 60 } })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

describe('session (A7)', () => {
  test.each([
    ['A7 a wrong password online is INVALID_CREDENTIALS on the password field', 'intro', 'feil-passord', { code: 'INVALID_CREDENTIALS', field: 'password' }],
    ['A7 an unknown user online is INVALID_CREDENTIALS', 'finst-ikkje', PASSWORD, { code: 'INVALID_CREDENTIALS', field: 'password' }],
  ])('%s', async (_name, username, password, reason) => {
    const device = testDevice(`${tmp.dir}/creds`, register.url)
    expect(await call(device, 'session.login', { username, password })).toEqual({ ok: false, reasons: [reason] })
    expect(value(await call(device, 'session.state', {})).phase).toBe('loggedOut')
    await device.close()
  })

  test('A7 repeated wrong passwords are THROTTLED by the register', async () => {
    const device = testDevice(`${tmp.dir}/throttle`, register.url)
    const codes: string[] = []
    for (let i = 0; i < 6; i++) {
      const r = await call(device, 'session.login', { username: 'super', password: `feil-${i}` })
      codes.push(r.ok ? 'ok' : r.reasons[0].code)
    }
    expect(codes.at(-1)).toBe('THROTTLED')
    // Issue 11 point 2: the wait is said in minutes (the register's Retry-After, rounded up).
    expect(await call(device, 'session.login', { username: 'super', password: 'feil-7' })).toEqual({ ok: false, reasons: [{ code: 'THROTTLED', values: { minutes: 1 } }] })
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'))
    await device.close()
  })

  test('A2 input that breaks the contract is INVALID_INPUT naming the field, and changes nothing', async () => {
    const device = testDevice(`${tmp.dir}/input`, register.url)
    expect(await device.dispatch('session.login', { username: '', password: 'x' })).toEqual({ ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'username' }] })
    expect(await device.dispatch('persons.search', { query: 7 })).toEqual({ ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'query' }] })
    expect(await device.dispatch('persons.nope', {})).toMatchObject({ ok: false, reasons: [{ code: 'UNKNOWN_COMMAND' }] })
    expect(await device.dispatch('persons.search', { query: 'x' })).toEqual({ ok: false, reasons: [{ code: 'NOT_LOGGED_IN' }] })
    await device.close()
  })

  test('D5 the person list survives logout and login; A7 logout closes the replica', async () => {
    const device = testDevice(`${tmp.dir}/list`, register.url)
    await loginAndSync(device, 'norsk')
    const people = (await projectScope(register.db, '4601')).person
    const [a, b] = [people[0], people[1]].map((p) => String(p.id))
    value(await call(device, 'personList.add', { personId: a }))
    const both = value(await call(device, 'personList.add', { personId: b }))
    expect(both.map((h) => h.id).sort()).toEqual([a, b].sort())
    expect(await call(device, 'personList.add', { personId: 'finst-ikkje' })).toEqual({ ok: false, reasons: [{ code: 'PERSON_NOT_FOUND', field: 'personId' }] })
    expect(value(await call(device, 'personList.remove', { personId: a })).map((h) => h.id)).toEqual([b])

    const replica = device.ctx.session!.replica
    expect(value(await call(device, 'session.logout', {})).phase).toBe('loggedOut')
    expect(replica.sqlite.open).toBe(false)
    expect(await call(device, 'personList.list', {})).toEqual({ ok: false, reasons: [{ code: 'NOT_LOGGED_IN' }] })

    await loginAndSync(device, 'norsk')
    expect(value(await call(device, 'personList.list', {})).map((h) => h.id)).toEqual([b])
    const view = value(await call(device, 'persons.get', { personId: b }))
    expect(view).toMatchObject({ inPersonList: true, cachedReadOnly: false, municipalityName: expect.any(String) })
    expect(view.bundle.person.id).toBe(b)
    await device.close()
  })

  test('A7 offline unlock needs a replica of this user; wrong password offline is WRONG_PASSWORD', async () => {
    const reg = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 10 } })
    const device = testDevice(`${tmp.dir}/offline`, reg.url)
    await loginAndSync(device, 'intro')
    value(await call(device, 'session.logout', {}))
    await reg.close()

    expect(await call(device, 'session.login', { username: 'les', password: PASSWORD })).toEqual({ ok: false, reasons: [{ code: 'OFFLINE_NO_REPLICA' }] })
    expect(await call(device, 'session.login', { username: 'intro', password: 'feil' })).toEqual({ ok: false, reasons: [{ code: 'WRONG_PASSWORD', field: 'password' }] })
    const state = value(await call(device, 'session.login', { username: 'intro', password: PASSWORD }))
    expect(state).toMatchObject({ phase: 'unlocked', mode: 'offline', replicaReady: true, user: { username: 'intro', municipality: '4601' } })
    const status = value(await call(device, 'sync.status', {}))
    expect(status).toMatchObject({ state: 'offline', offlineSince: expect.any(String), lastSyncAt: expect.any(String) })
    await device.close()
  })
})
