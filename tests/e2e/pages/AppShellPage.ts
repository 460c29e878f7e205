import { expect, type Locator, type Page } from '@playwright/test'

/** Global menu, language switch, sync chip and logout (D5, A4). */
export class AppShellPage {
  readonly menu: Locator
  readonly syncChip: Locator
  readonly userLine: Locator
  readonly logoutButton: Locator

  constructor(readonly page: Page) {
    this.menu = page.getByTestId('main-menu')
    this.syncChip = page.getByTestId('sync-chip')
    this.userLine = page.getByTestId('user-line')
    this.logoutButton = page.getByTestId('logout')
  }

  menuItem(key: 'workspace' | 'persons' | 'municipalities' | 'reports'): Locator {
    return this.page.getByTestId(`nav-${key}`)
  }

  async go(key: 'workspace' | 'persons' | 'municipalities' | 'reports'): Promise<void> {
    await this.menuItem(key).click()
    await expect(this.menuItem(key)).toHaveAttribute('aria-current', 'page')
  }

  /**
   * The choice is kept in localStorage, and every test has its own browser context whose
   * storage starts empty: a switch lasts for that test only, so no test switches back (a
   * switch back in a `finally` hid the failing step's own error behind an open dialog).
   */
  async switchLanguage(lang: 'nb' | 'nn'): Promise<void> {
    await this.page.getByTestId('language-switch').getByRole('button', { name: lang, exact: true }).click()
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang)
  }

  async syncState(): Promise<string | null> {
    return this.syncChip.getAttribute('data-state')
  }
}
