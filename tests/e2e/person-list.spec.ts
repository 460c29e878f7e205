import { messages } from '../../src/shared/i18n'
import { LoginPage } from './pages/LoginPage'
import { PersonPage } from './pages/PersonPage'
import { WorkspacePage } from './pages/WorkspacePage'
import { displayName, inMunicipality } from './support/choose'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { nbDate } from './support/register-data'

const nb = messages.nb
const USER = 'intro'
const MUNICIPALITY = '4601'

test.describe('personliste on Arbeidsflate (D5 «Lag di eiga personliste»)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  })

  test('«Legg til i personliste» pins a person; the workspace lists them with a DUF preview and removes them', async ({ page, stack, screens }) => {
    const scope = await stack.scope(USER)
    const [p] = inMunicipality(scope, MUNICIPALITY).slice(2, 3)
    const workspace = new WorkspacePage(page)
    const person = new PersonPage(page)

    await workspace.open()
    await expect(workspace.row(p!.duf)).toHaveCount(0)
    if ((await workspace.rows.count()) === 0) await screens('workspace-empty')

    await page.goto(`/#/person/${p!.id}/grunndata`)
    await expect(person.listToggle).toHaveText(nb.person.addToList)
    await person.listToggle.click()
    await expect(person.listToggle).toHaveText(nb.person.removeFromList)

    await workspace.open()
    await expect(workspace.row(p!.duf)).toHaveCount(1)
    const preview = await workspace.preview(p!.duf)
    await expect(preview).toContainText(displayName(p!))
    await expect(preview).toContainText(nbDate(p!.birthDate))
    await screens('workspace-person-list-preview')

    await workspace.remove(p!.duf)
    await page.reload()
    await expect(workspace.row(p!.duf)).toHaveCount(0)
  })

  test('«Fjern frå personliste» on the person removes them from the workspace; the list survives a new login', async ({ page, stack }) => {
    const scope = await stack.scope(USER)
    const [p] = inMunicipality(scope, MUNICIPALITY).slice(3, 4)
    const workspace = new WorkspacePage(page)
    const person = new PersonPage(page)
    const login = new LoginPage(page)

    await page.goto(`/#/person/${p!.id}/grunndata`)
    await person.listToggle.click()
    await expect(person.listToggle).toHaveText(nb.person.removeFromList)

    await login.resetSession()
    await login.ensureLoggedIn(USER, DEMO_PASSWORD)
    await workspace.open()
    await expect(workspace.row(p!.duf)).toHaveCount(1)

    await workspace.row(p!.duf).getByRole('link', { name: p!.duf }).click()
    await person.expectPerson(displayName(p!))
    await person.listToggle.click()
    await expect(person.listToggle).toHaveText(nb.person.addToList)
    await workspace.open()
    await expect(workspace.row(p!.duf)).toHaveCount(0)
  })
})
