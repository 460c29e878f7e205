import type { AsylnorskKind } from '../../../src/shared/domain'
import { expect, type Locator, type Page } from '@playwright/test'
import { chooseByKeyboard, closeWithEscape } from '../support/overlays'

/** Training for asylum seekers (D7): the yearly offer on *Kommunar* and *Deltaking asylnorsk* on the person. */
export class AsylnorskPage {
  readonly municipalities: Locator
  readonly offerRegister: Locator
  readonly offerRows: Locator
  readonly offerDialog: Locator
  readonly screen: Locator
  readonly register: Locator
  readonly rows: Locator
  readonly weekDialog: Locator

  constructor(readonly page: Page) {
    this.municipalities = page.getByTestId('municipalities')
    this.offerRegister = page.getByTestId('offer-register')
    this.offerRows = page.getByTestId('offer-row')
    this.offerDialog = page.getByRole('dialog').filter({ has: page.getByTestId('offer-dialog') })
    this.screen = page.getByTestId('asylnorsk')
    this.register = page.getByTestId('asylnorsk-register')
    this.rows = page.getByTestId('asylnorsk-row')
    this.weekDialog = page.getByRole('dialog').filter({ has: page.getByTestId('asylnorsk-week-dialog') })
  }

  async openPerson(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/asylnorsk`)
    await expect(this.screen).toBeVisible()
  }

  /** An input of the offer dialog. */
  offerInput(field: 'year' | 'from' | 'to'): Locator {
    return this.page.getByTestId(`offer-${field}`).locator('input')
  }

  /** The message shown beside a dialog field (Vuetify's message area of that input). */
  message(testid: string): Locator {
    return this.page.getByTestId(testid).locator('.v-messages')
  }

  /** An input of the week dialog. */
  weekInput(field: 'year' | 'week' | 'hours'): Locator {
    return this.page.getByTestId(`week-${field}`).locator('input')
  }

  /** The options a Vuetify select offers, opened and closed by keyboard. */
  async selectOptions(testid: string): Promise<string[]> {
    const field = this.page.getByTestId(testid).locator('input')
    await field.focus()
    await this.page.keyboard.press('ArrowDown')
    const list = this.page.getByRole('listbox')
    await expect(list).toBeVisible()
    const options = await list.getByRole('option').allInnerTexts()
    await closeWithEscape(this.page, list)
    return options.map((o) => o.trim())
  }

  /** Chooses an option of a Vuetify select by keyboard (ArrowDown, the option, Enter). */
  async choose(testid: string, option: string): Promise<void> {
    await chooseByKeyboard(this.page, this.page.getByTestId(testid), option)
  }

  row(isoYear: number, isoWeek: number, kind: AsylnorskKind): Locator {
    return this.page.locator(`[data-testid="asylnorsk-row"][data-week="${isoYear}-${isoWeek}"][data-kind="${kind}"]`)
  }
}
