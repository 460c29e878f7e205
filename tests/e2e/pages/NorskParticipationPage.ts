import { expect, type Locator, type Page } from '@playwright/test'

/** *Deltaking norsk* (D6): the summary, the week table, the registration dialog and the delete question. */
export class NorskParticipationPage {
  readonly screen: Locator
  readonly register: Locator
  readonly table: Locator
  readonly rows: Locator
  readonly dialog: Locator
  readonly deleteDialog: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('weekly-participation')
    this.register = page.getByTestId('weekly-register')
    this.table = page.getByTestId('weekly-table')
    this.rows = this.table.locator('tbody tr')
    this.dialog = page.getByRole('dialog').filter({ has: page.getByTestId('weekly-form') })
    this.deleteDialog = page.getByRole('dialog').filter({ has: page.getByTestId('weekly-delete-confirm') })
  }

  async open(personId: string): Promise<void> {
    await this.page.goto(`/#/person/${personId}/deltaking-norsk`)
    await expect(this.screen).toBeVisible()
  }

  /** The input of a dialog field: `year`, `week`, `norsk`, `samfunn`, `absence`. */
  input(field: 'year' | 'week' | 'norsk' | 'samfunn' | 'absence'): Locator {
    return this.page.getByTestId(`weekly-${field}`).locator('input')
  }

  /** The message shown beside a dialog field (Vuetify's message area of that input). */
  message(field: 'year' | 'week' | 'norsk' | 'samfunn' | 'absence'): Locator {
    return this.page.getByTestId(`weekly-${field}`).locator('.v-messages')
  }

  get saved(): Locator {
    return this.page.getByTestId('weekly-saved')
  }

  get existing(): Locator {
    return this.page.getByTestId('weekly-existing')
  }

  summary(what: 'norsk' | 'samfunn' | 'absence' | 'average' | 'weeks'): Locator {
    return this.page.getByTestId(`summary-${what}`)
  }

  /** The table row of a week (the week cell holds its number). */
  row(isoYear: number, isoWeek: number): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name: new RegExp(`(uke|veke) ${isoWeek} ${isoYear}$`, 'i') }) })
  }

  /**
   * Types one week's hours by keyboard only, from the focused first hours field: Tab between
   * the fields, Enter saves. Empty strings leave a field empty.
   */
  async typeWeek(norsk: string, samfunn: string, absence: string): Promise<void> {
    await expect(this.input('norsk')).toBeFocused()
    const kb = this.page.keyboard
    await kb.press('ControlOrMeta+a')
    await kb.type(norsk)
    await kb.press('Tab')
    await kb.press('ControlOrMeta+a')
    await kb.type(samfunn)
    await kb.press('Tab')
    await kb.press('ControlOrMeta+a')
    await kb.type(absence)
    await kb.press('Enter')
  }
}
