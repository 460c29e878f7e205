import { randomUUID } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import type { PersonView } from '../../src/shared/api'
import type { DecisionType } from '../../src/shared/domain'
import { messages } from '../../src/shared/i18n'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { offeredDecisionTypesOf, snapshotFromBase } from '../../src/shared/rules'
import { AppShellPage } from './pages/AppShellPage'
import { IntroPage } from './pages/IntroPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { importRowsOnRegister } from './support/register-import'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages
const MUNICIPALITY = '4601'

/** A code's name in the initial code lists, as the screen shows it. */
function codeName(list: string, code: string, lang: 'nb' | 'nn' = 'nb'): string {
  const e = initialCodeLists.find((x) => x.list === list && x.code === code)
  if (!e) throw new Error(`no ${list} ${code}`)
  return lang === 'nb' ? e.nameNb : e.nameNn
}

/** The device's view of a person, read through the contract as the screen reads it. */
async function personView(page: Page, personId: string): Promise<PersonView> {
  const body = (await (await hostPost(page.request, 'persons.get', { personId })).json()) as { ok: boolean; value: PersonView }
  expect(body.ok).toBe(true)
  return body.value
}

/**
 * A newly settled refugee of Bergen (R3.2 `rett og plikt`: UTL28 granted before 2021 — the act
 * the rules implement — age 18–55, settled by agreement a month ago), imported on the
 * register as base data (A6) and pulled by the device: the demo's persons settled long ago,
 * so their newly-arrived window has passed. A new person per test keeps the tests apart.
 */
async function personWithIntroRight(page: Page, stack: Stack): Promise<string> {
  const serial = String(Math.floor(Math.random() * 900_000) + 100_000)
  const id = randomUUID()
  await importRowsOnRegister(stack.registerUrl, [
    {
      type: 'person',
      id,
      duf: dufWithCheck(`2020${serial}`),
      dufCheckFailed: false,
      nationalId: null,
      regNumber: null,
      firstName: 'Amina',
      middleName: null,
      lastName: `Introtest${serial}`,
      birthDate: '1990-04-12',
      sex: 'K',
      closed: false,
      arrivalDate: '2020-10-01',
      followUpMunicipality: MUNICIPALITY,
      followUpDistrict: null,
      followUpByAgreement: true,
      receptionCentre: null,
    },
    {
      type: 'permit',
      id: randomUUID(),
      personId: id,
      groundCode: 'UTL28',
      permitType: 'Midlertidig oppholdstillatelse',
      legalBasis: 'utlendingsloven § 28 første ledd a',
      validFrom: '2020-12-01',
      validTo: null,
      grantedDate: '2020-12-01',
    },
    { type: 'settlement', id: randomUUID(), personId: id, date: osloDay(-30), municipality: MUNICIPALITY, byAgreement: true, familyReunification: false },
  ])
  const shell = new AppShellPage(page)
  await page.goto('/#/')
  await shell.syncChip.click()
  await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  await expect.poll(async () => ((await (await hostPost(page.request, 'persons.get', { personId: id })).json()) as { ok: boolean }).ok).toBe(true)
  const view = await personView(page, id)
  expect(offeredDecisionTypesOf(snapshotFromBase(view.bundle, initialCodeLists), 'intro', view.evaluation)).toContain('INTRO_PROGRAM')
  return id
}

/** Today in Europe/Oslo as the app computes it, `YYYY-MM-DD`, shifted by `days`. */
function osloDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' })
}

/** Registers a granted decision of `type` through the dialog; `fill` fills what the type needs. */
async function registerDecision(intro: IntroPage, type: DecisionType, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await intro.registerDecision.click()
  await expect(intro.decisionDialog).toBeVisible()
  await intro.choose(intro.decisionDialog, 'decision-type', codeName('decisionType', type))
  await fill(intro.decisionDialog)
  await intro.save(intro.decisionDialog)
}

test.describe('screen Intro: contact, claim, decisions and the ending (D8.1, R4, R5.6, R5.7)', () => {
  // The first login syncs a replica and the candidate search reads many persons: slow on a shared machine.
  test.describe.configure({ timeout: 300_000 })
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('intro', DEMO_PASSWORD)
  })

  test('contact, claim, programme, a leave, an overlapping leave refused (R5.7), a permanent stop straight into its ending; ARBEID without hours refused beside the field', async ({
    page,
    stack,
    screens,
  }) => {
    const personId = await personWithIntroRight(page, stack)
    const intro = new IntroPage(page)
    await intro.open(personId)
    await expect(page.getByTestId('menu-intro')).toHaveAttribute('aria-current', 'page')
    await expect(intro.status).toContainText(nb.explanations.statuses.kategori_berekna)
    await expectAccessible(page, 'intro screen')
    await screens('intro-screen-empty')

    // The grey box: the status's "i" opens its calculation log.
    await intro.statusBox.getByTestId('intro-status-log-button').click()
    await expect(intro.logDialog).toBeVisible()
    await expectAccessible(page, 'intro status log')
    await intro.logDialog.getByTestId('calculation-log-close').click()
    await expect(intro.logDialog).toBeHidden()

    // Kontakt med person and krav/søknad (D8.1): one table, the claim is an intro programme claim.
    await intro.registerContact.click()
    await expect(intro.contactDialog).toBeVisible()
    await expectAccessible(page, 'intro contact dialog')
    await intro.field(intro.contactDialog, 'contact-date').fill(osloDay(-3))
    await intro.save(intro.contactDialog)
    await expect(intro.contactDialog).toBeHidden()
    await intro.registerClaim.click()
    await expect(intro.claimDialog.getByRole('radio', { name: nb.norskUi.claimKinds.INTROPROGRAM })).toBeChecked()
    await expectAccessible(page, 'intro claim dialog')
    await intro.save(intro.claimDialog)
    await expect(intro.claimDialog).toBeHidden()
    await expect(intro.contactRows).toHaveCount(2)
    await expect(intro.contactRows.first().getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')
    let view = await personView(page, personId)
    expect(view.bundle.contacts.filter((c) => c.scheme === 'intro')).toHaveLength(1)
    expect(view.bundle.claims.filter((c) => c.scheme === 'intro' && c.kind === 'INTROPROGRAM')).toHaveLength(1)

    // A refused programme needs a reason (R4): said beside the free text, nothing saved.
    await registerDecision(intro, 'INTRO_PROGRAM', async (d) => {
      await d.getByRole('radio', { name: nb.norskUi.results.avslag }).check()
    })
    await expect(intro.messages(intro.decisionDialog, 'decision-reasonText')).toContainText(nb.reasons.REFUSAL_REASON_REQUIRED)
    await expectAccessible(page, 'intro decision dialog refused')
    await intro.decisionDialog.getByRole('button', { name: nb.norskUi.cancel }).click()
    await expect(intro.decisionRows).toHaveCount(0)

    // The programme, started a week ago: the person takes part (R4 `deltar`), deadlines computed.
    await registerDecision(intro, 'INTRO_PROGRAM', (d) => intro.field(d, 'decision-startDate').fill(osloDay(-7)))
    await expect(intro.decisionDialog).toBeHidden()
    await expect(intro.decisionRows).toHaveCount(1)
    await expect(intro.status).toContainText(nb.explanations.statuses.deltar)
    await expect(intro.statusBox.locator('[data-deadline="introCompletion"]')).toContainText(/\d{2}\.\d{2}\.\d{4}/)

    // A leave (D8.1): its type and the unit of days.
    const leave = async (from: string, to: string) =>
      registerDecision(intro, 'INTRO_PERMISJON', async (d) => {
        await intro.field(d, 'decision-startDate').fill(from)
        await intro.field(d, 'decision-endDate').fill(to)
        await intro.choose(d, 'decision-leaveType', codeName('leaveType', 'INTRO_VELFERD'))
        await d.getByRole('radio', { name: nb.norskUi.leaveUnits.verkedagar }).check()
      })
    await leave(osloDay(10), osloDay(20))
    await expect(intro.decisionDialog).toBeHidden()
    await expect(intro.decisionRows).toHaveCount(2)

    // R5.7: an overlapping leave is refused beside its start date, naming the other leave.
    await leave(osloDay(15), osloDay(25))
    const startMessages = intro.messages(intro.decisionDialog, 'decision-startDate')
    await expect(startMessages).toContainText('overlapper en annen innvilget permisjon')
    await expectAccessible(page, 'intro leave overlap')
    await screens('intro-leave-overlap')
    await intro.decisionDialog.getByRole('button', { name: nb.norskUi.cancel }).click()
    await expect(intro.decisionRows).toHaveCount(2)

    // R5.6: saving a granted permanent stop opens the ending dialog at once; the stop is not saved alone.
    await registerDecision(intro, 'INTRO_PERMANENT_STANS', async () => {})
    await expect(intro.endingDialog).toBeVisible()
    await expect(intro.endingDialog.getByTestId('ending-with-stop')).toBeVisible()
    await expectAccessible(page, 'intro ending dialog with stop')
    expect((await personView(page, personId)).bundle.decisions.filter((d) => d.type === 'INTRO_PERMANENT_STANS')).toHaveLength(0)
    // Cancelling the ending goes back to the decision as typed; saving it again asks for the ending again.
    await intro.endingDialog.getByRole('button', { name: nb.norskUi.cancel }).click()
    await expect(intro.decisionDialog).toBeVisible()
    await expect(intro.decisionDialog.getByTestId('decision-type')).toContainText(codeName('decisionType', 'INTRO_PERMANENT_STANS'))
    await intro.save(intro.decisionDialog)
    await expect(intro.endingDialog).toBeVisible()

    // ARBEID needs the hours of work per week: refused beside that field, nothing saved.
    await intro.choose(intro.endingDialog, 'ending-reasonCode', codeName('endReason', 'ARBEID'))
    await intro.save(intro.endingDialog)
    await expect(intro.messages(intro.endingDialog, 'ending-hoursPerWeek')).toContainText(nb.reasons.REQUIRED)
    await screens('intro-ending-refused')
    expect((await personView(page, personId)).bundle.endings).toHaveLength(0)
    await intro.field(intro.endingDialog, 'ending-hoursPerWeek').fill('37,5')
    await intro.save(intro.endingDialog)
    await expect(intro.endingDialog).toBeHidden()
    await expect(intro.decisionDialog).toBeHidden()
    await expect(intro.endingRows).toHaveCount(1)
    await expect(intro.endingRows.first()).toContainText(codeName('endReason', 'ARBEID'))
    await expect(intro.endingRows.first()).toContainText('37,5')
    await expect(intro.ended).toBeVisible()
    await expect(intro.registerEnding).toBeDisabled()
    view = await personView(page, personId)
    expect(view.bundle.decisions.filter((d) => d.type === 'INTRO_PERMANENT_STANS')).toHaveLength(1)
    expect(view.bundle.endings[0]).toMatchObject({ reasonCode: 'ARBEID', hoursPerWeek: 37.5 })
    await intro.showAll.click()
    await expect(intro.decisionRows).toHaveCount(3)
    await expectAccessible(page, 'intro screen ended')
    await screens('intro-screen-ended')

    // The decision template with the person's data.
    await intro.decisionRows.first().getByTestId('decision-template-button').click()
    await expect(intro.letter).toContainText(view.bundle.person.duf)
    await expectAccessible(page, 'intro decision template')
    await intro.letter.getByTestId('decision-letter-close').click()
  })

  test('nynorsk: the screen, every dialog and an ending alone (ARBEID without hours refused), accessible', async ({ page, stack, screens }) => {
    const personId = await personWithIntroRight(page, stack)
    const shell = new AppShellPage(page)
    const intro = new IntroPage(page)
    await intro.open(personId)
    await shell.switchLanguage('nn')
    await expect(intro.screen.getByRole('heading', { name: nn.introUi.decisionsHeading })).toBeVisible()
    await expectAccessible(page, 'intro screen nn')
    await screens('intro-screen-nn')
    for (const [button, dialog, title] of [
      [intro.registerContact, intro.contactDialog, nn.norskUi.contactDialog.title],
      [intro.registerClaim, intro.claimDialog, nn.norskUi.claimDialog.title],
      [intro.registerDecision, intro.decisionDialog, nn.norskUi.decisionDialog.title],
    ] as const) {
      await button.click()
      await expect(dialog.getByRole('heading', { name: title })).toBeVisible()
      await expectAccessible(page, `${title} nn`)
      await dialog.getByRole('button', { name: nn.norskUi.cancel }).click()
      await expect(dialog).toBeHidden()
    }
    await registerDecision(intro, 'INTRO_PROGRAM', (d) => intro.field(d, 'decision-startDate').fill(osloDay(-14)))
    await expect(intro.decisionRows).toHaveCount(1)
    await intro.registerEnding.click()
    await expect(intro.endingDialog.getByRole('heading', { name: nn.introUi.endingDialog.title })).toBeVisible()
    await intro.choose(intro.endingDialog, 'ending-reasonCode', codeName('endReason', 'ARBEID', 'nn'))
    await intro.save(intro.endingDialog)
    await expect(intro.messages(intro.endingDialog, 'ending-hoursPerWeek')).toContainText(nn.reasons.REQUIRED)
    await expectAccessible(page, 'intro ending dialog nn')
    await screens('intro-ending-dialog-nn')
    await intro.field(intro.endingDialog, 'ending-hoursPerWeek').fill('30')
    await intro.save(intro.endingDialog)
    await expect(intro.endingDialog).toBeHidden()
    await expect(intro.ended).toContainText('Ingenting kan registrerast etter sluttdatoen')
  })

  test('keyboard only: contact and programme registered, the status log opened and closed', async ({ page, stack }) => {
    const personId = await personWithIntroRight(page, stack)
    const intro = new IntroPage(page)
    await intro.open(personId)

    /** Tabs forward until the element with `testid` has focus. */
    async function tabTo(testid: string): Promise<void> {
      for (let i = 0; i < 80; i++) {
        if (await page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null, testid)) return
        await page.keyboard.press('Tab')
      }
      throw new Error(`Tab never reached ${testid}`)
    }

    await tabTo('intro-status-log-button')
    await page.keyboard.press('Enter')
    await expect(intro.logDialog).toBeVisible()
    await closeWithEscape(page, intro.logDialog)
    await expect(page.getByTestId('intro-status-log-button')).toBeFocused()

    await tabTo('register-contact')
    await page.keyboard.press('Enter')
    await expect(intro.field(intro.contactDialog, 'contact-date')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(intro.contactDialog).toBeHidden()
    await expect(intro.contactRows).toHaveCount(1)

    await tabTo('register-decision')
    await page.keyboard.press('Enter')
    await expect(intro.decisionDialog).toBeVisible()
    await tabTo('decision-startDate')
    // A day equal to its month reads the same in dd.mm.åååå and mm/dd/yyyy (see norsk.spec.ts).
    const year = osloDay().slice(0, 4)
    await page.keyboard.type(`1212${year}`)
    await expect(intro.field(intro.decisionDialog, 'decision-startDate')).toHaveValue(`${year}-12-12`)
    await page.keyboard.press('Enter')
    await expect(intro.decisionDialog).toBeHidden()
    await expect(intro.decisionRows).toHaveCount(1)
  })
})
