import { expect, type Locator, type Page } from '@playwright/test'

/** The *Deltakarbevis* card on Kartlegging and its preview dialog (issue 10 point 1). */
export class CertificatesPage {
  readonly card: Locator
  readonly preview: Locator

  constructor(readonly page: Page) {
    this.card = page.getByTestId('certificates')
    this.preview = page.getByTestId('certificate-preview')
  }

  async open(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/kartlegging`)
    await expect(this.card).toBeVisible()
  }

  scheme(scheme: 'norsk' | 'intro'): Locator {
    return this.page.getByTestId(`certificate-${scheme}`)
  }

  button(scheme: 'norsk' | 'intro', which: 'preview' | 'download'): Locator {
    return this.page.getByTestId(`certificate-${scheme}-${which}`)
  }

  /** Chooses the certificate's language by keyboard: focus the radio button and press Space. */
  async chooseLanguage(scheme: 'norsk' | 'intro', label: string): Promise<void> {
    const radio = this.page.getByTestId(`certificate-${scheme}-lang`).getByRole('radio', { name: label })
    await radio.focus()
    await this.page.keyboard.press('Space')
    await expect(radio).toBeChecked()
  }

  /** Presses a button with the keyboard alone. */
  async press(scheme: 'norsk' | 'intro', which: 'preview' | 'download'): Promise<void> {
    await this.button(scheme, which).focus()
    await this.page.keyboard.press('Enter')
  }
}
