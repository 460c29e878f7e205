// Lint = the layering of architecture.md A1, enforced (style.md 1): a wrong import fails CI.
//
// Boundaries are checked on RESOLVED paths (import-x + the TypeScript resolver), so a folder
// index (`'../main'`), a path alias, a re-export, `require()` and a literal `import('…')` are all
// judged by the file they reach, not by how the import string is spelled. What a resolver
// cannot judge is closed separately: an import that resolves nowhere fails `no-unresolved`,
// and an `import()` of a computed string is refused outright. Package bans are paths too
// (`node_modules/<pkg>`), so a dynamic `import('electron')` is caught like a static one; Node
// built-ins have a rule of their own. `tests/integration/lint/boundaries.test.ts` proves each
// hole stays closed.
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

/** Packages by resolved folder (under node_modules). */
const pkg = (...names) => names.map((n) => `node_modules/${n}`)
const uiPackages = pkg('vue', '@vue', 'vuetify', 'pinia', 'vue-i18n', 'vue-router')
const dbPackages = pkg('better-sqlite3', 'drizzle-orm', '@electric-sql', 'pg')
const serverPackages = pkg('fastify', '@fastify', 'fastify-type-provider-zod')

/**
 * `src/shared` may use these packages and nothing else (an allow-list: a new dependency of
 * the pure core is a decision, not an accident). Its tests add their test tools.
 */
const sharedPackages = ['zod', 'dayjs', 'dayjs/plugin/*']
const sharedTestPackages = ['vitest', 'fast-check']

const A1 = 'architecture.md A1: the four parts depend one way only.'
const zones = [
  {
    target: 'src/shared',
    from: ['src/main', 'src/renderer', 'src/server', 'src/preload', ...uiPackages, ...dbPackages, ...serverPackages, ...pkg('electron')],
    message: `src/shared is pure TypeScript used by every part: no main/renderer/server/preload, database, UI or Electron. ${A1}`,
  },
  {
    target: 'src/renderer/**/!(*.test).{ts,vue}',
    from: ['src/main', 'src/server', ...dbPackages, ...serverPackages, ...pkg('electron')],
    message: 'The renderer talks to main only through the contract (architecture.md A2).',
  },
  {
    // Store tests run against the real device services (no fakes of our own parts), so they may
    // reach main — never the server, Electron or the shipped page's forbidden packages.
    target: 'src/renderer/**/*.test.ts',
    from: ['src/server', ...serverPackages, ...pkg('electron')],
    message: 'Renderer tests may use the real device services (main), nothing of the server or Electron.',
  },
  {
    target: 'src/preload',
    from: ['src/main', 'src/server', 'src/renderer'],
    message: 'The preload exposes the contract only (A7): electron and types.',
  },
  {
    // every file of main but its one bridge to the server (no-restricted-paths has no "target except")
    target: 'src/main/**/!(embedded-register).ts',
    from: ['src/renderer', 'src/server', ...uiPackages],
    message: 'main owns the replica; the central register is reached over HTTP only. The one exception is src/main/embedded-register.ts (A8).',
  },
  {
    target: 'src/server',
    from: ['src/main', 'src/renderer', 'src/preload', ...uiPackages, ...pkg('electron', 'better-sqlite3')],
    message: 'The server owns the central store and imports only shared: no Vue, Electron or the device database.',
  },
]

/** `no-restricted-syntax` entries refusing every `import()` (and `require`) in a zone. */
const noDynamicImport = (message) => [
  { selector: 'ImportExpression', message: `${message} (no dynamic import here)` },
  { selector: "CallExpression[callee.name='require']", message: `${message} (no require here)` },
]
/** `import()` of a computed string cannot be checked by path, so it is refused everywhere in src. */
const computedImport = {
  selector: "ImportExpression[source.type!='Literal']",
  message: 'Import a literal path so the layering can be checked (style.md 1).',
}

/** An allow-list for static imports: anything not relative and not listed is refused. */
function onlyPackages(allowed, message) {
  const alt = allowed.map((p) => p.replace(/[.]/g, '\\.').replace('/*', '/.+')).join('|')
  return ['error', { patterns: [{ regex: `^(?!\\.{1,2}/|(?:${alt})$)`, message }] }]
}

const tsFiles = ['src/**/*.{ts,vue}', 'tests/**/*.ts', 'bench/**/*.ts', '*.config.ts']

export default [
  { ignores: ['out/**', 'dist-web/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/**/migrations/**', '.data/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'vue/multi-word-component-names': 'off',
    },
  },

  // Type-aware: a promise nobody awaits loses its error (an unhandled rejection in main, a
  // silent failure in the renderer). `void` marks fire-and-forget on purpose.
  {
    files: tsFiles,
    languageOptions: {
      parserOptions: {
        projectService: {
          // Renderer tests are in no project the root tsconfig references (the web one excludes
          // tests, the node one tests/integration/renderer); they get the options of
          // tsconfig.web-tests.json as a default project.
          allowDefaultProject: ['src/renderer/src/*/*.test.ts', 'src/renderer/src/*/*/*.test.ts', 'tests/integration/renderer/*.ts'],
          defaultProject: 'tsconfig.web-tests.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 30,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },

  // Layering on resolved paths, for every file under src.
  {
    files: ['src/**/*.{ts,vue}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true, project: 'tsconfig.json' })],
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: zones.map((z) => ({ ...z, target: z.target.includes('*') ? z.target : `${z.target}/**/*` })),
        },
      ],
      // An import that resolves nowhere would pass the path check unseen.
      'import-x/no-unresolved': ['error', { ignore: ['\\?asset$'] }],
      'no-restricted-syntax': ['error', computedImport],
    },
  },

  // src/shared: no Node built-ins, only the listed packages, no dynamic import — tests too.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': onlyPackages(sharedPackages, `src/shared may import only ${sharedPackages.join(', ')} (${A1})`),
      'no-restricted-syntax': ['error', computedImport, ...noDynamicImport('src/shared is loaded the same way by every part')],
    },
  },
  {
    files: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': onlyPackages([...sharedPackages, ...sharedTestPackages], `shared tests may import only ${[...sharedPackages, ...sharedTestPackages].join(', ')}`),
    },
  },
  {
    // The public-holiday table is checked against an independent source.
    files: ['src/shared/calendar/holidays.test.ts'],
    rules: { 'no-restricted-imports': onlyPackages([...sharedPackages, ...sharedTestPackages, 'date-holidays'], 'holidays.test.ts may add date-holidays') },
  },

  // The renderer runs in a sandboxed page: no Node built-ins.
  { files: ['src/renderer/**/*.{ts,vue}'], rules: { 'import-x/no-nodejs-modules': 'error' } },

  // The preload: `electron`, its own files, and `import type` from shared — nothing that runs.
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\./)', allowTypeImports: true, message: 'The preload may import only electron, its own files and types (A7, style.md 5).' }] },
      ],
      'no-restricted-syntax': ['error', computedImport, ...noDynamicImport('The preload is one sandboxed CommonJS bundle (A7)')],
    },
  },
]
