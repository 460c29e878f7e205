import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Impacts that fail a test (issue 6 point 9): a screen may have minor findings, not these. */
const FAILING = new Set(['serious', 'critical'])

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on what the page shows now and fails on any serious
 * or critical violation, listing each with the elements it found, so the report says what
 * to fix. Called by the `screens` fixture on every screen a test photographs.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  // Let Vuetify's transitions end: a half-faded element has a contrast it never shows at rest.
  await page.waitForTimeout(300)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const bad = result.violations.filter((v) => FAILING.has(v.impact ?? ''))
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`)
  expect(report, `axe-core on ${label} (${await page.locator('html').getAttribute('lang')})`).toEqual([])
}
