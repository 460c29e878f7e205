import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { spawnCli, takePort } from '../support/spawn-cli'
import { tempDir } from '../sync/helpers'
import { secretOf } from './host-helpers'

/**
 * Issue 6 points 11 and 13b, through the real `npm run web` entry point: the embedded demo
 * register starts only without `NIR_REGISTER_URL` and says so; a taken port is one line
 * naming the variable to change, and a non-zero exit.
 */
const tmp = tempDir('startup')
afterAll(() => tmp.remove())
const HOST = 'src/main/host/cli.ts'
const DEMO_LINE = /^demo mode: embedded register with demo users on http:\/\/127\.0\.0\.1:\d+/m
const base = (name: string) => ({ NIR_DATA_DIR: join(tmp.dir, name), NIR_DEMO_PERSONS: '10', NIR_REGISTER_PORT: '0', NIR_HOST_PORT: '0', PORT: undefined })

describe('13b browser mode starts the demo register only when no register is named', () => {
  test('without NIR_REGISTER_URL: the embedded demo register starts, says so in one line, and its demo user logs in', async () => {
    const cli = spawnCli(HOST, [], { ...base('demo'), NIR_REGISTER_URL: undefined })
    try {
      const out = await cli.waitFor(/NIR Offline \(browser mode\): (http:\/\/127\.0\.0\.1:\d+)/)
      expect(out.match(new RegExp(DEMO_LINE.source, 'gm'))).toHaveLength(1)
      const url = /browser mode\): (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!
      const secret = secretOf(await (await fetch(`${url}/`)).text())
      const login = await fetch(`${url}/api/session.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nir-secret': secret },
        body: JSON.stringify({ username: 'intro', password: 'demo1234' }),
      })
      expect(await login.json()).toMatchObject({ ok: true })
    } finally {
      await cli.stop()
    }
  })

  test('with NIR_REGISTER_URL: no embedded register and no demo line', async () => {
    const cli = spawnCli(HOST, [], { ...base('named'), NIR_REGISTER_URL: 'http://127.0.0.1:9' })
    try {
      const out = await cli.waitFor(/NIR Offline \(browser mode\)/)
      expect(out).toContain('register http://127.0.0.1:9')
      expect(out).not.toMatch(/demo mode/)
    } finally {
      await cli.stop()
    }
  })
})

describe('11 a taken port says which variable to change, in one line, and exits non-zero', () => {
  test.each([
    { variable: 'NIR_HOST_PORT', env: (port: number) => ({ NIR_HOST_PORT: String(port), NIR_REGISTER_URL: 'http://127.0.0.1:9' }) },
    { variable: 'NIR_REGISTER_PORT', env: (port: number) => ({ NIR_REGISTER_PORT: String(port), NIR_REGISTER_URL: undefined }) },
  ])('$variable', async ({ variable, env }) => {
    const taken = await takePort()
    try {
      const cli = spawnCli(HOST, [], { ...base(variable), ...env(taken.port) })
      const { code, output } = await cli.exited()
      expect(code).not.toBe(0)
      const lines = output.trim().split('\n')
      expect(lines).toEqual([
        `Port ${taken.port} on 127.0.0.1 is already in use: stop the program using it, or set ${variable} to another port (e.g. ${variable}=${taken.port + 1}).`,
      ])
    } finally {
      await taken.close()
    }
  })
})
