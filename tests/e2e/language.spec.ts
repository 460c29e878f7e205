import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { richestPerson } from './support/choose'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

const { nb, nn } = messages

test('the nb/nn switch changes every text at once and is kept after a reload', async ({ page, stack, screens }) => {
  const shell = new AppShellPage(page)
  await new LoginPage(page).ensureLoggedIn('intro', DEMO_PASSWORD)
  await expect(shell.menuItem('persons')).toHaveText(nb.nav.persons)

  await shell.switchLanguage('nn')
  await expect(shell.menuItem('persons')).toHaveText(nn.nav.persons)
  await expect(shell.menuItem('municipalities')).toHaveText(nn.nav.municipalities)
  await expect(shell.menuItem('reports')).toHaveText(nn.nav.reports)
  await screens('workspace-nn')

  const p = richestPerson(await stack.scope('intro'), '4601')
  await page.goto(`/#/person/${p.id}/detaljar`)
  await expect(page.getByTestId('menu-detaljar')).toContainText(nn.person.menu.details)
  await expect(page.getByTestId('section-permits').getByTestId('history-toggle').or(page.getByText(nn.details.none)).first()).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('menu-detaljar')).toContainText(nn.person.menu.details)
  await screens('person-details-nn')

  await shell.switchLanguage('nb')
  await expect(page.getByTestId('menu-detaljar')).toContainText(nb.person.menu.details)
})
