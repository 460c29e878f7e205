import { expect, type Locator, type Page } from '@playwright/test'

/** The person screen *Norsk* (D6): contacts and claims, decisions, the decision template. */
export class NorskPage {
  readonly screen: Locator
  readonly status: Locator
  readonly readOnly: Locator
  readonly registerContact: Locator
  readonly registerClaim: Locator
  readonly registerDecision: Locator
  readonly showAll: Locator
  readonly contactRows: Locator
  readonly decisionRows: Locator
  readonly contactDialog: Locator
  readonly claimDialog: Locator
  readonly decisionDialog: Locator
  readonly letter: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('norsk')
    this.status = page.getByTestId('norsk-status')
    this.readOnly = page.getByTestId('norsk-read-only')
    this.registerContact = page.getByTestId('register-contact')
    this.registerClaim = page.getByTestId('register-claim')
    this.registerDecision = page.getByTestId('register-decision')
    this.showAll = page.getByTestId('decisions-show-all')
    this.contactRows = page.getByTestId('norsk-contact-row')
    this.decisionRows = page.getByTestId('norsk-decision-row')
    this.contactDialog = page.getByTestId('contact-dialog')
    this.claimDialog = page.getByTestId('claim-dialog')
    this.decisionDialog = page.getByTestId('decision-dialog')
    this.letter = page.getByTestId('decision-letter')
  }

  async open(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/norsk`)
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
    await this.page.getByRole('option', { name: option }).first().click()
  }

  async save(dialog: Locator): Promise<void> {
    await dialog.getByTestId('dialog-save').click()
  }
}
