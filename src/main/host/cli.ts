import { resolve } from 'node:path'
import { createDevice } from '../services'
import { idleLockMinutesFromEnv } from '../services/idle-lock'
import { certificateLogoFromEnv } from '../certificates/logo'
import { startHost } from './server'
import { explainListenError, StartupError } from './startup-error'

interface RegisterHandle {
  url: string
  close(): Promise<void>
}

/** The register named by `NIR_REGISTER_URL`, or an embedded demo register in this process (A8). */
async function register(dataDir: string): Promise<RegisterHandle> {
  const external = process.env.NIR_REGISTER_URL
  if (external) return { url: external, close: async () => undefined }
  const { startEmbeddedRegister } = await import('../embedded-register')
  return startEmbeddedRegister(dataDir)
}

/**
 * `npm run web` (A8): the app in a browser. Without `NIR_REGISTER_URL` an embedded register
 * (PGlite, demo municipality and users) starts in this process; with it, the device talks
 * to that register (tests run the register as a separate process so they can stop it).
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.NIR_DATA_DIR ?? '.data')
  // Read before anything starts, so a bad value stops the start with its message alone.
  const idleLockMinutes = idleLockMinutesFromEnv(process.env.NIR_IDLE_LOCK_MINUTES)
  const certificateLogoPng = certificateLogoFromEnv(process.env.NIR_CERTIFICATE_LOGO)
  const reg = await register(dataDir)
  const device = createDevice({
    dataDir: resolve(dataDir, 'device'),
    serverUrl: reg.url,
    // The demo register's persons carry synthetic national ids (R11.2).
    allowSynthetic: process.env.NIR_ALLOW_SYNTHETIC !== '0',
    pullLimit: process.env.NIR_PULL_LIMIT ? Number(process.env.NIR_PULL_LIMIT) : undefined,
    idleLockMinutes,
    certificateLogoPng,
  })
  const port = Number(process.env.NIR_HOST_PORT ?? process.env.PORT ?? 5173)
  const host = await startHost({ device, staticDir: resolve('dist-web'), port }).catch(async (e: unknown) => {
    await device.close()
    await reg.close()
    throw explainListenError(e, process.env.NIR_HOST_PORT === undefined && process.env.PORT !== undefined ? 'PORT' : 'NIR_HOST_PORT', port)
  })
  console.log(`NIR Offline (browser mode): ${host.url} — register ${reg.url}`)
  const shutdown = async () => {
    await host.close()
    await device.close()
    await reg.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
}

main().catch((err: unknown) => {
  // What the user can fix is one line; anything else is a bug and keeps its stack.
  console.error(err instanceof StartupError ? err.message : err)
  process.exit(1)
})
