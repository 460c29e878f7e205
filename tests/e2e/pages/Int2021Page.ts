import { expect, type Locator, type Page } from '@playwright/test'
import type { Int2021FactKind } from '../../../src/shared/domain'

/** The 2021 act's registration cards (R12.3.2) on Kartlegging, Intro and Norsk, and their dialog. */
export class Int2021Page {
  readonly dialog: Locator
  readonly confirm: Locator
  readonly notInRegime: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('int2021-dialog')
    this.confirm = page.getByTestId('int2021-confirm')
    this.notInRegime = page.getByTestId('int2021-not-in-regime')
  }

  async open(personId: string, tab: 'kartlegging' | 'intro' | 'norsk'): Promise<void> {
    await this.page.goto(`/#/person/${personId}/${tab}`)
    await expect(this.page.getByTestId(tab)).toBeVisible()
  }

  card(kind: Int2021FactKind): Locator {
    return this.page.getByTestId(`int2021-card-${kind}`)
  }

  rows(kind: Int2021FactKind): Locator {
    return this.card(kind).getByTestId('int2021-row')
  }

  /** A dialog field's messages (errors and hints) by its test id. */
  messages(testid: string): Locator {
    return this.dialog.getByTestId(testid).locator('.v-messages')
  }

  /** Opens a card's dialog by keyboard: focus lands in the date field. */
  async openDialog(kind: Int2021FactKind): Promise<void> {
    await this.card(kind).getByTestId('int2021-register').focus()
    await this.page.keyboard.press('Enter')
    await expect(this.dialog).toBeVisible()
    await expect(this.dialog.getByTestId('int2021-date').locator('input')).toBeFocused()
  }

  /** Types the date (dd.mm.åååå) into the focused date field. */
  async typeDate(ddmmyyyy: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.type(ddmmyyyy)
  }

  /**
   * Tabs from the date field into the radio group after it and moves to option `index` with
   * the arrow keys (a native radio group: arrows move and check).
   */
  async chooseRadio(index: number): Promise<void> {
    await this.page.keyboard.press('Tab')
    await this.page.keyboard.press('Space')
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown')
  }

  /** From the radio group back to the date field (Shift+Tab) and Enter: the form is submitted from a text field. */
  async saveFromDate(): Promise<void> {
    await this.page.keyboard.press('Shift+Tab')
    await expect(this.dialog.getByTestId('int2021-date').locator('input')).toBeFocused()
    await this.page.keyboard.press('Enter')
  }
}
