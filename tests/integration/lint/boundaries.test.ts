import { ESLint, type Linter } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

/**
 * The layering of architecture.md A1 as `eslint.config.js` enforces it, proven on small
 * in-memory files placed in each zone (`lintText` with a path: nothing is written into src,
 * so no other run sees them). Each hole the old string patterns left open — a folder index,
 * a dynamic `import()`, a `..` path, a package — must be reported; a legal import must not.
 */
const root = resolve(import.meta.dirname, '../../..')

// Type-aware parsing needs the files on disk in a tsconfig; the boundary rules do not.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['**/*.{ts,vue}'],
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  ],
})

const BOUNDARY_RULES = new Set([
  'import-x/no-restricted-paths',
  'import-x/no-unresolved',
  'import-x/no-nodejs-modules',
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-syntax',
])

async function boundaryMessages(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new Error(`fixture does not parse: ${fatal[0].message}`)
  return result.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
}

const SHARED = 'src/shared/rules/lint-fixture.ts'
const SHARED_TEST = 'src/shared/rules/lint-fixture.test.ts'
const RENDERER = 'src/renderer/src/views/LintFixture.ts'
const RENDERER_TEST = 'src/renderer/src/stores/lint-fixture.test.ts'
const PRELOAD = 'src/preload/lint-fixture.ts'
const MAIN = 'src/main/services/lint-fixture.ts'
const SERVER = 'src/server/sync/lint-fixture.ts'

describe('A1 layering: a forbidden import is reported however it is written', () => {
  test.each([
    // shared ↛ main/renderer/server/preload, node, db, UI, any package not allowed
    ['shared: a folder index of main', SHARED, "import '../../main/services'", 'import-x/no-restricted-paths'],
    ['shared: a dynamic import of the server', SHARED, "export const m = () => import('../../server/sync/pull')", 'no-restricted-syntax'],
    ['shared: a relative .. path into the renderer', SHARED, "import '../../renderer/src/router'", 'import-x/no-restricted-paths'],
    ['shared: a relative .. path into the preload types', SHARED, "import type {} from '../../preload/types'", 'import-x/no-restricted-paths'],
    ['shared: a Node built-in', SHARED, "import { readFileSync } from 'node:fs'\nexport const r = readFileSync", 'import-x/no-nodejs-modules'],
    ['shared: a UI package', SHARED, "import 'vue'", 'import-x/no-restricted-paths'],
    ['shared: a database package', SHARED, "import 'drizzle-orm'", 'no-restricted-imports'],
    ['shared: a package not on its allow-list', SHARED, "import 'date-holidays'", 'no-restricted-imports'],
    ['shared: a computed dynamic import', SHARED, 'export const m = (n: string) => import(n)', 'no-restricted-syntax'],
    ['shared: require', SHARED, "export const m = require('electron')", 'no-restricted-syntax'],
    ['shared test: a database package', SHARED_TEST, "import 'better-sqlite3'", 'no-restricted-imports'],
    ['shared test: a folder index of main', SHARED_TEST, "import '../../main/services'", 'import-x/no-restricted-paths'],
    ['shared test: a Node built-in', SHARED_TEST, "import 'node:path'", 'import-x/no-nodejs-modules'],
    // renderer ↛ main/server, node, backend packages
    ['renderer: a folder index of main', RENDERER, "import '../../../main/services'", 'import-x/no-restricted-paths'],
    ['renderer: the server by its folder index', RENDERER, "import '../../../server'", 'import-x/no-restricted-paths'],
    ['renderer: a dynamic import of main', RENDERER, "export const m = () => import('../../../main/services')", 'import-x/no-restricted-paths'],
    ['renderer: a dynamic import of a Node built-in', RENDERER, "export const m = () => import('node:fs')", 'import-x/no-nodejs-modules'],
    ['renderer: electron', RENDERER, "import 'electron'", 'import-x/no-restricted-paths'],
    ['renderer: the device database', RENDERER, "import 'better-sqlite3'", 'import-x/no-restricted-paths'],
    [
      'renderer: a .vue file importing main',
      'src/renderer/src/views/LintFixture.vue',
      '<script setup lang="ts">\nimport \'../../../main/services\'\n</script>',
      'import-x/no-restricted-paths',
    ],
    ['renderer test: the server', RENDERER_TEST, "import '../../../server'", 'import-x/no-restricted-paths'],
    ['renderer test: electron', RENDERER_TEST, "import 'electron'", 'import-x/no-restricted-paths'],
    // preload: electron, its own files, types
    ['preload: a value import from shared', PRELOAD, "import { contractNames } from '../shared/api'\nexport const c = contractNames", '@typescript-eslint/no-restricted-imports'],
    ['preload: main by its folder path', PRELOAD, "import type {} from '../main/services'", 'import-x/no-restricted-paths'],
    ['preload: a dynamic import', PRELOAD, "export const m = () => import('electron')", 'no-restricted-syntax'],
    ['preload: a Node built-in', PRELOAD, "import 'node:path'", 'import-x/no-nodejs-modules'],
    ['preload: a package other than electron', PRELOAD, "import 'zod'", '@typescript-eslint/no-restricted-imports'],
    // main ↛ renderer/server (but embedded-register.ts), UI packages
    ['main: the server by its folder index', MAIN, "import '../../server'", 'import-x/no-restricted-paths'],
    ['main: a dynamic import of the server', MAIN, "export const m = () => import('../../server/start')", 'import-x/no-restricted-paths'],
    ['main: the renderer', MAIN, "import '../../renderer/src/router'", 'import-x/no-restricted-paths'],
    ['main: vue', MAIN, "import 'vue'", 'import-x/no-restricted-paths'],
    // server ↛ main/renderer/preload, vue, vuetify, pinia, vue-i18n, electron, better-sqlite3
    ['server: a folder index of main', SERVER, "import '../../main/services'", 'import-x/no-restricted-paths'],
    ['server: a dynamic import of main', SERVER, "export const m = () => import('../../main/embedded-register')", 'import-x/no-restricted-paths'],
    ['server: the preload', SERVER, "import type {} from '../../preload/types'", 'import-x/no-restricted-paths'],
    ...['vue', 'vuetify', 'pinia', 'vue-i18n', 'electron', 'better-sqlite3'].map((p) => [`server: ${p}`, SERVER, `import '${p}'`, 'import-x/no-restricted-paths']),
    ['server: a dynamic import of better-sqlite3', SERVER, "export const m = () => import('better-sqlite3')", 'import-x/no-restricted-paths'],
    // anywhere: what the path check cannot see
    ['main: an import that resolves nowhere', MAIN, "import '../../server/no-such-file'", 'import-x/no-unresolved'],
    ['main: a computed dynamic import', MAIN, 'export const m = (n: string) => import(`../../server/${n}`)', 'no-restricted-syntax'],
  ])('A1 %s is reported', async (_name, file, code, rule) => {
    const messages = await boundaryMessages(file, code)
    expect(messages.map((m) => m.ruleId)).toContain(rule)
  })

  test.each([
    ['shared: its own folder index', SHARED, "import { addDays } from '../calendar'\nexport const a = addDays"],
    ['shared: zod and dayjs with its plugins', SHARED, "import 'zod'\nimport 'dayjs'\nimport 'dayjs/plugin/utc.js'"],
    ['shared test: vitest and fast-check', SHARED_TEST, "import 'vitest'\nimport 'fast-check'"],
    ['shared holidays test: date-holidays', 'src/shared/calendar/holidays.test.ts', "import 'date-holidays'"],
    ['renderer: shared and vue', RENDERER, "import '../../../shared/api'\nimport 'vue'"],
    ['renderer: the preload types', RENDERER, "import type {} from '../../../preload/types'"],
    ['renderer test: the real device services of main', RENDERER_TEST, "import '../../../main/services'"],
    [
      'preload: electron and types from shared',
      PRELOAD,
      "import { contextBridge } from 'electron'\nimport type { Result } from '../shared/api'\nexport const x: Result<number> | null = contextBridge ? null : null",
    ],
    ['main: shared, node and the device database', MAIN, "import '../../shared/rules'\nimport 'node:fs'\nimport 'better-sqlite3'"],
    ['main: a literal dynamic import of its own file', MAIN, "export const m = () => import('../embedded-register')"],
    ['main/embedded-register.ts: the server (the one bridge, A8)', 'src/main/embedded-register.ts', "import '../server/start'\nexport const m = () => import('../server')"],
    ['server: shared, fastify and the PostgreSQL drivers', SERVER, "import '../../shared/sync'\nimport 'fastify'\nimport 'pg'"],
  ])('A1 %s is allowed', async (_name, file, code) => {
    expect(await boundaryMessages(file, code)).toEqual([])
  })
})

describe('type-aware rules', () => {
  test.each(['src/main/services/session.ts', 'src/renderer/src/App.vue', 'src/server/index.ts', 'src/shared/rules/index.ts', 'tests/integration/main/host.test.ts'])(
    'no-floating-promises is an error in %s',
    async (file) => {
      const config = await new ESLint({ cwd: root }).calculateConfigForFile(resolve(root, file))
      expect(config.rules['@typescript-eslint/no-floating-promises']?.[0]).toBe(2)
    },
  )
})
