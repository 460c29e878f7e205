import { expect, type Locator, type Page } from '@playwright/test'
import { hostPost } from '../support/host-api'

/** The login screen and what follows it (first sync, then the workspace). */
export class LoginPage {
  readonly form: Locator
  readonly username: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly firstSync: Locator
  readonly firstSyncCounts: Locator

  constructor(readonly page: Page) {
    this.form = page.getByTestId('login-form')
    this.username = this.form.getByLabel(/Brukarnamn|Brukernavn/)
    this.password = this.form.getByLabel('Passord')
    this.submit = this.form.getByRole('button', { name: 'Logg inn' })
    this.firstSync = page.getByTestId('first-sync')
    this.firstSyncCounts = page.getByTestId('first-sync-counts')
  }

  /** Logs the host's session out through the contract, so a test starts at the login screen. */
  async resetSession(): Promise<void> {
    const res = await hostPost(this.page.request, 'session.logout')
    expect(res.ok()).toBe(true)
  }

  async open(): Promise<void> {
    await this.page.goto('/')
    await expect(this.form).toBeVisible()
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username)
    await this.password.fill(password)
    await this.submit.click()
  }

  /** Error text shown beside a field (Vuetify renders it in the field's message area). */
  fieldMessage(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " v-input ")][1]').locator('.v-messages')
  }

  /** Logs in as `username` unless the host's session already is that user, then waits for the workspace. */
  async ensureLoggedIn(username: string, password: string): Promise<void> {
    const who = await this.whoAmI()
    if (who !== username) {
      if (who !== null) await this.resetSession()
      await this.open()
      await this.login(username, password)
    } else await this.page.goto('/')
    await expect(this.page.getByTestId('main-menu')).toBeVisible({ timeout: 120_000 })
  }

  async whoAmI(): Promise<string | null> {
    const res = await hostPost(this.page.request, 'session.state')
    const body = (await res.json()) as { ok: boolean; value?: { user: { username: string } | null } }
    return body.value?.user?.username ?? null
  }
}
