import type { Page } from '@playwright/test'
import type { PersonView } from '../../src/shared/api'
import type { DecisionType } from '../../src/shared/domain'
import { messages } from '../../src/shared/i18n'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { decisionFieldStates, offeredDecisionTypesOf, snapshotFromBase } from '../../src/shared/rules'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { NorskPage } from './pages/NorskPage'
import { expectAccessible } from './support/accessibility'
import { inMunicipality } from './support/choose'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages
const MUNICIPALITY = '4601'
const CATEGORY_TYPES: readonly DecisionType[] = ['NORSK_RETT_OG_PLIKT', 'NORSK_RETT', 'NORSK_PLIKT']

interface Candidate {
  id: string
  offered: DecisionType[]
  decisions: number
}

/** The device's view of a person, read through the contract as the screen reads it. */
async function personView(page: Page, personId: string): Promise<PersonView> {
  const body = (await (await hostPost(page.request, 'persons.get', { personId })).json()) as { ok: boolean; value: PersonView }
  expect(body.ok).toBe(true)
  return body.value
}

const used = new Set<string>()
let candidates: Promise<Candidate[]> | null = null

/**
 * Demo persons of Bergen (not closed) to whom the rules offer a Norwegian category decision
 * (R4: status `kategori berekna` with an open right or duty) — read from the device's own
 * evaluation, never hard-coded. Only persons under the 2003 act (a permit granted before 2021
 * and, per the device's R12.0 choice, `INTRO_2003`) are taken, ten read at a time, and the
 * search stops at six.
 */
function findCandidates(page: Page, stack: Stack, user: string): Promise<Candidate[]> {
  return (candidates ??= (async () => {
    const scope = await stack.scope(user)
    const oldAct = inMunicipality(scope, MUNICIPALITY).filter((p) => !p.closed && (scope.permits.get(p.id) ?? []).some((x) => x.grantedDate < '2021-01-01'))
    const found: Candidate[] = []
    for (let i = 0; i < oldAct.length && found.length < 6; i += 10) {
      const views = await Promise.all(oldAct.slice(i, i + 10).map((p) => personView(page, p.id)))
      for (const view of views) {
        const offered = offeredDecisionTypesOf(snapshotFromBase(view.bundle, initialCodeLists), 'norsk', view.evaluation)
        // R12.0: only 2003-act persons get the category's hours filled in (no automatic hours under 2021, R12.0.5)
        if (view.evaluation.regime.introNorsk.regime === 'INTRO_2003' && CATEGORY_TYPES.includes(offered[0]!))
          found.push({ id: view.bundle.person.id, offered, decisions: view.bundle.decisions.length })
      }
    }
    return found
  })())
}

/** A candidate no earlier test of this run has registered on. */
async function personWithNorskRight(page: Page, stack: Stack, user: string): Promise<Candidate> {
  const next = (await findCandidates(page, stack, user)).find((c) => !used.has(c.id))
  if (!next) throw new Error('no person in the demo data is offered a Norwegian category decision')
  used.add(next.id)
  return next
}

/** Today in Europe/Oslo as the app computes it, `YYYY-MM-DD`, shifted by `days`. */
function osloDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' })
}

test.describe('screen Norsk: contact, claim and decisions (D6, R4, R8, R9)', () => {
  // The first login syncs a replica and the person search reads many persons: slow on a shared machine.
  test.describe.configure({ timeout: 300_000 })
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
  })

  test('registers a contact, a claim and a decision; a refused decision says why beside each field and saves nothing; the template opens', async ({ page, stack, screens }) => {
    const person = await personWithNorskRight(page, stack, 'norsk')
    const norsk = new NorskPage(page)
    await norsk.open(person.id)
    await expect(page.getByTestId('menu-norsk')).toHaveAttribute('aria-current', 'page')
    await expect(norsk.status).toContainText(nb.explanations.statuses.kategori_berekna)
    await expectAccessible(page, 'norsk screen')
    await screens('norsk-screen-empty')

    // Kontakt med person (D6.1).
    await norsk.registerContact.click()
    await expect(norsk.contactDialog).toBeVisible()
    await expectAccessible(page, 'contact dialog')
    await norsk.field(norsk.contactDialog, 'contact-date').fill(osloDay(-3))
    await norsk.save(norsk.contactDialog)
    await expect(norsk.contactDialog).toBeHidden()
    await expect(norsk.contactRows).toHaveCount(1)
    await expect(norsk.contactRows.first()).toContainText(nb.norskUi.contacts.contact)
    await expect(norsk.contactRows.first().getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')

    // Krav/søknad (D6.2): listed in the same table, newest first.
    await norsk.registerClaim.click()
    await expect(norsk.claimDialog).toBeVisible()
    await expectAccessible(page, 'claim dialog')
    await norsk.claimDialog.getByRole('radio', { name: nb.norskUi.claimKinds.UTSETT_OPPSTART }).check()
    await norsk.save(norsk.claimDialog)
    await expect(norsk.claimDialog).toBeHidden()
    await expect(norsk.contactRows).toHaveCount(2)
    await expect(norsk.contactRows.first()).toContainText(nb.norskUi.claimKinds.UTSETT_OPPSTART)

    // A refused decision (R0: every error at once, each beside its field; R8.3: no future
    // decision date): nothing is saved.
    await norsk.registerDecision.click()
    await expect(norsk.decisionDialog).toBeVisible()
    const type = person.offered[0]!
    expect(decisionFieldStates(type, 'innvilga').startDate).toBe('required')
    // R3.4: the category decision's hours are filled in and not typed.
    await expect(norsk.field(norsk.decisionDialog, 'decision-hours')).not.toHaveValue('')
    await expect(norsk.field(norsk.decisionDialog, 'decision-hours')).toHaveAttribute('readonly', '')
    await norsk.field(norsk.decisionDialog, 'decision-decisionDate').fill(osloDay(10))
    await norsk.save(norsk.decisionDialog)
    await expect(norsk.messages(norsk.decisionDialog, 'decision-decisionDate')).toContainText('fram i tid')
    await expect(norsk.messages(norsk.decisionDialog, 'decision-startDate')).toContainText(nb.reasons.REQUIRED)
    await expect(norsk.decisionDialog).toBeVisible()
    await expectAccessible(page, 'decision dialog with errors')
    await screens('norsk-decision-refused')
    await norsk.decisionDialog.getByRole('button', { name: nb.norskUi.cancel }).click()
    await expect(norsk.decisionDialog).toBeHidden()
    await expect(norsk.decisionRows).toHaveCount(0)
    expect((await personView(page, person.id)).bundle.decisions.length).toBe(person.decisions)

    // The same decision, correct: listed under the active decisions with its badge.
    await norsk.registerDecision.click()
    await norsk.field(norsk.decisionDialog, 'decision-startDate').fill(osloDay(7))
    await screens('norsk-decision-dialog')
    await norsk.save(norsk.decisionDialog)
    await expect(norsk.decisionDialog).toBeHidden()
    await expect(norsk.decisionRows).toHaveCount(1)
    await expect(norsk.decisionRows.first()).toHaveAttribute('data-type', type)
    await expect(norsk.decisionRows.first().getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')
    await expect(norsk.status).toContainText(nb.explanations.statuses.vedtak_fatta)
    await norsk.showAll.click()
    await expect(norsk.showAll).toHaveAttribute('aria-pressed', 'true')
    await expect(norsk.decisionRows).toHaveCount(1)
    await screens('norsk-screen-registered')

    // Vedtaksmal: the person's data filled in; Skriv ut prints (window.print is called).
    await page.evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => void ((window as unknown as { printed: number }).printed += 1)
    })
    await norsk.decisionRows.first().getByTestId('decision-template-button').click()
    await expect(norsk.letter).toBeVisible()
    const view = await personView(page, person.id)
    await expect(norsk.letter).toContainText(view.bundle.person.duf)
    await expect(norsk.letter).toContainText(view.bundle.person.lastName)
    await expect(norsk.letter).toContainText(view.municipalityName)
    await expectAccessible(page, 'decision template')
    await screens('norsk-decision-template')
    await norsk.letter.getByTestId('decision-letter-print').click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    await norsk.letter.getByTestId('decision-letter-close').click()
    await expect(norsk.letter).toBeHidden()
  })

  test('nynorsk: the screen, every dialog and the template in nn, accessible', async ({ page, stack, screens }) => {
    const person = await personWithNorskRight(page, stack, 'norsk')
    const shell = new AppShellPage(page)
    const norsk = new NorskPage(page)
    await norsk.open(person.id)
    await shell.switchLanguage('nn')
    await expect(norsk.screen.getByRole('heading', { name: nn.norskUi.decisions.heading })).toBeVisible()
    await expectAccessible(page, 'norsk screen nn')
    for (const [button, dialog, title] of [
      [norsk.registerContact, norsk.contactDialog, nn.norskUi.contactDialog.title],
      [norsk.registerClaim, norsk.claimDialog, nn.norskUi.claimDialog.title],
      [norsk.registerDecision, norsk.decisionDialog, nn.norskUi.decisionDialog.title],
    ] as const) {
      await button.click()
      await expect(dialog.getByRole('heading', { name: title })).toBeVisible()
      await expectAccessible(page, `${title} nn`)
      await dialog.getByRole('button', { name: nn.norskUi.cancel }).click()
      await expect(dialog).toBeHidden()
    }
    await norsk.registerClaim.click()
    await norsk.save(norsk.claimDialog)
    await expect(norsk.contactRows).toHaveCount(1)
    await expect(norsk.contactRows.first()).toContainText(nn.norskUi.contacts.claim)
    await norsk.registerDecision.click()
    await expect(norsk.decisionDialog.getByText(nn.norskUi.decisionDialog.hoursAuto)).toBeVisible()
    await screens('norsk-decision-dialog-nn')
    await norsk.field(norsk.decisionDialog, 'decision-startDate').fill(osloDay(1))
    await norsk.save(norsk.decisionDialog)
    await expect(norsk.decisionRows).toHaveCount(1)
    await norsk.decisionRows.first().getByTestId('decision-template-button').click()
    await expect(norsk.letter).toContainText(nn.norskUi.letter.regards)
    await expectAccessible(page, 'template nn')
    await screens('norsk-decision-template-nn')
    await norsk.letter.getByTestId('decision-letter-close').click()
  })

  test('keyboard only: contact, claim and decision registered without the mouse', async ({ page, stack }) => {
    const person = await personWithNorskRight(page, stack, 'norsk')
    const norsk = new NorskPage(page)
    await norsk.open(person.id)

    /** Tabs forward until the element with `testid` has focus. */
    async function tabTo(testid: string): Promise<void> {
      for (let i = 0; i < 80; i++) {
        if (await page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null, testid)) return
        await page.keyboard.press('Tab')
      }
      throw new Error(`Tab never reached ${testid}`)
    }

    await tabTo('register-contact')
    await page.keyboard.press('Enter')
    await expect(norsk.contactDialog).toBeVisible()
    // The date field has focus with today filled in; Enter saves.
    await expect(norsk.field(norsk.contactDialog, 'contact-date')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(norsk.contactDialog).toBeHidden()
    await expect(norsk.contactRows).toHaveCount(1)

    await tabTo('register-claim')
    await page.keyboard.press('Enter')
    await expect(norsk.claimDialog).toBeVisible()
    await expect(norsk.field(norsk.claimDialog, 'claim-date')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(norsk.claimDialog).toBeHidden()
    await expect(norsk.contactRows).toHaveCount(2)

    await tabTo('register-decision')
    await page.keyboard.press('Enter')
    await expect(norsk.decisionDialog).toBeVisible()
    await tabTo('decision-startDate')
    // The digits fill the date field's parts in the browser's order (dd.mm.åååå in nb-NO,
    // mm/dd/yyyy in an English Chromium): a day equal to its month reads the same in both.
    const year = osloDay().slice(0, 4)
    await page.keyboard.type(`1212${year}`)
    await expect(norsk.field(norsk.decisionDialog, 'decision-startDate')).toHaveValue(`${year}-12-12`)
    await page.keyboard.press('Enter')
    await expect(norsk.decisionDialog).toBeHidden()
    await expect(norsk.decisionRows).toHaveCount(1)

    await tabTo('decision-template-button')
    await page.keyboard.press('Enter')
    await expect(norsk.letter).toBeVisible()
    await closeWithEscape(page, norsk.letter)
  })

  test('R9: a reading user sees the screen with every registration button disabled and the reason said once', async ({ page, stack, screens }) => {
    await new LoginPage(page).ensureLoggedIn('les', DEMO_PASSWORD)
    const scope = await stack.scope('les')
    const p = inMunicipality(scope, MUNICIPALITY).find((x) => !x.closed)!
    const norsk = new NorskPage(page)
    await norsk.open(p.id)
    await expect(norsk.readOnly).toHaveText(nb.norskUi.readOnly.role)
    await expect(norsk.registerContact).toBeDisabled()
    await expect(norsk.registerClaim).toBeDisabled()
    await expect(norsk.registerDecision).toBeDisabled()
    await expectAccessible(page, 'norsk screen read-only')
    await screens('norsk-screen-les')
  })
})
