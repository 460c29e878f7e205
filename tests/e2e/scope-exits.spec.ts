import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { inMunicipality } from './support/choose'
import { importOnRegister } from './support/register-import'
import { syncNow } from './support/sync-now'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

const USER = 'intro'

test('A4 a sync that would remove many persons stops, says why, and goes on when the caseworker confirms', async ({ page, stack, screens }) => {
  await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  const shell = new AppShellPage(page)
  await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  const bergen = inMunicipality(await stack.scope(USER), '4601')
  const movers = bergen.slice(0, Math.ceil(bergen.length * 0.4))
  try {
    await importOnRegister(
      stack.registerUrl,
      movers.map((p) => ({ ...p, followUpMunicipality: '0301', followUpDistrict: null, followUpByAgreement: false })),
    )
    await shell.syncChip.click()
    const banner = page.getByTestId('scope-exits')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(`${movers.length} av`)
    await screens('sync-scope-exits-stopped')

    await page.getByTestId('confirm-scope-exits').click()
    await expect(banner).toBeHidden()
    await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  } finally {
    // Put the register back as the other specs expect it: the persons move home again.
    await importOnRegister(stack.registerUrl, movers)
    await shell.syncChip.click()
    // Every mover back on the device before the next spec (the chip may still show the last state).
    await syncNow(page.request)
  }
})
