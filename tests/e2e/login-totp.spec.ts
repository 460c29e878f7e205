import { URI, type TOTP } from 'otpauth'
import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

/**
 * A7 / issue 11 point 1: a user enrolled in TOTP by the register's admin (`enrol-totp`, the
 * real CLI) logs in with the one-time code, by keyboard only. The code is made in the test from
 * the otpauth URI the CLI printed, as the caseworker's authenticator app would from the QR code.
 * The user is created for this spec, so no other spec's demo login meets a code field.
 */
const USER = 'totp-e2e'

test.describe('login with a one-time code (A7)', () => {
  let totp: TOTP
  test.beforeAll(async ({ stack }) => {
    // create-admin reads the password from this variable (the CLI's non-interactive path).
    process.env.NIR_ADMIN_PASSWORD = DEMO_PASSWORD
    await stack.registerCli(['create-admin', USER])
    const out = await stack.registerCli(['enrol-totp', USER])
    totp = URI.parse(/otpauth URI: (otpauth:\/\/\S+)/.exec(out)![1]!) as TOTP
  })

  for (const lang of ['nb', 'nn'] as const) {
    test(`${lang}: the code field appears when the register asks; a wrong code is said beside it; the right code logs in`, async ({ page, screens }) => {
      const t = messages[lang]
      const login = new LoginPage(page)
      await login.resetSession()
      await login.open()
      await new AppShellPage(page).switchLanguage(lang)
      // From here keyboard only: the username field has the focus, Tab to the password, Enter submits.
      await login.username.focus()
      const code = page.getByLabel(t.loginTotp.label)
      await page.keyboard.type(USER)
      await page.keyboard.press('Tab')
      await page.keyboard.type(DEMO_PASSWORD)
      await page.keyboard.press('Enter')
      await expect(code).toBeFocused()
      await expect(login.fieldMessage(code)).toContainText(t.reasons.TOTP_REQUIRED)
      await screens(`login-totp-required-${lang}`)

      const right = totp.generate()
      await page.keyboard.type(right === '000000' ? '111111' : '000000')
      await page.keyboard.press('Enter')
      await expect(login.fieldMessage(code)).toContainText(t.reasons.TOTP_INVALID)
      await expect(code).toHaveValue('')
      await screens(`login-totp-invalid-${lang}`)

      // A step later than any code used before (the register refuses a step twice).
      await page.keyboard.type(totp.generate({ timestamp: Date.now() + (lang === 'nb' ? 0 : 30_000) }))
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('main-menu')).toBeVisible({ timeout: 120_000 })
    })
  }
})
