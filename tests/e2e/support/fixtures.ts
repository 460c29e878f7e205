import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { expectAccessible } from './accessibility'
import { extraPersons, type ExtraPersons } from './extra-persons'
import { freePort, startTs, type Started } from './processes'
import { readScope, type ScopeData } from './register-data'

export const DEMO_PASSWORD = 'demo1234'
/** Small enough for a quick first sync, large enough for name searches with several hits. */
const DEMO_PERSONS = process.env.NIR_E2E_DEMO_PERSONS ?? '300'

/**
 * The system under test, once per worker: the register as its own process (so a test can
 * stop it to go offline and start it again on the same data) and the browser-mode host
 * with a fresh device data folder.
 */
export interface Stack {
  baseURL: string
  registerUrl: string
  registerUp: boolean
  stopRegister(): Promise<void>
  startRegister(): Promise<void>
  /**
   * Runs the register's admin CLI (`src/server/cli.ts <args>`) on the register's data: the
   * register is stopped for it (PGlite has one writer) and started again. Returns the output.
   */
  registerCli(args: string[]): Promise<string>
  /** The host's device data folder (replicas under `replicas/`), for tests that damage a key file. */
  deviceDataDir: string
  scope(username: string): Promise<ScopeData>
  /** Persons imported for the tests on top of the demo data. */
  extra: ExtraPersons
}

export const test = base.extend<{ screens: (name: string) => Promise<void> }, { stack: Stack }>({
  stack: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'nir-e2e-'))
      const registerPort = await freePort()
      const hostPort = await freePort()
      const registerUrl = `http://127.0.0.1:${registerPort}`
      const registerEnv = { PORT: String(registerPort), NIR_DATA_DIR: join(dir, 'register'), NIR_DEMO_PERSONS: DEMO_PERSONS }
      const extra = extraPersons()
      const file = join(dir, 'extra.ndjson')
      writeFileSync(file, extra.ndjson)
      execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'import', file], {
        env: { ...process.env, ...registerEnv },
        stdio: 'pipe',
      })
      let register: Started | null = await startTs('src/server/cli.ts', registerEnv, `${registerUrl}/health`, 'e2e-register')
      const host = await startTs(
        'src/main/host/cli.ts',
        { NIR_DATA_DIR: join(dir, 'device'), NIR_HOST_PORT: String(hostPort), NIR_REGISTER_URL: registerUrl, NIR_PULL_LIMIT: '10' },
        `http://127.0.0.1:${hostPort}/`,
        'e2e-host',
      )
      const scopes = new Map<string, Promise<ScopeData>>()
      const stack: Stack = {
        baseURL: `http://127.0.0.1:${hostPort}`,
        registerUrl,
        extra,
        get registerUp() {
          return register !== null
        },
        async stopRegister() {
          // SIGKILL: the register vanishes as on a lost connection, without a goodbye.
          await register?.stop('SIGKILL')
          register = null
        },
        async startRegister() {
          register ??= await startTs('src/server/cli.ts', registerEnv, `${registerUrl}/health`, 'e2e-register')
        },
        // The host's services keep their data in `<NIR_DATA_DIR>/device` (src/main/host/cli.ts).
        deviceDataDir: join(dir, 'device', 'device'),
        async registerCli(args) {
          await stack.stopRegister()
          try {
            return execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { env: { ...process.env, ...registerEnv }, stdio: 'pipe' }).toString()
          } finally {
            await stack.startRegister()
          }
        },
        scope(username) {
          let s = scopes.get(username)
          if (!s) scopes.set(username, (s = readScope(registerUrl, username, DEMO_PASSWORD)))
          return s
        },
      }
      await use(stack)
      await host.stop()
      await register?.stop()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.baseURL),
  // Every screen a test photographs is also checked with axe-core (issue 6 point 9).
  screens: async ({ page }, use) => {
    await use(async (name) => {
      await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })
      await expectAccessible(page, name)
    })
  },
})

export { expect } from '@playwright/test'
