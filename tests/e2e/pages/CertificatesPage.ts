import { expect, type Locator, type Page } from '@playwright/test'

/** The *Deltakarbevis* card on Kartlegging and its preview dialog (issue 10 points 1, 3 and 4). */
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

  button(scheme: 'norsk' | 'intro', which: 'preview' | 'download' | 'print'): Locator {
    return this.page.getByTestId(`certificate-${scheme}-${which}`)
  }

  /** The "issue anyway" box (issue 10 point 4) and its field messages. */
  anyway(scheme: 'norsk' | 'intro'): Locator {
    return this.page.getByTestId(`certificate-${scheme}-anyway`)
  }

  /** The list of certificates issued before (issue 10 point 3). */
  issued(scheme: 'norsk' | 'intro'): Locator {
    return this.page.getByTestId(`certificate-${scheme}-issued`).getByRole('listitem')
  }

  /** Ticks or unticks "issue anyway" by keyboard: focus the box and press Space. */
  async toggleAnyway(scheme: 'norsk' | 'intro', checked: boolean): Promise<void> {
    const box = this.anyway(scheme).getByRole('checkbox')
    await box.focus()
    await this.page.keyboard.press('Space')
    await expect(box).toBeChecked({ checked })
  }

  /** Chooses the certificate's language by keyboard: focus the radio button and press Space. */
  async chooseLanguage(scheme: 'norsk' | 'intro', label: string): Promise<void> {
    const radio = this.page.getByTestId(`certificate-${scheme}-lang`).getByRole('radio', { name: label })
    await radio.focus()
    await this.page.keyboard.press('Space')
    await expect(radio).toBeChecked()
  }

  /** Presses a button with the keyboard alone. */
  async press(scheme: 'norsk' | 'intro', which: 'preview' | 'download' | 'print'): Promise<void> {
    await this.button(scheme, which).focus()
    await this.page.keyboard.press('Enter')
  }
}
