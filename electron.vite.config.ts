import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'

export default defineConfig({
  main: { build: { rollupOptions: { input: { index: resolve('src/main/app/index.ts') } } } },
  preload: { build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') } } } },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [vue(), vuetify({ autoImport: true })],
  },
})
