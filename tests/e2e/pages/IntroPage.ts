import { expect, type Locator, type Page } from '@playwright/test'

/** The person screen *Intro* (D8.1): contacts and claims, decisions, the ending, the status box. */
export class IntroPage {
  readonly screen: Locator
  readonly status: Locator
  readonly statusBox: Locator
  readonly ended: Locator
  readonly registerContact: Locator
  readonly registerClaim: Locator
  readonly registerDecision: Locator
  readonly registerEnding: Locator
  readonly showAll: Locator
  readonly contactRows: Locator
  readonly decisionRows: Locator
  readonly endingRows: Locator
  readonly contactDialog: Locator
  readonly claimDialog: Locator
  readonly decisionDialog: Locator
  readonly endingDialog: Locator
  readonly letter: Locator
  readonly logDialog: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('intro')
    this.status = page.getByTestId('intro-status')
    this.statusBox = page.getByTestId('intro-status-box')
    this.ended = page.getByTestId('intro-ended')
    this.registerContact = page.getByTestId('register-contact')
    this.registerClaim = page.getByTestId('register-claim')
    this.registerDecision = page.getByTestId('register-decision')
    this.registerEnding = page.getByTestId('register-ending')
    this.showAll = page.getByTestId('decisions-show-all')
    this.contactRows = page.getByTestId('norsk-contact-row')
    this.decisionRows = page.getByTestId('norsk-decision-row')
    this.endingRows = page.getByTestId('intro-ending-row')
    this.contactDialog = page.getByTestId('contact-dialog')
    this.claimDialog = page.getByTestId('claim-dialog')
    this.decisionDialog = page.getByTestId('decision-dialog')
    this.endingDialog = page.getByTestId('ending-dialog')
    this.letter = page.getByTestId('decision-letter')
    this.logDialog = page.getByTestId('calculation-log')
  }

  async open(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/intro`)
    await expect(this.screen).toBeVisible()
  }

  /** A field of an open dialog by its test id (the input inside the Vuetify wrapper). */
  field(dialog: Locator, testid: string): Locator {
    return dialog.getByTestId(testid).locator('input, textarea').first()
  }

  /** The messages Vuetify shows under a field (errors and hints). */
  messages(dialog: Locator, testid: string): Locator {
    return dialog.getByTestId(testid).locator('.v-messages')
  }

  /** Picks an option of a Vuetify select in a dialog by its visible text. */
  async choose(dialog: Locator, testid: string, option: string | RegExp): Promise<void> {
    await dialog.getByTestId(testid).click()
    // The list is virtual and opens scrolled to the chosen item: from the top, every option is reachable.
    const list = this.page.getByRole('listbox').last()
    await list.evaluate((el) => el.scrollTo({ top: 0 }))
    await this.page.getByRole('option', { name: option, exact: true }).first().click()
  }

  async save(dialog: Locator): Promise<void> {
    await dialog.getByTestId('dialog-save').click()
  }
}
