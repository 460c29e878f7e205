import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Inside Electron, better-sqlite3 must load a binary built for Electron's ABI
 * (`out/native/better_sqlite3.node`, built by the lead's script); under plain Node the
 * package's own binary is used.
 */
export function nativeBindingPath(): string | undefined {
  if (!process.versions.electron) return undefined
  const file = resolve(process.env.NIR_NATIVE_DIR ?? resolve(process.cwd(), 'out/native'), 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
