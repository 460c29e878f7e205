import { expect, type Locator, type Page } from '@playwright/test'

/** The person screen *Deltaking intro* (D8.3): period filter, summary and chart, measures and replacements. */
export class IntroParticipationPage {
  readonly screen: Locator
  readonly summary: Locator
  readonly average: Locator
  readonly belowNorm: Locator
  readonly chart: Locator
  readonly weekRows: Locator
  readonly register: Locator
  readonly replace: Locator
  readonly measureRows: Locator
  readonly replacementRows: Locator
  readonly measuresDialog: Locator
  readonly replaceDialog: Locator
  readonly deleteDialog: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('intro-participation')
    this.summary = page.getByTestId('intro-summary')
    this.average = page.getByTestId('summary-average')
    this.belowNorm = page.getByTestId('summary-below-norm')
    this.chart = page.getByTestId('average-chart')
    this.weekRows = page.getByTestId('average-week')
    this.register = page.getByTestId('measures-register')
    this.replace = page.getByTestId('measures-replace')
    this.measureRows = page.getByTestId('measure-row')
    this.replacementRows = page.getByTestId('replacement-row')
    this.measuresDialog = page.getByTestId('measures-dialog')
    this.replaceDialog = page.getByTestId('replace-dialog')
    this.deleteDialog = page.getByTestId('measure-delete-dialog')
  }

  async open(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/deltaking-intro`)
    await expect(this.screen).toBeVisible()
  }

  /** The input inside a Vuetify field wrapper. */
  input(testid: string): Locator {
    return this.page.getByTestId(testid).locator('input').first()
  }

  /** The messages Vuetify shows under a field. */
  messages(testid: string): Locator {
    return this.page.getByTestId(testid).locator('.v-messages')
  }

  /**
   * Picks an option of a Vuetify select by keyboard: ArrowDown opens the list, the option takes
   * focus (as the list's own arrow handling would; counting presses raced it), Enter picks it.
   */
  async chooseByKeyboard(testid: string, option: string): Promise<void> {
    const select = this.page.getByTestId(testid)
    const list = this.page.getByRole('listbox')
    // On a loaded machine Enter can reach the list before the focus moved to the option and
    // pick the first one: the whole keyboard step is repeated until the field shows the option.
    await expect(async () => {
      if (await list.isVisible()) await this.page.keyboard.press('Escape')
      await select.locator('input').first().focus()
      await this.page.keyboard.press('ArrowDown')
      const item = list.getByRole('option', { name: option, exact: true })
      await expect(item).toBeVisible({ timeout: 5_000 })
      await item.focus()
      await expect(item).toBeFocused({ timeout: 5_000 })
      await this.page.keyboard.press('Enter')
      await expect(list).toBeHidden({ timeout: 5_000 })
      await expect(select).toContainText(option, { timeout: 2_000 })
    }).toPass({ timeout: 45_000 })
  }

  /** Types a date into a date field by keyboard (its ISO value; Chromium's field takes the digits in order). */
  async typeDate(testid: string, iso: string): Promise<void> {
    await this.input(testid).fill(iso)
    await expect(this.input(testid)).toHaveValue(iso)
  }
}
