import { messages } from '../../src/shared/i18n'
import { LoginPage } from './pages/LoginPage'
import { PersonPage } from './pages/PersonPage'
import { SearchPage } from './pages/SearchPage'
import { displayName, inMunicipality, richestPerson } from './support/choose'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { nbDate } from './support/register-data'

const nb = messages.nb
const USER = 'intro'
const MUNICIPALITY = '4601'

test.describe('person screens: Grunndata, Grunndata detaljar, Tilskot (D3, D5)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  })

  test('Grunndata shows identity, current permit, address and follow-up under a collapsible banner', async ({ page, stack, screens }) => {
    const scope = await stack.scope(USER)
    const p = richestPerson(scope, MUNICIPALITY)
    const person = new PersonPage(page)
    await page.goto(`/#/person/${p.id}/grunndata`)
    await person.expectPerson(displayName(p))
    await expect(person.banner).toContainText(p.duf)
    await expect(person.banner).toContainText(nbDate(p.birthDate))
    await expect(page.getByTestId('overview-duf')).toHaveText(p.duf)
    await expect(page.getByTestId('overview-national-id')).toHaveText(p.nationalId ?? '–')
    const permits = scope.permits.get(p.id) ?? []
    if (permits.length) await expect(page.getByTestId('overview-permit')).toContainText(/\d{2}\.\d{2}\.\d{4}/)
    await expect(page.getByTestId('overview-follow-up')).toContainText(MUNICIPALITY)
    await screens('person-overview')

    await person.bannerToggle.click()
    await expect(person.bannerToggle).toHaveAttribute('aria-expanded', 'false')
    await expect(person.banner.getByTestId('banner-duf')).toBeHidden()
    await expect(person.bannerName).toBeVisible()
    await screens('person-overview-banner-collapsed')
    await person.bannerToggle.click()
    await expect(person.banner.getByTestId('banner-duf')).toBeVisible()
  })

  test('Grunndata detaljar: every «Vis alle endringar» reveals the whole history, newest first', async ({ page, stack, screens }) => {
    const scope = await stack.scope(USER)
    const p = richestPerson(scope, MUNICIPALITY)
    const person = new PersonPage(page)
    await page.goto(`/#/person/${p.id}/grunndata`)
    await person.openTab('detaljar')
    await expect(person.details).toBeVisible()
    const histories = [
      ['permits', scope.permits.get(p.id) ?? []],
      ['addresses', scope.addresses.get(p.id) ?? []],
      ['citizenships', scope.citizenships.get(p.id) ?? []],
    ] as const
    for (const [name, rows] of histories) {
      if (rows.length === 0) {
        await expect(person.section(name).getByTestId('history-toggle')).toHaveCount(0)
        continue
      }
      const table = await person.openHistory(name)
      await expect(table.locator('tbody tr')).toHaveCount(rows.length)
      const newest = [...rows].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]!
      await expect(table.locator('tbody tr').first()).toContainText(nbDate(newest.validFrom))
    }
    await expect(person.section('follow-up')).toBeVisible()
    await expect(person.section('settlement')).toBeVisible()
    await expect(person.section('tests')).toBeVisible()
    await screens('person-details-all-history')
  })

  test('Tilskot lists the grants; the NIR schemes are links in the menu, none shown as coming later', async ({ page, stack, screens }) => {
    const p = richestPerson(await stack.scope(USER), MUNICIPALITY)
    const person = new PersonPage(page)
    await page.goto(`/#/person/${p.id}/grunndata`)
    await person.openTab('tilskot')
    await expect(person.grants).toContainText(nb.grants.heading)
    // Every NIR screen exists: Norsk, Intro and Kartlegging are links; nothing says "later".
    for (const tab of ['norsk', 'intro', 'kartlegging']) await expect(page.getByTestId(`menu-${tab}`)).toHaveAttribute('href', new RegExp(`/person/${p.id}/${tab}$`))
    await expect(page.getByTestId('menu-later-note')).toHaveCount(0)
    await screens('person-grants')
  })

  test('the search at the bottom of the left menu opens the same screen for another person', async ({ page, stack }) => {
    const scope = await stack.scope(USER)
    const [a, b] = inMunicipality(scope, MUNICIPALITY)
    const person = new PersonPage(page)
    await page.goto(`/#/person/${a!.id}/detaljar`)
    await person.expectPerson(displayName(a!))
    await person.searchOther(b!.duf)
    await expect(page).toHaveURL(new RegExp(`#/person/${b!.id}/detaljar$`))
    await person.expectPerson(displayName(b!))
  })

  test('opening a person from the search keeps the way back to the result', async ({ page, stack }) => {
    const p = richestPerson(await stack.scope(USER), MUNICIPALITY)
    const search = new SearchPage(page)
    await search.open()
    await search.searchForList(p.lastName)
    await search.hit(p.duf).getByRole('link').click()
    await new PersonPage(page).expectPerson(displayName(p))
    await page.goBack()
    await expect(search.hit(p.duf)).toHaveCount(1)
  })
})
