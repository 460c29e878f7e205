import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'

/** The renderer alone, for browser mode (A2): served by the host next to /api. */
export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
  plugins: [vue(), vuetify({ autoImport: true })],
  build: { outDir: resolve('dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
})
