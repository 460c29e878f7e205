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

/**
 * Picks `option` of the Vuetify select `select` by keyboard: ArrowDown opens the list, the
 * option takes focus, Enter picks it, and the field must then show it.
 *
 * The list moves focus to its first item itself, a frame after it opens; an Enter pressed
 * before that move has landed, or after it took the focus back, picks the first option
 * (stop 16's CI and a loaded local run). So the test lets the list's own frame and timers
 * run before it focuses the option, checks the focus, and repeats the whole keyboard step
 * until the field shows the option.
 */
export async function chooseByKeyboard(page: Page, select: Locator, option: string): Promise<void> {
  const list = page.getByRole('listbox')
  await expect(async () => {
    if (await list.isVisible()) await closeWithEscape(page, list)
    await select.locator('input').first().focus()
    await page.keyboard.press('ArrowDown')
    const item = list.getByRole('option', { name: option, exact: true })
    await expect(item).toBeVisible({ timeout: 5_000 })
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
    await item.focus()
    await expect(item).toBeFocused({ timeout: 5_000 })
    await overlaysSettled(page)
    await page.keyboard.press('Enter')
    await expect(list).toBeHidden({ timeout: 5_000 })
    await expect(select).toContainText(option, { timeout: 2_000 })
  }).toPass({ timeout: 45_000 })
}
