import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { CertificatesPage } from './pages/CertificatesPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { hostPost } from './support/host-api'
import { mondayWeeksBack, personInNorskTraining, personView, weekOf } from './support/norsk-training'
import { addDays } from '../../src/shared/calendar'

const { nb, nn } = messages
const SCREENS = join(process.cwd(), 'test-results', 'screens')

/** Runs a sync on the device and waits for its end (the chip's state), so nothing of the person waits to sync. */
async function syncNow(page: Page): Promise<void> {
  expect((await hostPost(page.request, 'sync.run')).ok()).toBe(true)
  await expect(new AppShellPage(page).syncChip).toHaveAttribute('data-state', 'upToDate', { timeout: 60_000 })
}

test.describe('Deltakarbevis on Kartlegging (issue 10 points 1, 3 and 5)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
  })

  test('D10 preview and download a Norwegian-training certificate in bokmål and nynorsk, by keyboard; the PDF has the name and the hours', async ({ page, stack, screens }) => {
    test.setTimeout(240_000)
    // A granted right-and-duty decision and three weeks of 10 + 2,5 hours, saved as the screens save them.
    const start = mondayWeeksBack(5)
    const personId = await personInNorskTraining(page, stack, 'norsk', start)
    for (const i of [0, 1, 2]) {
      const week = { id: crypto.randomUUID(), personId, ...weekOf(addDays(start, 7 * i)), norskHours: 10, samfunnHours: 2.5, absenceHours: 0 }
      const res = await (await hostPost(page.request, 'norsk.saveWeeklyParticipation', week)).json()
      expect(res.ok, JSON.stringify(res)).toBe(true)
    }
    await syncNow(page)
    const p = (await personView(page, personId)).bundle.person
    const name = [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ')

    const screen = new CertificatesPage(page)
    await screen.open(personId)
    await expect(screen.scheme('norsk')).toBeVisible()
    // No programme: no certificate offered for it.
    await expect(screen.scheme('intro')).toHaveCount(0)
    await expect(page.getByTestId('certificate-norsk-pending')).toHaveCount(0)
    await screen.card.scrollIntoViewIfNeeded()
    await screens('certificates-card-nb')

    mkdirSync(SCREENS, { recursive: true })
    for (const [lang, m] of [
      ['nb', nb],
      ['nn', nn],
    ] as const) {
      if (lang === 'nn') {
        await new AppShellPage(page).switchLanguage('nn')
        await expect(screen.button('norsk', 'preview')).toHaveText(m.certificatesUi.preview)
      }
      await screen.chooseLanguage('norsk', m.certificatesUi.languages[lang])

      await screen.press('norsk', 'preview')
      await expect(screen.preview).toBeVisible()
      await expect(screen.preview.getByTestId('certificate-title')).toHaveText(m.certificates.title.norsk)
      await expect(screen.preview).toContainText(name)
      await expect(screen.preview).toContainText(lang === 'nb' ? '30 timer' : '30 timar')
      await expectAccessible(page, `certificate preview ${lang}`)
      await screens(`certificate-preview-${lang}`)
      await screen.preview.getByTestId('certificate-preview-close').click()
      await expect(screen.preview).toBeHidden()

      const downloading = page.waitForEvent('download')
      await screen.press('norsk', 'download')
      const file = await downloading
      expect(file.suggestedFilename()).toMatch(new RegExp(`^deltakarbevis-norsk-.*-${lang}\\.pdf$`))
      const path = join(SCREENS, `certificate-e2e-${lang}.pdf`)
      await file.saveAs(path)
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      expect(text).toContain(name)
      expect(text).toContain(lang === 'nb' ? 'Timer norsk gjennomført 30 timer' : 'Timar norsk gjennomført 30 timar')
      expect(text).toContain(lang === 'nb' ? 'Timer samfunnskunnskap gjennomført 7,5 timer' : 'Timar samfunnskunnskap gjennomført 7,5 timar')
      await expect(page.getByTestId('certificates-notice')).toContainText(file.suggestedFilename())
      await expectAccessible(page, `certificates card after download ${lang}`)
    }
  })
})
