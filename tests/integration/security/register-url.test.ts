import { afterAll, describe, expect, test } from 'vitest'
import { registerUrlIsSecure } from '../../../src/main/services/session'
import { call, PASSWORD, tempDir, testDevice } from '../sync/helpers'

const tmp = tempDir('register-url')
afterAll(() => tmp.remove())

/** Issue 11 point 2: the password goes to the register over https, or to this machine only. */
describe('A7 the device sends a password only over https, except to localhost', () => {
  test.each([
    ['https to a remote register', 'https://nir.kommune.no', true],
    ['http to localhost', 'http://localhost:4100', true],
    ['http to 127.0.0.1', 'http://127.0.0.1:4100', true],
    ['http to ::1', 'http://[::1]:4100', true],
    ['http to a remote register', 'http://nir.kommune.no', false],
    ['http to a LAN address', 'http://10.0.0.5:4100', false],
    ['http to a name that only starts like localhost', 'http://localhost.evil.example', false],
    ['another scheme', 'ftp://nir.kommune.no', false],
    ['not a URL', 'nir.kommune.no', false],
  ])('%s', (_name, url, secure) => {
    expect(registerUrlIsSecure(url)).toBe(secure)
  })

  test('login with a plain-http remote register URL is refused with REGISTER_URL_INSECURE naming the URL, before anything is sent', async () => {
    const requests: string[] = []
    const device = testDevice(`${tmp.dir}/insecure`, 'http://nir.kommune.no', {
      fetch: async (input) => {
        requests.push(String(input))
        throw new Error('no network in this test')
      },
    })
    expect(await call(device, 'session.login', { username: 'intro', password: PASSWORD })).toEqual({
      ok: false,
      reasons: [{ code: 'REGISTER_URL_INSECURE', values: { url: 'http://nir.kommune.no' } }],
    })
    expect(requests).toEqual([])
    await device.close()
  })
})
