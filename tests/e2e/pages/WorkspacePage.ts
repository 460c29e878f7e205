import { expect, type Locator, type Page } from '@playwright/test'

/** Arbeidsflate: the person list with its DUF previews and remove actions. */
export class WorkspacePage {
  readonly list: Locator
  readonly rows: Locator
  readonly empty: Locator

  constructor(readonly page: Page) {
    this.list = page.getByTestId('person-list')
    this.rows = page.getByTestId('person-list-row')
    this.empty = page.getByTestId('person-list-empty')
  }

  async open(): Promise<void> {
    await this.page.goto('/#/arbeidsflate')
    await expect(this.list).toBeVisible()
  }

  row(duf: string): Locator {
    return this.rows.filter({ hasText: duf })
  }

  /** Focuses the DUF link (keyboard) and returns the preview it shows. */
  async preview(duf: string): Promise<Locator> {
    await this.row(duf).getByTestId('person-list-duf').focus()
    return this.page.getByTestId('person-preview')
  }

  async remove(duf: string): Promise<void> {
    await this.row(duf).getByTestId('person-list-remove').click()
    await expect(this.row(duf)).toHaveCount(0)
  }
}
