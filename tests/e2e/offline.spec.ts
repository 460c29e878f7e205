import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { PersonPage } from './pages/PersonPage'
import { SearchPage } from './pages/SearchPage'
import { displayName, richestPerson } from './support/choose'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { expectAccessible } from './support/accessibility'
import { hostFetch } from './support/host-api'

const nb = messages.nb
const USER = 'intro'

test.describe('offline: the register is gone (D12 offline first)', () => {
  test.afterAll(async ({ stack }) => {
    await stack.startRegister()
    // The session unlocked offline has no token: later specs log in online again.
    await hostFetch(stack.baseURL, 'session.logout')
  })

  test('with the register stopped the chip says offline, and search and person screens still work', async ({ page, stack, screens }) => {
    const shell = new AppShellPage(page)
    const login = new LoginPage(page)
    await login.ensureLoggedIn(USER, DEMO_PASSWORD)
    const p = richestPerson(await stack.scope(USER), '4601')

    await stack.stopRegister()
    await shell.syncChip.click()
    await expect(shell.syncChip).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
    await expect(shell.syncChip).toContainText(nb.sync.offlineSince.split(' {')[0]!)

    const search = new SearchPage(page)
    await search.open()
    await search.searchForList(p.lastName)
    await expect(search.hit(p.duf)).toHaveCount(1)
    await screens('offline-search')

    await search.hit(p.duf).getByRole('link').click()
    const person = new PersonPage(page)
    await person.expectPerson(displayName(p))
    await person.openTab('detaljar')
    await expect(person.details).toBeVisible()
    await screens('offline-person-details')
  })

  test('with the register stopped the caseworker unlocks the replica offline with the password', async ({ page, stack }) => {
    const shell = new AppShellPage(page)
    const login = new LoginPage(page)
    await stack.stopRegister()
    await login.resetSession()
    await login.open()
    await login.login(USER, 'not-the-password')
    await expect(login.fieldMessage(login.password)).not.toBeEmpty()
    await login.login(USER, DEMO_PASSWORD)
    await expect(shell.menu).toBeVisible()
    await expect(shell.syncChip).toHaveAttribute('data-state', /offline|notSynced|error/)
  })

  test('issue 7.6 when the register is back, the chip asks for the password in place; a wrong one is refused beside the field, the right one resumes the sync', async ({
    page,
    stack,
    screens,
  }) => {
    const shell = new AppShellPage(page)
    const login = new LoginPage(page)
    // The previous test left the host's session unlocked offline, without a token from the register.
    await page.goto('/#/arbeidsflate')
    await expect(shell.menu).toBeVisible()
    const urlBefore = page.url()
    await stack.startRegister()
    await expect(shell.syncChip).toContainText(nb.reauthUi.chip, { timeout: 60_000 })
    await shell.syncChip.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('reauth-dialog')
    await expect(dialog).toBeVisible()
    await expect(page.getByTestId('reauth-user')).not.toBeEmpty()
    const password = dialog.getByLabel(nb.reauthUi.password)
    await expect(password).toBeFocused()
    await expectAccessible(page, 'reauth dialog')
    await screens('reauth-dialog')

    await password.fill('not-the-password')
    await page.keyboard.press('Enter')
    await expect(login.fieldMessage(password)).not.toBeEmpty()
    await expect(dialog).toBeVisible()

    await password.fill(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate', { timeout: 60_000 })
    // In place: no second login screen, the caseworker is where they were.
    expect(page.url()).toBe(urlBefore)
  })
})
