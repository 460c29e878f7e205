import { expect, type Locator, type Page } from '@playwright/test'

/** Personar: the one search field, its classification line, warnings and result table. */
export class SearchPage {
  readonly input: Locator
  readonly submit: Locator
  readonly kind: Locator
  readonly warnings: Locator
  readonly hits: Locator
  readonly noHits: Locator
  readonly fieldMessages: Locator

  constructor(readonly page: Page) {
    const form = page.getByTestId('search-form')
    this.input = form.getByRole('textbox')
    this.submit = page.getByTestId('search-submit')
    this.kind = page.getByTestId('search-kind')
    this.warnings = page.getByTestId('search-warning')
    this.hits = page.getByTestId('search-hit')
    this.noHits = page.getByTestId('search-no-hits')
    this.fieldMessages = form.locator('.v-messages')
  }

  async open(): Promise<void> {
    await this.page.goto('/#/personar')
    await expect(this.input).toBeVisible()
  }

  /** Searches and waits until the answer for this query is on screen (result or field error). */
  async search(query: string): Promise<void> {
    await this.input.fill(query)
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/persons.search'))
    await this.submit.click()
    await answered
  }

  hit(text: string | RegExp): Locator {
    return this.hits.filter({ hasText: text })
  }
}
