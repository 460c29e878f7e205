import { messages } from '../../src/shared/i18n'
import { LoginPage } from './pages/LoginPage'
import { SearchPage } from './pages/SearchPage'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

const nb = messages.nb

test('R9 a municipal administrator sees why person search and the person list stay empty', async ({ page, screens }) => {
  await new LoginPage(page).ensureLoggedIn('admin', DEMO_PASSWORD)
  await expect(page.getByTestId('no-person-access')).toHaveText(nb.workspace.noPersonAccess)
  await screens('workspace-no-person-access')

  const search = new SearchPage(page)
  await search.open()
  await search.search('Hansen')
  await expect(search.fieldMessages).toContainText(nb.reasons.NO_PERSON_ACCESS)
  await expect(search.hits).toHaveCount(0)
})
