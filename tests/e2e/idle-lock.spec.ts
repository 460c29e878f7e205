import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { messages } from '../../src/shared/i18n'
import { IntroPage } from './pages/IntroPage'
import { LoginPage } from './pages/LoginPage'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { freePort, startTs, type Started } from './support/processes'
import { importRowsOnRegister } from './support/register-import'

const { nb, nn } = messages
/** 15 s: long enough for each step between two contract calls, short enough to wait for. */
const IDLE_MINUTES = '0.25'

/** Today in Europe/Oslo shifted by `days`, `YYYY-MM-DD` (what the date fields take). */
function osloDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' })
}

/** A Bergen person with the right to the introduction programme, on the register before the device's first sync. */
async function introPerson(registerUrl: string): Promise<string> {
  const serial = String(Math.floor(Math.random() * 900_000) + 100_000)
  const id = randomUUID()
  await importRowsOnRegister(registerUrl, [
    {
      type: 'person',
      id,
      duf: dufWithCheck(`2021${serial}`),
      dufCheckFailed: false,
      nationalId: null,
      regNumber: null,
      firstName: 'Lina',
      middleName: null,
      lastName: `Låsetest${serial}`,
      birthDate: '1991-05-10',
      sex: 'K',
      closed: false,
      arrivalDate: '2020-10-01',
      followUpMunicipality: '4601',
      followUpDistrict: null,
      followUpByAgreement: true,
      receptionCentre: null,
    },
    {
      type: 'permit',
      id: randomUUID(),
      personId: id,
      groundCode: 'UTL28',
      permitType: 'Midlertidig oppholdstillatelse',
      legalBasis: 'utlendingsloven § 28 første ledd a',
      validFrom: '2020-12-01',
      validTo: null,
      grantedDate: '2020-12-01',
    },
    { type: 'settlement', id: randomUUID(), personId: id, date: osloDay(-30), municipality: '4601', byAgreement: true, familyReunification: false },
  ])
  return id
}

/** The unlock screen (AppLockScreen.vue). */
function lockScreen(page: Page) {
  const screen = page.getByTestId('lock-screen')
  const password = page.getByTestId('lock-password').locator('input')
  return {
    screen,
    password,
    message: page.getByTestId('lock-password').locator('.v-messages'),
    /** By keyboard: the password field has the focus when the lock comes. */
    async unlock(pw: string): Promise<void> {
      await expect(password).toBeFocused()
      await page.keyboard.type(pw)
      await page.keyboard.press('Enter')
    },
  }
}

/**
 * Issue 11 point 4 in real Chromium: a host of its own with a 15-second idle lock (the shared
 * stack's host keeps A7's 15 minutes), on the stack's register. The lock comes over an open
 * dialog, is opened by keyboard with the password, and the typed text is still there and saves.
 */
test.describe('idle lock (issue 11 point 4)', () => {
  test.describe.configure({ timeout: 300_000 })
  let host: Started | null = null
  let dir = ''
  let base = ''

  test.beforeAll(async ({ stack }) => {
    dir = mkdtempSync(join(tmpdir(), 'nir-e2e-lock-'))
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    host = await startTs(
      'src/main/host/cli.ts',
      { NIR_DATA_DIR: dir, NIR_HOST_PORT: String(port), NIR_REGISTER_URL: stack.registerUrl, NIR_PULL_LIMIT: '100', NIR_IDLE_LOCK_MINUTES: IDLE_MINUTES },
      `${base}/`,
      'e2e-host-idle-lock',
    )
  })
  test.afterAll(async () => {
    await host?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('the lock comes over an open dialog after the idle time; unlocked by keyboard, the typed date is still there and saves; nb and nn', async ({ page, stack, screens }) => {
    const personId = await introPerson(stack.registerUrl)
    const lock = lockScreen(page)
    const menu = page.getByTestId('main-menu')
    await page.goto(`${base}/`)
    const login = new LoginPage(page)
    await login.login('intro', DEMO_PASSWORD)
    // On a slow machine the first sync may outlast the idle time: then the lock comes first.
    await expect(async () => {
      if (await lock.screen.isVisible()) {
        await lock.password.fill(DEMO_PASSWORD)
        await lock.password.press('Enter')
      }
      await expect(menu).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 180_000 })

    const intro = new IntroPage(page)
    await page.goto(`${base}/#/person/${personId}/intro`)
    await expect(intro.screen).toBeVisible()
    await intro.registerContact.click()
    await expect(intro.contactDialog).toBeVisible()
    const date = intro.field(intro.contactDialog, 'contact-date')
    const typed = osloDay(-3)
    await date.fill(typed)

    // Nobody touches anything now: the device locks and the unlock screen covers the dialog.
    await expect(lock.screen).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('lock-user')).toHaveText('Ingrid Haugland (intro)')
    await expect(lock.screen).toContainText(nb.lockUi.title)
    await screens('idle-lock-nb')

    // A wrong password: refused beside the field, nothing else changes.
    await lock.unlock('not-the-password')
    await expect(lock.message).toHaveText(nb.reasons.UNLOCK_WRONG_PASSWORD.replace('{attemptsLeft}', '4'))
    await expect(lock.screen).toBeVisible()
    await lock.unlock(DEMO_PASSWORD)
    await expect(lock.screen).toBeHidden()

    // The dialog was never closed: the date is there, the keyboard is back in it, Enter saves it.
    await expect(intro.contactDialog).toBeVisible()
    await expect(date).toHaveValue(typed)
    await expect(date).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(intro.contactDialog).toBeHidden()
    await expect(intro.contactRows).toHaveCount(1)

    // Locked again (idle once more), this time read in nynorsk.
    await expect(lock.screen).toBeVisible({ timeout: 60_000 })
    const nnButton = lock.screen.getByTestId('language-switch').locator('[lang="nn"]')
    await nnButton.click()
    await expect(nnButton).toHaveAttribute('aria-pressed', 'true')
    await expect(lock.screen).toContainText(nn.lockUi.logoutHint)
    await expect(lock.screen).toContainText('0,25 minutt utan aktivitet')
    await screens('idle-lock-nn')
    // From the language switch, Tab reaches the password field next.
    await expect(nnButton).toBeFocused()
    await page.keyboard.press('Tab')
    await lock.unlock(DEMO_PASSWORD)
    await expect(lock.screen).toBeHidden()
    await expect(intro.contactRows).toHaveCount(1)
  })
})
