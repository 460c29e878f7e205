import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { hostPost } from './support/host-api'

const { nb, nn } = messages
// A demo user no other spec logs in as (no person data, so its first sync is quick): disabling it
// cannot disturb the specs that share this worker's register.
const USER = 'support'

test('A6 issue 11.7 a user disabled on the register: the next sync ends the session and the login screen says the local data are deleted (nb, nn)', async ({
  page,
  stack,
  screens,
}) => {
  const login = new LoginPage(page)
  const shell = new AppShellPage(page)
  await login.resetSession()
  await login.ensureLoggedIn(USER, DEMO_PASSWORD)
  await shell.switchLanguage('nb')
  try {
    await stack.registerCli(['disable-user', USER])
    // The next contact with the register: a sync, as the caseworker's button or the timer starts it.
    await expect(async () => {
      expect((await hostPost(page.request, 'sync.run')).ok()).toBe(true)
      await expect(login.form).toBeVisible({ timeout: 5_000 })
    }).toPass({ timeout: 60_000 })
    const notice = page.getByTestId('login-notice')
    await expect(notice).toHaveText(nb.reasons.USER_DISABLED)
    await expectAccessible(page, 'login, user disabled (nb)')
    await screens('login-user-disabled-nb')
    await page.getByTestId('language-switch').getByRole('button', { name: 'nn', exact: true }).click()
    await expect(notice).toHaveText(nn.reasons.USER_DISABLED)
    await expectAccessible(page, 'login, user disabled (nn)')
    await screens('login-user-disabled-nn')

    // Logging in again is refused with the same reason, said in place, by keyboard alone.
    await login.username.focus()
    await page.keyboard.type(USER)
    await page.keyboard.press('Tab')
    await page.keyboard.type(DEMO_PASSWORD)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('login-reason')).toContainText(nn.reasons.USER_DISABLED)
    await page.getByTestId('language-switch').getByRole('button', { name: 'nb', exact: true }).click()
  } finally {
    await stack.registerCli(['enable-user', USER])
  }
})
