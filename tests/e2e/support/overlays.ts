import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Resolves once every timer the page queued before this call has run.
 *
 * Vuetify gives Escape only to the topmost overlay, and it learns which overlay is topmost
 * in a `setTimeout` queued when one opens or closes. On a busy machine Chromium runs key
 * input before pending timers, so an Escape pressed the moment a dialog shows can arrive
 * while the dialog does not yet count as topmost, and it is ignored (two CI runs failed so).
 * A person hears the dialog before pressing a key; the test waits for the same moment.
 * Timers of equal delay run in the order they were queued, so this one runs after Vuetify's.
 */
export async function overlaysSettled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
}

/** Presses Escape on the open `overlay` (a dialog or a select's list) and expects it closed. */
export async function closeWithEscape(page: Page, overlay: Locator): Promise<void> {
  await expect(overlay).toBeVisible()
  await overlaysSettled(page)
  await page.keyboard.press('Escape')
  await expect(overlay).toBeHidden()
}
