import { formatNorwegianDate } from '../../src/shared/calendar'
import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { KartleggingPage } from './pages/KartleggingPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { inMunicipality } from './support/choose'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { osloDay, personView } from './support/norsk-training'
import type { Page } from '@playwright/test'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages
const lead = (text: string) => text.split('{')[0]!.trim()

/** A demo person of Bergen with test results and no language/track registration yet. */
async function personWithTestResults(page: Page, stack: Stack): Promise<{ id: string; tests: number }> {
  const scope = await stack.scope('norsk')
  for (const p of inMunicipality(scope, '4601')) {
    if (p.closed) continue
    const view = await personView(page, p.id)
    if (view.bundle.testResults.length && !view.bundle.languageTracks.length) return { id: p.id, tests: view.bundle.testResults.length }
  }
  throw new Error('no person in the demo data has test results')
}

test.describe('Kartlegging: language, track history and test results (D6, R6.5, R8)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
  })

  test('registers languages and a track, a changed track as a new dated row; a date before the previous one is refused beside the field; nb and nn', async ({
    page,
    stack,
    screens,
  }) => {
    // A long walk through every step on a shared, busy machine.
    test.setTimeout(240_000)
    const person = await personWithTestResults(page, stack)
    const screen = new KartleggingPage(page)
    await screen.open(person.id)
    // Test results from base data, read-only, under the registration as the guide places them.
    await expect(screen.tests.getByTestId('kartlegging-tests-table').locator('tbody tr')).toHaveCount(person.tests)
    await expect(page.getByTestId('track-none')).toHaveText(nb.participationUi.kartlegging.none)
    await expectAccessible(page, 'kartlegging empty')

    await screen.register.focus()
    await page.keyboard.press('Enter')
    await expect(screen.dialog).toBeVisible()
    await screen.input('date').fill(formatNorwegianDate(osloDay(-10)))
    await screen.chooseLanguage('mother-tongue', 'Tigrin')
    await expect(screen.field('mother-tongue')).toContainText('Tigrinja (tir)')
    await screen.chooseLanguage('language1', 'Arabi')
    await expect(screen.field('language1')).toContainText('Arabisk (ara)')
    await screen.chooseTrack(/^1 – Alfabetisering/)
    await expectAccessible(page, 'language and track dialog')
    await screens('kartlegging-dialog-nb')
    await page.getByTestId('track-save').click()
    await expect(screen.dialog).toBeHidden()
    await expect(screen.rows).toHaveCount(1)
    await expect(screen.rows.first()).toContainText('Tigrinja')
    await expect(screen.rows.first()).toContainText('Arabisk')
    await expect(screen.rows.first()).toContainText('Alfabetisering')

    // A new track is a new registration with a later date; the languages come along.
    await screen.register.click()
    await expect(screen.field('mother-tongue')).toContainText('Tigrinja (tir)')
    await screen.input('date').fill(formatNorwegianDate(osloDay(-20)))
    await screen.chooseTrack(/^2 – Spor 1/)
    await page.getByTestId('track-save').click()
    await expect(screen.message('date')).toContainText(lead(nb.reasons.TRACK_DATE_NOT_AFTER_PREVIOUS))
    expect((await personView(page, person.id)).bundle.languageTracks).toHaveLength(1)
    await screens('kartlegging-refused-nb')
    await screen.input('date').fill(formatNorwegianDate(osloDay(0)))
    await page.getByTestId('track-save').click()
    await expect(screen.dialog).toBeHidden()
    await expect(screen.rows).toHaveCount(2)
    await expect(screen.rows.first()).toContainText(nb.participationUi.kartlegging.current)
    await expect(screen.rows.first()).toContainText('Spor 1')
    await expect(screen.rows.nth(1)).toContainText('Alfabetisering')
    await expect(screen.rows.first().getByTestId('sync-badge')).toBeVisible()
    await screens('kartlegging-nb')

    const shell = new AppShellPage(page)
    await shell.switchLanguage('nn')
    await expect(page.getByRole('heading', { level: 3, name: nn.participationUi.kartlegging.tests.heading })).toBeVisible()
    await expect(screen.rows.first()).toContainText(nn.participationUi.kartlegging.current)
    await expectAccessible(page, 'kartlegging nn')
    await screens('kartlegging-nn')
    await screen.register.click()
    await expect(screen.field('language1')).toContainText(nn.participationUi.kartlegging.dialog.language1)
    await expectAccessible(page, 'language and track dialog nn')
    await closeWithEscape(page, screen.dialog)
  })
})
