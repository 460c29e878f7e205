import type { Person } from '../../src/shared/domain'
import { messages } from '../../src/shared/i18n'
import { LoginPage } from './pages/LoginPage'
import { SearchPage } from './pages/SearchPage'
import { commonPrefix, nameParts, personWith, richestPerson } from './support/choose'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import type { ExtraPersons } from './support/extra-persons'
import { nbDate, type ScopeData } from './support/register-data'

const nb = messages.nb
const USER = 'intro'
const MUNICIPALITY = '4601'
const kindLine = (kind: keyof typeof nb.search.kinds, value: string) => nb.search.interpretedAs.replace('{kind}', nb.search.kinds[kind]).replace('{value}', value)

test.describe('Personar: one search field, classified by shape (D5, R2.4)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  })

  type Pick = (scope: ScopeData, extra: ExtraPersons) => Person
  const any: Pick = (scope) => richestPerson(scope, MUNICIPALITY)
  const cases: { name: string; kind: keyof typeof nb.search.kinds; pick: Pick; query: (p: Person) => string; shown: (p: Person) => string }[] = [
    { name: 'DUF number (12 digits)', kind: 'duf', pick: any, query: (p) => p.duf, shown: (p) => p.duf },
    {
      name: 'national id (11 digits, spaces ignored)',
      kind: 'nationalId',
      pick: (scope) => personWith(scope, MUNICIPALITY, (p) => p.nationalId !== null),
      query: (p) => `${p.nationalId!.slice(0, 6)} ${p.nationalId!.slice(6)}`,
      shown: (p) => p.nationalId!,
    },
    { name: 'reg-nummer (6 digits)', kind: 'regNumber', pick: (_, extra) => extra.withRegNumber, query: (p) => p.regNumber!, shown: (p) => p.regNumber! },
    { name: 'birth date (dd.mm.åååå)', kind: 'birthDate', pick: any, query: (p) => nbDate(p.birthDate), shown: (p) => nbDate(p.birthDate) },
    {
      name: '«etternavn, fornavn»',
      kind: 'name',
      pick: any,
      query: (p) => `${p.lastName}, ${p.firstName}`,
      shown: (p) => `${p.lastName}, ${p.firstName}`,
    },
  ]

  for (const c of cases) {
    test(`R2.4 a search by ${c.name} is shown as such and finds the person`, async ({ page, stack, screens }) => {
      const person = c.pick(await stack.scope(USER), stack.extra)
      const search = new SearchPage(page)
      await search.open()
      await search.searchForList(c.query(person))
      await expect(search.kind).toContainText(kindLine(c.kind, c.shown(person)))
      await expect(search.hit(person.duf)).toHaveCount(1)
      if (c.kind === 'birthDate') for (const row of await search.hits.all()) await expect(row).toContainText(nbDate(person.birthDate))
      await screens(`search-${c.kind}`)
    })
  }

  test('R2.4 part of a name lists every person with a name part starting with it', async ({ page, stack, screens }) => {
    const scope = await stack.scope(USER)
    const { prefix, persons } = commonPrefix(scope, MUNICIPALITY)
    expect(persons.length).toBeGreaterThan(1)
    const search = new SearchPage(page)
    await search.open()
    await search.search(prefix.toUpperCase())
    await expect(search.kind).toContainText(kindLine('name', prefix.toUpperCase()))
    await expect(search.hits).toHaveCount(Math.min(persons.length, 100))
    // The count stands above the list, and says so when the list is cut short.
    await expect(page.getByTestId('search-count')).toHaveText(
      persons.length > 100 ? nb.search.hitsMore.replace('{n}', '100') : nb.search.hits.split(' | ')[2]!.replace('{n}', String(persons.length)),
    )
    for (const p of persons.slice(0, 5)) await expect(search.hit(p.duf)).toHaveCount(1)
    expect(persons.every((p) => nameParts(p).some((n) => n.startsWith(prefix)))).toBe(true)
    await screens('search-partial-name')
  })

  test('R2.2 a DUF number with a wrong check digit gives a visible warning but still searches', async ({ page, stack, screens }) => {
    const flagged = stack.extra.dufCheckFailed
    const search = new SearchPage(page)
    await search.open()
    await search.search(flagged.duf)
    await expect(search.kind).toContainText(kindLine('duf', flagged.duf))
    await expect(search.warnings).toContainText(nb.reasons.DUF_CHECK_FAILED)
    await expect(search.warnings.first()).toHaveClass(/warning/)
    await expect(search.hit(flagged.duf)).toHaveCount(1)
    await screens('search-duf-warning')
    await search.hit(flagged.duf).getByRole('link').click()
    await expect(page.getByTestId('duf-check-flag')).toHaveText(nb.person.dufCheckFailed)
  })

  test('D5 only a DUF search finds a person of another municipality; it is cached read-only', async ({ page, stack, screens }) => {
    const other = stack.extra.outsideScope
    const search = new SearchPage(page)
    await search.open()
    await search.search(other.lastName)
    await expect(search.noHits).toBeVisible()
    await search.searchForList(other.duf)
    await expect(search.hit(other.duf)).toHaveCount(1)
    await expect(search.hit(other.duf).getByTestId('read-only-badge')).toHaveText(nb.search.readOnly)
    await screens('search-duf-other-municipality')
    await search.hit(other.duf).getByRole('link').click()
    await expect(page.getByTestId('person-read-only')).toHaveText(nb.person.readOnly)
  })

  test('a search with exactly one hit opens the person; Back shows the result, not the person again', async ({ page, stack }) => {
    const person = richestPerson(await stack.scope(USER), MUNICIPALITY)
    const search = new SearchPage(page)
    await search.open()
    expect((await search.search(person.duf)).opensPerson).toBe(true)
    await expect(page).toHaveURL(new RegExp(`#/person/${person.id}/grunndata$`))
    await expect(page.getByTestId('banner-duf')).toHaveText(person.duf)
    await page.goBack()
    await expect(search.hit(person.duf)).toHaveCount(1)
    await expect(page).toHaveURL(/#\/personar\?q=/)
  })

  for (const [typed, how] of [
    [
      'd.m.åååå',
      (iso: string) =>
        iso
          .split('-')
          .reverse()
          .map((x) => String(Number(x)))
          .join('.'),
    ],
    ['åååå-mm-dd', (iso: string) => iso],
  ] as const) {
    test(`R2.4 a birth date typed as ${typed} is read as a birth date`, async ({ page, stack }) => {
      const person = richestPerson(await stack.scope(USER), MUNICIPALITY)
      const search = new SearchPage(page)
      await search.open()
      await search.searchForList(how(person.birthDate))
      await expect(search.kind).toContainText(kindLine('birthDate', nbDate(person.birthDate)))
      await expect(search.hit(person.duf)).toHaveCount(1)
    })
  }

  test('R11.4 a birth date that does not exist is refused beside the search field', async ({ page, screens }) => {
    const search = new SearchPage(page)
    await search.open()
    await search.search('31.02.1990')
    await expect(search.fieldMessages).toContainText(nb.reasons.SEARCH_DATE_INVALID)
    await expect(search.kind).toHaveCount(0)
    await screens('search-date-error')
  })

  test('a row click opens the person on Grunndata', async ({ page, stack }) => {
    const person = richestPerson(await stack.scope(USER), MUNICIPALITY)
    const search = new SearchPage(page)
    await search.open()
    await search.searchForList(person.duf)
    await search.hit(person.duf).locator('td').nth(3).click()
    await expect(page).toHaveURL(new RegExp(`#/person/${person.id}/grunndata$`))
    await expect(page.getByTestId('overview')).toBeVisible()
  })
})
