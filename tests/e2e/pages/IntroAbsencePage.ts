import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The absence sections of *Deltaking intro* (D8.3): absence per period and type, holidays and
 * public feasts, absence after ended parental leave — each a list and a dialog.
 */
export class IntroAbsencePage {
  readonly absenceRegister: Locator
  readonly absenceRows: Locator
  readonly absenceDialog: Locator
  readonly holidayRegister: Locator
  readonly holidayRows: Locator
  readonly holidayDialog: Locator
  readonly parentalRegister: Locator
  readonly parentalRows: Locator
  readonly parentalDialog: Locator

  constructor(readonly page: Page) {
    this.absenceRegister = page.getByTestId('absence-register')
    this.absenceRows = page.getByTestId('absence-row')
    this.absenceDialog = page.getByTestId('absence-dialog')
    this.holidayRegister = page.getByTestId('holiday-register')
    this.holidayRows = page.getByTestId('holiday-row')
    this.holidayDialog = page.getByTestId('holiday-dialog')
    this.parentalRegister = page.getByTestId('parental-register')
    this.parentalRows = page.getByTestId('parental-row')
    this.parentalDialog = page.getByTestId('parental-dialog')
  }

  /** The input (or textarea) inside a Vuetify field wrapper. */
  input(testid: string): Locator {
    return this.page.getByTestId(testid).locator('input, textarea').first()
  }

  /** The messages Vuetify shows under a field. */
  messages(testid: string): Locator {
    return this.page.getByTestId(testid).locator('.v-messages')
  }

  async typeDate(testid: string, iso: string): Promise<void> {
    await this.input(testid).fill(iso)
    await expect(this.input(testid)).toHaveValue(iso)
  }
}
