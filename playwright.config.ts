import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests in real Chromium (Debian's, no browser download) against browser mode
 * (A2): the built renderer served by the host with the real device services, talking to a
 * real register started as a separate process by the worker fixture (tests/e2e/support).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalSetup: './tests/e2e/support/global-setup.ts',
  outputDir: 'test-results/artifacts',
  use: {
    viewport: { width: 1366, height: 860 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    screenshot: 'only-on-failure',
    trace: 'off',
    // A click or fill that cannot happen fails with the locator it waited for, instead of
    // silently using up the whole test's time and hiding where it stopped.
    actionTimeout: 60_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'debian-chromium' }],
})
