// Lint = the layering of architecture.md A1, enforced (style.md 1): a wrong import fails CI.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const nodeOnly = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process']
const backendPackages = ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'fastify', '@fastify/*', '@electric-sql/*', 'pg']
const uiPackages = ['vue', 'vuetify', 'vuetify/*', 'pinia', 'vue-i18n']

/** One zone: files matching `files` may not import `patterns` (message says why). */
function zone(files, patterns, message, ignores = []) {
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  }
}

export default [
  { ignores: ['out/**', 'dist-web/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/**/migrations/**', '.data/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'vue/multi-word-component-names': 'off',
    },
  },
  zone(
    ['src/shared/**/*.ts'],
    ['**/main/**', '**/renderer/**', '**/server/**', '**/preload/**', ...nodeOnly, ...backendPackages, ...uiPackages],
    'src/shared is pure TypeScript used by every part (architecture.md A1): no main/renderer/server, node, database or UI imports.',
    ['src/shared/**/*.test.ts'],
  ),
  zone(
    ['src/renderer/**/*.{ts,vue}'],
    ['**/main/**', '**/server/**', ...nodeOnly, ...backendPackages],
    'The renderer talks to main only through the contract (architecture.md A2).',
  ),
  zone(['src/preload/**/*.ts'], ['**/main/**', '**/server/**', '**/renderer/**'], 'The preload exposes the contract only (A7).'),
  zone(
    ['src/main/**/*.ts'],
    ['**/renderer/**', '**/server/**'],
    'main owns the replica; the central register is reached over HTTP only. The one exception is src/main/embedded-register.ts (A8).',
    ['src/main/embedded-register.ts'],
  ),
  zone(['src/server/**/*.ts'], ['**/main/**', '**/renderer/**', '**/preload/**', 'electron'], 'The server owns the central store and imports only shared.'),
]
