// Renders resources/icon.svg to the 512×512 resources/icon.png Electron and installers use.
// Run after changing the SVG: `node resources/render-icon.mjs` (Debian Chromium, no download).
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'

const dir = new URL('.', import.meta.url)
const svg = readFileSync(new URL('icon.svg', dir), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
  await page.locator('svg').screenshot({ path: new URL('icon.png', dir).pathname, omitBackground: true })
} finally {
  await browser.close()
}
