import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import type { PersonView } from '../../src/shared/api'
import { messages } from '../../src/shared/i18n'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { offeredDecisionTypesOf, snapshotFromBase } from '../../src/shared/rules'
import { AppShellPage } from './pages/AppShellPage'
import { IntroPage } from './pages/IntroPage'
import { IntroParticipationPage } from './pages/IntroParticipationPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { osloDay } from './support/norsk-training'
import { importRowsOnRegister } from './support/register-import'

const { nb, nn } = messages
const MUNICIPALITY = '4601'

function codeName(list: string, code: string): string {
  const e = initialCodeLists.find((x) => x.list === list && x.code === code)
  if (!e) throw new Error(`no ${list} ${code}`)
  return e.nameNb
}

async function personView(page: Page, personId: string): Promise<PersonView> {
  const body = (await (await hostPost(page.request, 'persons.get', { personId })).json()) as { ok: boolean; value: PersonView }
  expect(body.ok).toBe(true)
  return body.value
}

/**
 * A newly settled refugee of Bergen of its own (UTL28 granted before 2021, settled by
 * agreement a month ago: R3.2 right and duty, so R4 offers the programme), imported on the
 * register and pulled by the device; no other spec touches this person.
 */
async function personOfferedProgramme(page: Page, stack: Stack): Promise<string> {
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
      firstName: 'Selam',
      middleName: null,
      lastName: `Sjolvstudium${serial}`,
      birthDate: '1991-03-03',
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

test.describe('Intro: a programme planned as self-study (R5.4, R4)', () => {
  test.describe.configure({ timeout: 300_000 })
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('intro', DEMO_PASSWORD)
  })

  test('the Sjølvstudium box is ticked by keyboard on a granted Introprogram; the decisions list marks it and Deltaking intro judges against 30 (nb, nn, axe)', async ({
    page,
    stack,
    screens,
  }) => {
    const personId = await personOfferedProgramme(page, stack)
    const intro = new IntroPage(page)
    await intro.open(personId)
    await intro.registerDecision.click()
    await expect(intro.decisionDialog).toBeVisible()
    await intro.choose(intro.decisionDialog, 'decision-type', codeName('decisionType', 'INTRO_PROGRAM'))
    const box = intro.decisionDialog.getByRole('checkbox', { name: nb.norskUi.decisionDialog.selfStudy })
    await expect(box).toBeEnabled()
    await expect(box).not.toBeChecked()

    // A refusal has no plan (R4): the box is off, saying why.
    await intro.decisionDialog.getByRole('radio', { name: nb.norskUi.results.avslag }).check()
    await expect(box).toBeDisabled()
    await expect(intro.messages(intro.decisionDialog, 'decision-selfStudy')).toHaveText(nb.norskUi.decisionDialog.selfStudyOff)
    await intro.decisionDialog.getByRole('radio', { name: nb.norskUi.results.innvilga }).check()
    await expect(box).toBeEnabled()

    await intro.field(intro.decisionDialog, 'decision-startDate').fill(osloDay(-7))
    // By keyboard: focus the box and tick it with Space.
    await box.focus()
    await page.keyboard.press('Space')
    await expect(box).toBeChecked()
    await expect(intro.messages(intro.decisionDialog, 'decision-selfStudy')).toHaveText(nb.norskUi.decisionDialog.selfStudyHint)
    await expectAccessible(page, 'intro decision dialog self-study nb')
    await screens('intro-self-study-dialog-nb')
    await intro.save(intro.decisionDialog)
    await expect(intro.decisionDialog).toBeHidden()

    // The active decisions list marks the programme; the device holds the mark.
    await expect(intro.decisionRows).toHaveCount(1)
    await expect(intro.decisionRows.first().getByTestId('decision-self-study')).toHaveText(nb.norskUi.decisions.selfStudy)
    await expect.poll(async () => (await personView(page, personId)).introPlan).toEqual({ selfStudy: true })
    const saved = (await personView(page, personId)).bundle.decisions.filter((d) => d.type === 'INTRO_PROGRAM')
    expect(saved.map((d) => d.selfStudy)).toEqual([true])
    await expectAccessible(page, 'intro decisions self-study nb')
    await screens('intro-self-study-decisions-nb')

    // R5.4 on Deltaking intro: the norm is 30, said as self-study.
    const participation = new IntroParticipationPage(page)
    await participation.open(personId)
    await expect(page.getByTestId('summary-norm')).toHaveText(nb.introParticipationUi.summary.normSelfStudy.replace('{norm}', '30'))
    await expectAccessible(page, 'deltaking intro self-study nb')
    await screens('intro-self-study-participation-nb')

    const shell = new AppShellPage(page)
    await shell.switchLanguage('nn')
    await expect(page.getByTestId('summary-norm')).toHaveText(nn.introParticipationUi.summary.normSelfStudy.replace('{norm}', '30'))
    await expectAccessible(page, 'deltaking intro self-study nn')
    await intro.open(personId)
    await expect(intro.decisionRows.first().getByTestId('decision-self-study')).toHaveText(nn.norskUi.decisions.selfStudy)
    await expectAccessible(page, 'intro decisions self-study nn')
    await screens('intro-self-study-decisions-nn')
  })
})
