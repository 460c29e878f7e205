import { expect, type Locator, type Page } from '@playwright/test'

/** The person screens: green banner, left menu, Grunndata, Grunndata detaljar, Tilskot. */
export class PersonPage {
  readonly banner: Locator
  readonly bannerName: Locator
  readonly bannerToggle: Locator
  readonly listToggle: Locator
  readonly overview: Locator
  readonly details: Locator
  readonly grants: Locator
  readonly menu: Locator
  readonly sideSearch: Locator

  constructor(readonly page: Page) {
    this.banner = page.getByTestId('person-banner')
    this.bannerName = page.getByTestId('banner-name')
    this.bannerToggle = page.getByTestId('banner-toggle')
    this.listToggle = page.getByTestId('person-list-toggle')
    this.overview = page.getByTestId('overview')
    this.details = page.getByTestId('details')
    this.grants = page.getByTestId('grants')
    this.menu = page.getByTestId('person-menu')
    this.sideSearch = page.getByTestId('side-search').getByRole('textbox')
  }

  async expectPerson(name: string): Promise<void> {
    await expect(this.bannerName).toHaveText(name)
  }

  async openTab(tab: 'grunndata' | 'detaljar' | 'tilskot'): Promise<void> {
    await this.page.getByTestId(`menu-${tab}`).click()
    await expect(this.page.getByTestId(`menu-${tab}`)).toHaveAttribute('aria-current', 'page')
  }

  section(name: 'permits' | 'addresses' | 'citizenships' | 'follow-up' | 'settlement' | 'tests' | 'grants'): Locator {
    return this.page.getByTestId(`section-${name}`)
  }

  /** Opens "Vis alle endringar" of a section and returns its history table. */
  async openHistory(name: 'permits' | 'addresses' | 'citizenships'): Promise<Locator> {
    const section = this.section(name)
    const toggle = section.getByTestId('history-toggle')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    return section.getByTestId('history-table')
  }

  /** Grunndata's categories (D4): one row per computed category. */
  get categoryRows(): Locator {
    return this.page.getByTestId('category-row')
  }

  /** Opens the calculation log (berekningslogg) behind a category's "i" and returns it. */
  async openCategoryLog(row: number): Promise<Locator> {
    await this.categoryRows.nth(row).getByTestId('category-log-button').click()
    const log = this.page.getByTestId('calculation-log')
    await expect(log).toBeVisible()
    return log
  }

  async searchOther(query: string): Promise<void> {
    await this.sideSearch.fill(query)
    await this.sideSearch.press('Enter')
  }
}
