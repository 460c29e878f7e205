import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { startHost } from '../../../src/main/host/server'
import { PASSWORD, tempDir, testDevice } from '../sync/helpers'
import { hostPost } from './host-helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
let register: Register
const tmp = tempDir('host')

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 20 } })
})
afterAll(async () => {
  await register?.close()
  tmp.remove()
})

const post = hostPost

describe('browser-mode host (A2)', () => {
  test('A2 POST /api/:name runs the contract through dispatch; other paths fall back to the SPA', async () => {
    const web = join(tmp.dir, 'web')
    mkdirSync(web, { recursive: true })
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>NIR-test-index</title>')
    const device = testDevice(join(tmp.dir, 'device'), register.url)
    const host = await startHost({ device, staticDir: web, port: 0 })
    try {
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(await post(host.url, 'session.login', { username: 'intro', password: PASSWORD })).toMatchObject({ ok: true, value: { phase: 'unlocked', mode: 'online' } })
      expect(await post(host.url, 'persons.search', { query: 42 })).toEqual({ ok: false, reasons: [{ code: 'INVALID_INPUT', field: 'query' }] })
      expect(await post(host.url, 'nope.nothing', {})).toMatchObject({ ok: false, reasons: [{ code: 'UNKNOWN_COMMAND' }] })
      expect(await post(host.url, 'sync.run', {})).toMatchObject({ ok: true, value: { state: expect.any(String) } })
      const spa = await fetch(`${host.url}/personar/123`)
      expect(await spa.text()).toContain('NIR-test-index')
      // Without the secret the host answers 403 before routing (13a; host-security.test.ts).
      expect((await fetch(`${host.url}/api/session.state`)).status).toBe(403)
    } finally {
      await host.close()
      await device.close()
    }
  })

  test('A8 cli.ts serves the app against the register named by NIR_REGISTER_URL', async () => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main/host/cli.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, NIR_REGISTER_URL: register.url, NIR_HOST_PORT: '0', NIR_DATA_DIR: join(tmp.dir, 'cli') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout!.on('data', (d) => {
          out += String(d)
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)
          if (m) resolve(m[1])
        })
        child.stderr!.on('data', (d) => (out += String(d)))
        child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)))
      })
      expect(await post(url, 'session.login', { username: 'norsk', password: PASSWORD })).toMatchObject({ ok: true, value: { serverUrl: register.url } })
    } finally {
      child.kill('SIGTERM')
    }
  })
})
