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

  /**
   * Searches and waits for the service's answer. Returns whether the screen will open the
   * person by itself: one hit and no warning (the guide's "one hit opens the person").
   */
  async search(query: string): Promise<{ opensPerson: boolean }> {
    await this.input.fill(query)
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/persons.search'))
    await this.submit.click()
    const body = (await (await answered).json()) as { ok: boolean; value?: { hits: unknown[]; warnings: unknown[] } }
    return { opensPerson: body.ok && body.value!.hits.length === 1 && body.value!.warnings.length === 0 }
  }

  /** Searches and stays on the result list: a single hit opens the person, and Back returns here. */
  async searchForList(query: string): Promise<void> {
    const { opensPerson } = await this.search(query)
    if (!opensPerson) return
    await expect(this.page).toHaveURL(/#\/person\/[^/]+\/grunndata$/)
    await expect(this.page.getByTestId('person-banner')).toBeVisible()
    await this.page.goBack()
    await expect(this.kind).toBeVisible()
  }

  hit(text: string | RegExp): Locator {
    return this.hits.filter({ hasText: text })
  }
}
