import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { messages } from '../../src/shared/i18n'
import { replicaFile } from '../../src/main/db/vault'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

const { nb, nn } = messages
// A demo user without person data (a quick first sync) that the other specs of a worker do not log in as.
const USER = 'support'

test('issue 11.5 a damaged key file: the login screen explains, nothing is deleted, and "Start med tomme lokale data" seals the old replica and logs in (nb, nn, keyboard)', async ({
  page,
  stack,
  screens,
}) => {
  const login = new LoginPage(page)
  const shell = new AppShellPage(page)
  await login.resetSession()
  await login.ensureLoggedIn(USER, DEMO_PASSWORD)
  await shell.switchLanguage('nb')
  await login.resetSession()
  const file = replicaFile(stack.deviceDataDir, stack.registerUrl, USER)
  expect(existsSync(`${file}.key.json`)).toBe(true)
  writeFileSync(`${file}.key.json`, '{"version":2,"kdf":"scrypt","n":16777216')

  await login.open()
  await login.login(USER, DEMO_PASSWORD)
  const reason = page.getByTestId('login-reason')
  await expect(reason).toContainText(nb.reasons.REPLICA_UNREADABLE)
  expect(existsSync(file)).toBe(true)
  await expectAccessible(page, 'login, replica unreadable (nb)')
  await screens('login-replica-unreadable-nb')
  await page.getByTestId('language-switch').getByRole('button', { name: 'nn', exact: true }).click()
  await login.submit.click()
  await expect(reason).toContainText(nn.reasons.REPLICA_UNREADABLE)
  await expect(reason.getByRole('button', { name: nn.replicaUi.startFresh })).toBeVisible()
  await expectAccessible(page, 'login, replica unreadable (nn)')
  await screens('login-replica-unreadable-nn')

  // By keyboard: focus the button and press Enter.
  await reason.getByRole('button', { name: nn.replicaUi.startFresh }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('main-menu')).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('notification')).toContainText(nn.reasons.REPLICA_SEALED.split('(')[0]!.trim())
  const sealed = readdirSync(dirname(file)).filter((f) => f.includes('.sealed-'))
  expect(sealed.some((f) => /\.db\.sealed-[^.]+$/.test(f))).toBe(true)
  expect(sealed.some((f) => f.endsWith('.key.json'))).toBe(true)
  await page.getByTestId('language-switch').getByRole('button', { name: 'nb', exact: true }).click()
})
