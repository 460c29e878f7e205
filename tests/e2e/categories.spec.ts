import { LoginPage } from './pages/LoginPage'
import { PersonPage } from './pages/PersonPage'
import type { Person } from '../../src/shared/domain'
import { personWith } from './support/choose'
import type { ScopeData } from './support/register-data'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'

const USER = 'intro'
const MUNICIPALITY = '4601'
/** Permit grounds that give a category in both schemes (rules.md R3.1). */
const REFUGEE_GROUNDS = new Set(['UTL28', 'UTL35_3', 'UTL38_ASYL', 'UTL34'])
/** Persons whose first permit is from 2021 fall under the later act: not computed (rules.md, Decision). */
const OLD_ACT_UNTIL = '2021-01-01'

/** A refugee from the demo data whose first permit falls under the 2003 act the rules implement. */
function oldActRefugee(scope: ScopeData): Person {
  return personWith(scope, MUNICIPALITY, (p) => {
    const permits = scope.permits.get(p.id) ?? []
    return !p.closed && permits.some((x) => REFUGEE_GROUNDS.has(x.groundCode)) && permits.some((x) => x.grantedDate < OLD_ACT_UNTIL)
  })
}

test.describe('computed categories, status and deadlines on the person screens (D4, rules.md R3–R6)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  })

  test('Grunndata lists the categories with their state, and "i" opens the calculation log', async ({ page, stack, screens }) => {
    const scope = await stack.scope(USER)
    const refugee = oldActRefugee(scope)
    const person = new PersonPage(page)
    await page.goto(`/#/person/${refugee.id}/grunndata`)
    await expect(page.getByTestId('overview-categories')).toBeVisible()
    await expect(person.categoryRows.first()).toBeVisible()
    const states = await person.categoryRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))
    expect(states.every((s) => ['current', 'ikkje_gjeldande', 'gjennomfort', 'friteken', 'ved_behov'].includes(String(s)))).toBe(true)
    await screens('person-overview-categories')

    const log = await person.openCategoryLog(0)
    const steps = log.getByTestId('calculation-log-step')
    expect(await steps.count()).toBeGreaterThan(1)
    // Each step names the rule it applies, so the caseworker can look it up and redo it.
    await expect(steps.first()).toContainText(/R\d+\.\d+/)
    await expect(log).toContainText(/\d{2}\.\d{2}\.\d{4}/)
    await screens('person-calculation-log')
    await log.getByRole('button', { name: /lukk/i }).click()
    await expect(log).toBeHidden()
  })

  test('Grunndata detaljar shows Ordning, Status and Frist per scheme with explanations', async ({ page, stack, screens }) => {
    const scope = await stack.scope(USER)
    const refugee = oldActRefugee(scope)
    const person = new PersonPage(page)
    await page.goto(`/#/person/${refugee.id}/grunndata`)
    await person.openTab('detaljar')
    const schemes = page.getByTestId('scheme-row')
    await expect(schemes).toHaveCount(3)
    const intro = page.locator('[data-testid="scheme-row"][data-scheme="intro"]')
    await expect(intro.getByTestId('scheme-status')).not.toBeEmpty()
    // The status's "i" explains how the status was reached, rule by rule.
    await intro.getByRole('button').first().click()
    const log = page.getByTestId('calculation-log')
    await expect(log).toBeVisible()
    await expect(log.getByTestId('calculation-log-step').first()).toContainText(/R\d+(\.\d+)?/)
    await screens('person-details-schemes')
  })
})
