// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, personTabRoutes, personTabs, to } from './index'

/** The real router on memory history: the same route table the app runs. */
const router = createAppRouter(createMemoryHistory())

describe('D5 screens keep the URLs they had before vue-router (bookmarks, e2e links)', () => {
  test.each([
    ['/', 'workspace', {}, {}],
    ['/arbeidsflate', 'workspace', {}, {}],
    ['/personar?q=Hansen%2C%20Kari', 'search', {}, { q: 'Hansen, Kari' }],
    ['/kommunar', 'municipalities', {}, {}],
    ['/rapportar', 'reports', {}, {}],
    ['/synkproblem', 'syncProblems', {}, {}],
    ['/person/p1', 'person-grunndata', { personId: 'p1' }, {}],
    ['/person/p1/grunndata', 'person-grunndata', { personId: 'p1' }, {}],
    ['/person/p1/detaljar', 'person-detaljar', { personId: 'p1' }, {}],
    ['/person/p1/tilskot', 'person-tilskot', { personId: 'p1' }, {}],
    ['/person/p1/norsk', 'person-norsk', { personId: 'p1' }, {}],
    ['/person/p1/deltaking-norsk', 'person-deltaking-norsk', { personId: 'p1' }, {}],
    ['/person/p1/kartlegging', 'person-kartlegging', { personId: 'p1' }, {}],
    ['/person/p1/asylnorsk', 'person-asylnorsk', { personId: 'p1' }, {}],
    ['/person/p1/ukjend', 'notFound', {}, {}],
    ['/ukjend', 'notFound', {}, {}],
    ['/main-content', 'notFound', {}, {}],
  ])('%s opens %s', async (url, name, params, query) => {
    await router.push(url)
    const r = router.currentRoute.value
    expect(r.name).toBe(name)
    if (name !== 'notFound') expect(r.params).toEqual(params)
    expect(r.query).toEqual(query)
  })

  test.each([
    [to.workspace(), '/arbeidsflate'],
    [to.search(), '/personar'],
    [to.search('Hansen, Kari'), '/personar?q=Hansen,+Kari'],
    [to.municipalities(), '/kommunar'],
    [to.reports(), '/rapportar'],
    [to.person('p1'), '/person/p1/grunndata'],
    [to.person('p 1', 'tilskot'), '/person/p%201/tilskot'],
  ])('a link to %j is %s', (dest, path) => {
    expect(router.resolve(dest).fullPath).toBe(path)
  })

  test('the app routes in the hash, so the same URLs work under file:// and the browser host', () => {
    expect(createAppRouter().resolve(to.person('p1', 'detaljar')).href).toBe('#/person/p1/detaljar')
  })
})

describe('person screens are one route entry each', () => {
  test('every tab of the route table is a person tab and the other way round', () => {
    expect(personTabRoutes.map((r) => r.path)).toEqual([...personTabs])
  })

  test('each person screen carries its left-menu label and the global menu item Personar', () => {
    for (const r of personTabRoutes) {
      expect(r.meta?.personMenu?.label).toMatch(/^person\.menu\./)
      expect(r.meta?.menu).toBe('persons')
    }
  })
})
