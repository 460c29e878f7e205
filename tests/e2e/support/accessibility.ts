import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Impacts that fail a test (issue 6 point 9): a screen may have minor findings, not these. */
const FAILING = new Set(['serious', 'critical'])

/** How long one axe-core run may take before the check fails as stalled. */
const AXE_LIMIT_MS = 60_000

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on what the page shows now and fails on any serious
 * or critical violation, listing each with the elements it found, so the report says what
 * to fix. Called by the `screens` fixture on every screen a test photographs.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  // Let Vuetify's transitions end: a half-faded element has a contrast it never shows at rest.
  await page.waitForTimeout(300)
  // Legacy mode runs axe.run in the page itself: the default opens a second page per check to
  // merge frame results, which we have no use for (the app has no frames) and which once stalled
  // a whole test on a loaded CI machine. The guard names a stall instead of eating the test's time.
  const analysis = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).setLegacyMode().analyze()
  let timer: NodeJS.Timeout | undefined
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe-core did not finish on ${label} within ${AXE_LIMIT_MS / 1000} s`)), AXE_LIMIT_MS)
  })
  const result = await Promise.race([analysis, stalled]).finally(() => clearTimeout(timer))
  const bad = result.violations.filter((v) => FAILING.has(v.impact ?? ''))
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`)
  expect(report, `axe-core on ${label} (${await page.locator('html').getAttribute('lang')})`).toEqual([])
}
