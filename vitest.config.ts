import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'

export default defineConfig({
  plugins: [vue(), vuetify({ autoImport: true })],
  resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    server: { deps: { inline: ['vuetify'] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // two cores: keep integration tests (PGlite, SQLite, compile-heavy) from starving each other
    maxWorkers: 2,
  },
})
