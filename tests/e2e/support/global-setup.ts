import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

/** Builds the renderer once (`dist-web/`, served by the host) and prepares the screenshot folder. */
export default function globalSetup(): void {
  mkdirSync(resolve('test-results/screens'), { recursive: true })
  if (process.env.NIR_E2E_SKIP_BUILD === '1') return
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
}
