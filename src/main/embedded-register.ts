import { resolve } from 'node:path'
import { startRegister } from '../server'
import { explainListenError } from './host/startup-error'

/**
 * The one place main reaches into `src/server` (architecture.md A8): with no central register
 * configured (`NIR_REGISTER_URL` unset) — and only then — browser mode and the desktop app
 * start an embedded one (PGlite, demo municipality and users) in-process, and say so. Everything else in main talks to the register over
 * HTTP only, which the lint zones enforce.
 */
export async function startEmbeddedRegister(dataDir: string, migrationsFolder?: string): Promise<{ url: string; close(): Promise<void> }> {
  const port = Number(process.env.NIR_REGISTER_PORT ?? 4100)
  const register = await startRegister({
    migrationsFolder,
    dataDir: resolve(dataDir, 'register'),
    port,
    demo: { persons: Number(process.env.NIR_DEMO_PERSONS ?? 2000) },
  }).catch((e: unknown) => {
    throw explainListenError(e, 'NIR_REGISTER_PORT', port)
  })
  // Never silently (issue 6 point 13b): whoever starts the app sees it is not a real register.
  console.log(`demo mode: embedded register with demo users on ${register.url} (set NIR_REGISTER_URL to use a real register)`)
  return register
}
