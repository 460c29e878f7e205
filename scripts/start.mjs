#!/usr/bin/env node
// `npm start`: build and open the desktop app. Where the Electron runtime can't be obtained
// (Electron ≥ 42 downloads its binary on first launch; this machine has no such network),
// say so in one line and start browser mode (`npm run web`) instead.
//
// better-sqlite3 is rebuilt for Electron's ABI into out/native/ — a copy, never the module in
// node_modules — so `npm ci` and the tests on plain Node keep their own build. The main
// process loads that copy through better-sqlite3's `nativeBinding` option.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/**
 * Path of the Electron binary, or why it can't be had — in words a user can act on (issue 6
 * point 11), not the `TypeError: fetch failed` of the downloader underneath.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  })
  const path = probe.stdout?.trim()
  if (probe.status === 0 && path && existsSync(path)) return { path }
  // Electron ≥ 42 records its binary in path.txt once downloaded; without it, the download
  // on first launch is what failed, and that needs network access.
  const installed = existsSync(join(root, 'node_modules/electron/path.txt'))
  const network = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|failed to install/i.test(probe.stderr ?? '')
  if (!installed || network) {
    return { error: 'the Electron runtime is not installed on this machine (it downloads on first launch, which needs network access)' }
  }
  const detail =
    (probe.stderr || '')
      .split('\n')
      .find((l) => /error/i.test(l))
      ?.trim() ?? `exit code ${probe.status}`
  return { error: `the Electron runtime could not be started (${detail})` }
}

/** node-gyp from node_modules, else the copy bundled with npm. */
function nodeGypPath() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js')
  } catch {
    const npmCli = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim()
    return join(npmCli, 'npm/node_modules/node-gyp/bin/node-gyp.js')
  }
}

function buildNativeForElectron() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
  const src = join(root, 'node_modules/better-sqlite3')
  const work = join(root, 'out/native-build')
  mkdirSync(work, { recursive: true })
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${src}/build`) })
  const nodeGyp = nodeGypPath()
  run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work })
  mkdirSync(join(root, 'out/native'), { recursive: true })
  cpSync(join(work, 'build/Release/better_sqlite3.node'), join(root, 'out/native/better_sqlite3.node'))
}

const electron = electronBinary()
if (electron.error) {
  console.log(`${electron.error} — starting browser mode`)
  const web = spawn('npm', ['run', 'web'], { cwd: root, stdio: 'inherit' })
  web.on('exit', (code) => process.exit(code ?? 0))
} else {
  run('npx', ['electron-vite', 'build'])
  if (!existsSync(join(root, 'out/native/better_sqlite3.node'))) buildNativeForElectron()
  const app = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' })
  app.on('exit', (code) => process.exit(code ?? 0))
}
