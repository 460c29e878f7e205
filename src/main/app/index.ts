import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { StartupError } from '../host/startup-error'
import { createDevice, type Device } from '../services'
import { idleLockMinutesFromEnv } from '../services/idle-lock'
import { registerIpc } from './ipc'
import { lockOnSleep } from './power'
import { registerPrint, removePrintFiles } from './print'
import { chooseRegister, type RegisterChoice } from './register-choice'
import { createMainWindow, isTrustedUrl } from './window'
import { certificateLogoFromEnv } from '../certificates/logo'

/** Electron lifecycle only (style.md 3): open services, register IPC, open the window. */
let device: Device | null = null
let stopRegister: (() => Promise<void>) | undefined

async function registerUrl(choice: RegisterChoice): Promise<string> {
  if (choice.kind === 'external') return choice.url
  // A8: the demo, and only the demo, starts an embedded register in-process; it says so on the console (13b).
  const { startEmbeddedRegister } = await import('../embedded-register')
  // Bundled by electron-vite, the register can't find its migrations relative to itself.
  const register = await startEmbeddedRegister(app.getPath('userData'), join(app.getAppPath(), 'src/server/db/migrations'))
  stopRegister = () => register.close()
  return register.url
}

function preloadPath(): string {
  const dir = join(import.meta.dirname, '../preload')
  // A sandboxed preload must be CommonJS; accept whichever file the build produced.
  return ['index.cjs', 'index.js', 'index.mjs'].map((f) => join(dir, f)).find(existsSync) ?? join(dir, 'index.js')
}

async function start(): Promise<void> {
  process.env.NIR_NATIVE_DIR ??= join(app.getAppPath(), 'out/native')
  const choice = chooseRegister(process.env, app.isPackaged)
  device = createDevice({
    dataDir: join(app.getPath('userData'), 'device'),
    serverUrl: await registerUrl(choice),
    migrationsFolder: join(app.getAppPath(), 'src/main/db/migrations'),
    // Synthetic national ids are the demo's (R11.2); a real register's persons never have them.
    allowSynthetic: choice.kind === 'demo',
    idleLockMinutes: idleLockMinutesFromEnv(process.env.NIR_IDLE_LOCK_MINUTES),
    certificateLogoPng: certificateLogoFromEnv(process.env.NIR_CERTIFICATE_LOGO),
  })
  lockOnSleep(device)
  registerIpc(device, isTrustedUrl)
  registerPrint(device, isTrustedUrl)
  createMainWindow(preloadPath())
}

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()
// A failed start (a taken NIR_REGISTER_PORT, say) ends the app with its reason, never silently.
app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    console.error(err instanceof StartupError ? err.message : err)
    app.exit(1)
  })
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
app.on('window-all-closed', () => app.quit())
app.on('will-quit', (event) => {
  if (!device) return
  // Close the replica cleanly (WAL checkpoint) before the process ends.
  event.preventDefault()
  removePrintFiles()
  const closing = device
  device = null
  void closing
    .close()
    .then(() => stopRegister?.())
    .finally(() => app.quit())
})
