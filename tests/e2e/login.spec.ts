import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

const nb = messages.nb
/** The nb text of a reason code, or the code itself where the UI shows «Feil (code)». */
const reasonText = (code: string) => (nb.reasons as Record<string, string>)[code] ?? code

test.describe('login and first sync (A7, A4)', () => {
  test('a wrong password is shown beside the password field and nothing opens', async ({ page, screens }) => {
    const login = new LoginPage(page)
    await login.resetSession()
    await login.open()
    await screens('login')
    await login.login('intro', 'wrong-password')
    await expect(login.fieldMessage(login.password)).toContainText(reasonText('INVALID_CREDENTIALS'))
    await expect(login.form).toBeVisible()
    await screens('login-error')
  })

  test('the first login of a user runs a first sync with a progress bar, then opens the workspace', async ({ page, screens }) => {
    const login = new LoginPage(page)
    const shell = new AppShellPage(page)
    await login.resetSession()
    await login.open()
    // A user no other spec logs in as: the stack (and its replicas) lives for the whole run,
    // so only a user without a replica on this laptop gets a first sync.
    await login.login('etterreg', DEMO_PASSWORD)
    await expect(login.firstSync).toBeVisible()
    await expect(page.getByRole('progressbar', { name: nb.firstSync.progressLabel })).toBeVisible()
    // The pull is paged (NIR_PULL_LIMIT in the fixture), so counts appear before it ends.
    await expect(login.firstSyncCounts).toContainText(/\d+ av \d+/)
    await screens('first-sync')
    await expect(shell.menu).toBeVisible({ timeout: 120_000 })
    await expect(shell.userLine).toContainText('Bergen')
    await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
    await screens('workspace-after-first-sync')
  })

  test('Kommunar shows the municipality and its asylnorsk offers; Rapportar opens its reports', async ({ page, screens }) => {
    const shell = new AppShellPage(page)
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
    await shell.go('municipalities')
    await expect(page.getByRole('heading', { level: 1, name: nb.asylnorskUi.municipalities.heading })).toBeVisible()
    await expect(page.getByTestId('own-municipality')).toContainText('4601')
    await screens('municipalities')
    await shell.go('reports')
    await expect(page.getByRole('heading', { level: 1, name: nb.reportsUi.heading })).toBeVisible()
    await screens('reports')
  })

  test('logging out returns to the login screen', async ({ page }) => {
    const shell = new AppShellPage(page)
    const login = new LoginPage(page)
    await login.ensureLoggedIn('norsk', DEMO_PASSWORD)
    await shell.logoutButton.click()
    await expect(login.form).toBeVisible()
    expect(await login.whoAmI()).toBeNull()
  })
})
