import { expect, type Locator, type Page } from '@playwright/test'
import { chooseByKeyboard } from '../support/overlays'

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

  /** Picks an option of a Vuetify select by keyboard (ArrowDown, the option, Enter). */
  async chooseByKeyboard(testid: string, option: string): Promise<void> {
    await chooseByKeyboard(this.page, this.page.getByTestId(testid), option)
  }

  /** Types a date into a date field by keyboard (its ISO value; Chromium's field takes the digits in order). */
  async typeDate(testid: string, iso: string): Promise<void> {
    await this.input(testid).fill(iso)
    await expect(this.input(testid)).toHaveValue(iso)
  }
}
