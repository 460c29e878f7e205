import { expect, type Locator, type Page } from '@playwright/test'

/** *Kartlegging* (D6): language and track history, its dialog, and the test results. */
export class KartleggingPage {
  readonly screen: Locator
  readonly register: Locator
  readonly rows: Locator
  readonly dialog: Locator
  readonly tests: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('kartlegging')
    this.register = page.getByTestId('track-register')
    this.rows = page.getByTestId('track-table').locator('tbody tr')
    this.dialog = page.getByRole('dialog').filter({ has: page.getByTestId('track-form') })
    this.tests = page.getByTestId('kartlegging-tests')
  }

  async open(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/kartlegging`)
    await expect(this.screen).toBeVisible()
  }

  field(name: 'date' | 'mother-tongue' | 'language1' | 'language2' | 'track'): Locator {
    return this.page.getByTestId(`track-${name}`)
  }

  input(name: 'date' | 'mother-tongue' | 'language1' | 'language2' | 'track'): Locator {
    return this.field(name).locator('input')
  }

  message(name: 'date' | 'mother-tongue' | 'language1' | 'language2' | 'track'): Locator {
    return this.field(name).locator('.v-messages')
  }

  /** Searches a language list by keyboard and takes the first match with Enter. */
  async chooseLanguage(name: 'mother-tongue' | 'language1' | 'language2', search: string): Promise<void> {
    await this.input(name).focus()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.type(search)
    await expect(this.page.getByRole('listbox').getByRole('option').first()).toBeVisible()
    await this.page.keyboard.press('Enter')
  }

  /** Opens the track list by keyboard and picks the option with `name`. */
  async chooseTrack(name: string | RegExp): Promise<void> {
    await this.input('track').focus()
    await this.page.keyboard.press('Enter')
    const option = this.page.getByRole('listbox').getByRole('option', { name })
    await expect(option).toBeVisible()
    await option.click()
  }
}
