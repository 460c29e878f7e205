import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { NO_USERS_HINT } from '../../../src/server/demo/mode'
import { spawnCli, takePort } from '../support/spawn-cli'
import { tempDir } from '../sync/helpers'
import { backends } from './backends'

/**
 * Issue 6 points 13b and 11 through the real `npm run server` entry point: the demo users
 * (published password, a central administrator among them) never load into a real database
 * unless asked for with `--demo`; a taken port is one line naming `PORT`.
 */
const tmp = tempDir('server-cli')
afterAll(() => tmp.remove())
const CLI = 'src/server/cli.ts'
const LISTENING = /NIR central register listening on (http:\/\/127\.0\.0\.1:\d+)/

async function loginStatus(url: string, username: string): Promise<number> {
  const res = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }) })
  return res.status
}

/** Starts the register, reads its start-up lines, tries the demo logins, stops it. */
async function serveOnce(env: Record<string, string | undefined>, args: string[]) {
  // The log is read from stdout here, so not sent to `npm test`'s collected register log.
  const cli = spawnCli(CLI, args, { PORT: '0', NIR_DEMO_PERSONS: '10', HOST: undefined, NIR_REGISTER_LOG_FILE: undefined, ...env })
  try {
    // The listening line comes last: everything the start-up prints is there by then.
    const out = await cli.waitFor(LISTENING)
    const url = LISTENING.exec(out)![1]!
    const centralAdmin = await loginStatus(url, 'nir-admin')
    const caseworker = await loginStatus(url, 'intro')
    // The request log must not carry the DUF number looked up (13c).
    await fetch(`${url}/persons/by-duf/${LOOKED_UP}`)
    await cli.stop()
    return { output: out, log: cli.output(), centralAdmin, caseworker }
  } finally {
    await cli.stop()
  }
}
const LOOKED_UP = '201425485701'

describe('13b demo users only in the embedded default or with --demo', () => {
  test('embedded PGlite (no DATABASE_URL): the demo loads and the start-up line says so', async () => {
    const r = await serveOnce({ DATABASE_URL: undefined, NIR_DATA_DIR: join(tmp.dir, 'embedded') }, [])
    expect(r.output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(demo users and data\)/)
    expect(r.caseworker).toBe(200)
    expect(r.output).not.toContain(NO_USERS_HINT)
    expect(r.log).toContain('/persons/by-duf/<redacted>')
    expect(r.log).not.toContain(LOOKED_UP)
  })

  test('embedded PGlite with --no-demo: empty, with the one line on how to create the first administrator', async () => {
    const r = await serveOnce({ DATABASE_URL: undefined, NIR_DATA_DIR: join(tmp.dir, 'no-demo') }, ['--no-demo'])
    expect(r.output).toContain(NO_USERS_HINT)
    expect(r.centralAdmin).toBe(401)
  })

  test('issue 11.9: a database that ran as the demo is refused without --demo, naming the demo users still on the published password', async () => {
    const dir = join(tmp.dir, 'was-demo')
    expect((await serveOnce({ DATABASE_URL: undefined, NIR_DATA_DIR: dir }, [])).caseworker).toBe(200)
    const cli = spawnCli(CLI, ['--no-demo'], { PORT: '0', DATABASE_URL: undefined, NIR_DATA_DIR: dir, HOST: undefined })
    const { code, output } = await cli.exited()
    expect(code).toBe(1)
    expect(output).toMatch(/demo users with the published demo password \(.*nir-admin.*\), but the register is started without --demo/)
    expect(output).not.toMatch(LISTENING)
  })

  const postgres = backends().find((b) => b.name === 'postgres')
  test.runIf(postgres)('a real DATABASE_URL without --demo: no demo users, not even the central administrator', async () => {
    const { databaseUrl } = await postgres!.options()
    const r = await serveOnce({ DATABASE_URL: databaseUrl }, [])
    expect(r.output.split('\n').filter((l) => l === NO_USERS_HINT)).toHaveLength(1)
    expect(r.output).not.toMatch(/demo users and data/)
    expect(r.centralAdmin).toBe(401)
    expect(r.caseworker).toBe(401)
  })

  test.runIf(postgres)('a real DATABASE_URL with --demo: the demo loads as asked', async () => {
    const { databaseUrl } = await postgres!.options()
    const r = await serveOnce({ DATABASE_URL: databaseUrl }, ['--demo'])
    expect(r.output).toMatch(/\(demo users and data\)/)
    expect(r.caseworker).toBe(200)
  })
})

describe('11 a taken port', () => {
  test('says so in one line naming PORT and exits non-zero, without a stack trace', async () => {
    const taken = await takePort()
    try {
      const cli = spawnCli(CLI, ['--no-demo'], { PORT: String(taken.port), DATABASE_URL: undefined, NIR_DATA_DIR: join(tmp.dir, 'port') })
      const { code, output } = await cli.exited()
      expect(code).toBe(1)
      expect(output.trim().split('\n')).toEqual([
        `Port ${taken.port} is already in use: stop the program using it, or set PORT to another port (e.g. PORT=${taken.port + 1} npm run server).`,
      ])
    } finally {
      await taken.close()
    }
  })
})
