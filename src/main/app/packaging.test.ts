import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

/**
 * Issue 11 point 9: the packaged build is the app the checks of A7 are made for, so its
 * configuration is tested here. electron-builder itself needs network (it downloads Electron),
 * so this test reads `electron-builder.json` the way electron-builder does and checks what a
 * broken package would otherwise only show on a caseworker's laptop.
 */
const root = resolve(import.meta.dirname, '../../..')
const config = JSON.parse(readFileSync(resolve(root, 'electron-builder.json'), 'utf8')) as {
  appId: string
  productName: string
  files: string[]
  asar: boolean
  asarUnpack: string[]
  icon: string
  linux: { target: string[] }
  win: { target: string[] }
}
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> }

/** electron-builder's glob subset used here: `**` any depth, `*` within one segment. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*')
  return new RegExp(`^${body}$`)
}

/** Patterns in order, a later `!pattern` excluding what earlier ones took in. */
function packaged(file: string, patterns: readonly string[]): boolean {
  let included = false
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (globRegExp(p.slice(1)).test(file)) included = false
    } else if (globRegExp(p).test(file)) included = true
  }
  return included
}

describe('electron-builder configuration (issue 11 point 9)', () => {
  test('glob helper: ** spans folders, * one segment, ! excludes', () => {
    expect(packaged('out/main/index.js', ['out/main/**'])).toBe(true)
    expect(packaged('out/main/chunks/a.js', ['out/main/*'])).toBe(false)
    expect(packaged('out/native-build/x', ['out/**', '!out/native-build/**'])).toBe(false)
    expect(packaged('src/main/app/index.ts', ['out/**'])).toBe(false)
  })

  test('names the app and builds .deb and AppImage for Linux, NSIS for Windows', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)
    expect(config.productName).toBe('NIR Offline')
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']))
    expect(config.win.target).toEqual(['nsis'])
  })

  test('the icon is the app icon from resources/, a PNG of at least 256 px (electron-builder minimum)', () => {
    const file = resolve(root, config.icon)
    expect(config.icon).toBe('resources/icon.png')
    expect(existsSync(file)).toBe(true)
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(256)
  })

  test.each([
    ['the main entry package.json points at', pkg.main],
    ['package.json itself', 'package.json'],
    ['the sandboxed preload', 'out/preload/index.cjs'],
    ['the renderer page', 'out/renderer/index.html'],
    ['a replica migration (read at start-up, app/index.ts)', 'src/main/db/migrations/meta/_journal.json'],
    ['a register migration (embedded demo register)', 'src/server/db/migrations/meta/_journal.json'],
    ['the PDF fonts and icons', 'resources/icon.png'],
    ['the certificate font (issue 10, embedded in every PDF)', 'resources/fonts/DejaVuSans-Bold.ttf'],
    ['the certificate font licence', 'resources/fonts/DejaVu-LICENSE.txt'],
  ])('files include %s', (_what, file) => {
    expect(packaged(file, config.files)).toBe(true)
  })

  test.each([['src/main/app/index.ts'], ['tests/e2e/login.spec.ts'], ['.data/register/x'], ['out/native-build/build/Release/obj.o']])(
    'files leave out %s (sources, tests, local data, native build trees)',
    (file) => {
      expect(packaged(file, config.files)).toBe(false)
    },
  )

  test('asar on, with the native better-sqlite3 binary unpacked (a .node cannot load from inside an archive)', () => {
    expect(config.asar).toBe(true)
    expect(packaged('node_modules/better-sqlite3/build/Release/better_sqlite3.node', config.asarUnpack)).toBe(true)
    expect(packaged('out/native/better_sqlite3.node', config.asarUnpack)).toBe(true)
  })

  test('npm run dist builds the electron-vite output, then packages with this file', () => {
    expect(pkg.scripts.dist).toMatch(/^electron-vite build && .*electron-builder@\d+\.\d+\.\d+ --config electron-builder\.json/)
  })
})
