import { resolve } from 'node:path'
import { startRegister } from '../server'

/**
 * The one place main reaches into `src/server` (architecture.md A8): with no central register
 * configured, browser mode and the desktop app start an embedded one (PGlite, demo
 * municipality and users) in-process. Everything else in main talks to the register over
 * HTTP only, which the lint zones enforce.
 */
export function startEmbeddedRegister(dataDir: string, migrationsFolder?: string): Promise<{ url: string; close(): Promise<void> }> {
  return startRegister({
    migrationsFolder,
    dataDir: resolve(dataDir, 'register'),
    port: Number(process.env.NIR_REGISTER_PORT ?? 4100),
    demo: { persons: Number(process.env.NIR_DEMO_PERSONS ?? 2000) },
  })
}
