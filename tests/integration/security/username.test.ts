import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { projectScope, startRegister } from '../../../src/server'
import { eq } from 'drizzle-orm'
import { createUser } from '../../../src/server/auth/users'
import { users } from '../../../src/server/db/schema'
import { replicaFile } from '../../../src/main/db/vault'
import type { SessionState } from '../../../src/shared/api'
import { call, loginAndSync, PASSWORD, tempDir, testDevice, value } from '../sync/helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const tmp = tempDir('username')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 30 } })
  await createUser(register.db, { username: 'åse', password: PASSWORD, displayName: 'Åse', municipality: '4601', roles: ['kommuneintro'] })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

/** Issue 11.3: one username, one user, one replica — on the device and on the register alike. */
describe('usernames are normalised everywhere (issue 11.3)', () => {
  test.each([
    ['INTRO is intro: same user, same replica, same pinned list', 'intro', 'INTRO'],
    ['" Intro " is intro', 'intro', ' Intro '],
    ['a name typed in NFD is the NFC user: same replica, same pinned list', 'åse', 'A\u030ase'],
  ])('%s', async (_name, canonical, typed) => {
    const device = testDevice(`${tmp.dir}/${canonical}-${typed.length}`, register.url)
    const first = (await loginAndSync(device, canonical)) as SessionState
    const file = device.ctx.session!.replica.sqlite.name
    const someone = String((await projectScope(register.db, '4601')).person[0].id)
    value(await call(device, 'personList.add', { personId: someone }))
    value(await call(device, 'session.logout', {}))

    const again = (await loginAndSync(device, typed)) as SessionState
    expect(again.user).toEqual(first.user)
    expect(device.ctx.session!.replica.sqlite.name).toBe(file)
    expect(file).toBe(replicaFile(`${tmp.dir}/${canonical}-${typed.length}`, register.url, canonical))
    expect(value(await call(device, 'personList.list', {})).map((h) => h.id)).toEqual([someone])
    await device.close()
  })

  test('R9 a user whose roles no longer read person data is refused the pinned list (NO_PERSON_ACCESS), not shown it', async () => {
    await createUser(register.db, { username: 'rolle', password: PASSWORD, displayName: 'Rolle', municipality: '4601', roles: ['kommuneintro'] })
    const device = testDevice(`${tmp.dir}/rolle`, register.url)
    await loginAndSync(device, 'rolle')
    const someone = String((await projectScope(register.db, '4601')).person[0].id)
    value(await call(device, 'personList.add', { personId: someone }))
    value(await call(device, 'session.logout', {}))
    await register.db
      .update(users)
      .set({ roles: ['kommuneadministrator'] })
      .where(eq(users.username, 'rolle'))
    await loginAndSync(device, 'ROLLE')
    expect(await call(device, 'personList.list', {})).toEqual({ ok: false, reasons: [{ code: 'NO_PERSON_ACCESS' }] })
    expect(await call(device, 'personList.add', { personId: someone })).toEqual({ ok: false, reasons: [{ code: 'NO_PERSON_ACCESS', field: 'personId' }] })
    await device.close()
  })

  test.each([
    ['a NUL after the name', 'intro\u0000'],
    ['a NUL alone', '\u0000'],
    ['a line break inside the name', 'in\ntro'],
    ['only spaces', '   '],
  ])('%s is refused INVALID_INPUT on the username field, and nothing is opened', async (_name, username) => {
    const device = testDevice(`${tmp.dir}/bad`, register.url)
    expect(await call(device, 'session.login', { username, password: PASSWORD })).toEqual({ ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'username' }] })
    expect(value(await call(device, 'session.state', {})).phase).toBe('loggedOut')
    await device.close()
  })

  test('11.6 a NUL anywhere in a contract input is INVALID_INPUT naming that field', async () => {
    const device = testDevice(`${tmp.dir}/nul`, register.url)
    await loginAndSync(device, 'intro')
    expect(await call(device, 'persons.search', { query: 'a\u0000' })).toEqual({ ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'query' }] })
    expect(await call(device, 'personList.add', { personId: 'x'.repeat(20_000) })).toEqual({ ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'personId' }] })
    await device.close()
  })
})
