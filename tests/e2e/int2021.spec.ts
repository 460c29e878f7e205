import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import type { PersonView } from '../../src/shared/api'
import { addDays, addMonths, formatNorwegianDate, type IsoDate } from '../../src/shared/calendar'
import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { Int2021Page } from './pages/Int2021Page'
import { IntroPage } from './pages/IntroPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { osloDay, personView } from './support/norsk-training'
import { importRowsOnRegister } from './support/register-import'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages
const MUNICIPALITY = '4601'
const day = (n: number) => formatNorwegianDate(osloDay(n))

interface Persons {
  /** UTL28 granted four months ago, settled by agreement: 2021 act, intro and norsk `rett og plikt`. */
  refugee: string
  /** Family of a refugee (FAM_FLYKTNING): the reference-person condition applies (J15). */
  family: string
  /** UTL28 granted in 2019: the 2003 act. */
  act2003: string
}

/**
 * Three persons of Bergen imported on the register as base data (A6) and pulled by the
 * device: the demo's caseload may change under this spec, these persons do not.
 */
async function importPersons(page: Page, stack: Stack): Promise<Persons> {
  const serial = String(Math.floor(Math.random() * 900_000) + 100_000)
  const make = (n: number, lastName: string, ground: string, granted: IsoDate, settled: IsoDate) => {
    const id = randomUUID()
    const rows = [
      {
        type: 'person',
        id,
        duf: dufWithCheck(`202${n}${serial}`),
        dufCheckFailed: false,
        nationalId: null,
        regNumber: null,
        firstName: 'Samira',
        middleName: null,
        lastName: `${lastName}${serial}`,
        birthDate: '1990-05-10',
        sex: 'K',
        closed: false,
        arrivalDate: granted,
        followUpMunicipality: MUNICIPALITY,
        followUpDistrict: null,
        followUpByAgreement: true,
        receptionCentre: null,
      },
      {
        type: 'permit',
        id: randomUUID(),
        personId: id,
        groundCode: ground,
        permitType: 'Midlertidig oppholdstillatelse',
        legalBasis: 'utlendingsloven',
        validFrom: granted,
        validTo: null,
        grantedDate: granted,
      },
      { type: 'settlement', id: randomUUID(), personId: id, date: settled, municipality: MUNICIPALITY, byAgreement: true, familyReunification: ground === 'FAM_FLYKTNING' },
    ]
    return { id, rows }
  }
  const refugee = make(1, 'Integrering', 'UTL28', osloDay(-120), osloDay(-90))
  const family = make(2, 'Familie', 'FAM_FLYKTNING', osloDay(-120), osloDay(-90))
  const act2003 = make(3, 'Introlov', 'UTL28', '2019-06-03', '2019-09-02')
  await importRowsOnRegister(stack.registerUrl, [...refugee.rows, ...family.rows, ...act2003.rows])
  const shell = new AppShellPage(page)
  await page.goto('/#/')
  await shell.syncChip.click()
  await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  for (const p of [refugee, family, act2003]) {
    await expect.poll(async () => ((await (await hostPost(page.request, 'persons.get', { personId: p.id })).json()) as { ok: boolean }).ok).toBe(true)
  }
  return { refugee: refugee.id, family: family.id, act2003: act2003.id }
}

/** R12.2.5: the Norwegian deadline the rules computed, or null. */
const norwegianDeadline = (v: PersonView) => v.evaluation.schemes.norsk.deadlines.find((d) => d.key === 'norskNorwegian2021') ?? null

test.describe('the 2021 act’s registrations on Kartlegging, Intro and Norsk (R12.3.2, issue 9 points 4 and 7)', () => {
  test.describe.configure({ timeout: 300_000 })
  test.beforeEach(async ({ page }) => {
    // The superuser writes intro and norsk (R9), so one login reaches every card.
    await new LoginPage(page).ensureLoggedIn('super', DEMO_PASSWORD)
  })

  test('background, norskmål, final goal, a programme element and full-time upper secondary by keyboard; the background moves the Norwegian deadline from 36 to 18 months (R12.2.5); a delete asks first; nb and nn', async ({
    page,
    stack,
    screens,
  }) => {
    const persons = await importPersons(page, stack)
    const id = persons.refugee
    expect((await personView(page, id)).evaluation.regime.introNorsk.regime).toBe('INTEGRERING_2021')
    // R12.2.4: from 2023-08-01 the clock runs from the first granted right-and-duty decision.
    const start = osloDay(-60)
    const decision = { id: randomUUID(), personId: id, scheme: 'norsk', type: 'NORSK_RETT_OG_PLIKT', result: 'innvilga', decisionDate: osloDay(-61), startDate: start }
    const saved = await (await hostPost(page.request, 'decision.register', decision)).json()
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
    const provisional = norwegianDeadline(await personView(page, id))
    expect(provisional?.date).toBe(addDays(addMonths(start, 36), -1))

    // The deadline as Grunndata detaljar shows it, before and after the background (R12.2.5).
    const deadlineOnScreen = page.getByTestId('scheme-deadline').and(page.locator('[data-deadline="norskNorwegian2021"]'))
    await page.goto(`/#/person/${id}/detaljar`)
    await expect(deadlineOnScreen).toContainText(formatNorwegianDate(provisional!.date))

    const ui = new Int2021Page(page)
    await ui.open(id, 'kartlegging')
    await expect(ui.card('educationBackground').getByTestId('int2021-none')).toHaveText(nb.int2021Ui.kinds.educationBackground.none)
    await expectAccessible(page, 'int2021 kartlegging empty')

    // A future date is refused beside the date field (R8.1), and nothing is saved.
    await ui.openDialog('educationBackground')
    await ui.typeDate(day(5))
    await ui.chooseRadio(2)
    await expect(ui.dialog.getByRole('radio', { name: nb.int2021Ui.backgrounds.VGS_ELLER_HOGARE })).toBeChecked()
    await expectAccessible(page, 'int2021 background dialog')
    await screens('int2021-background-dialog-nb')
    await ui.saveFromDate()
    // The device's refusal replaces the hint under the field (wait for it, so the screenshot is not mid-transition).
    await expect(ui.messages('int2021-date').locator('.v-messages__message')).toHaveCount(1)
    await expect(ui.messages('int2021-date')).toContainText(day(5))
    await screens('int2021-background-refused-nb')
    expect((await personView(page, id)).bundle.int2021Registrations).toHaveLength(0)
    // Focus stayed in the date field the form was sent from.
    await expect(ui.dialog.getByTestId('int2021-date').locator('input')).toBeFocused()
    await ui.typeDate(day(0))
    await page.keyboard.press('Enter')
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('educationBackground')).toHaveCount(1)
    await expect(ui.rows('educationBackground').first()).toContainText(nb.int2021Ui.backgrounds.VGS_ELLER_HOGARE)
    await expect(ui.rows('educationBackground').first().getByTestId('int2021-current')).toHaveText(nb.int2021Ui.current)

    // R12.2.5: with upper secondary or higher education the deadline is 18 months, no longer provisional.
    await expect.poll(async () => norwegianDeadline(await personView(page, id))?.date).toBe(addDays(addMonths(start, 18), -1))
    await page.goto(`/#/person/${id}/detaljar`)
    await expect(deadlineOnScreen).toContainText(formatNorwegianDate(addDays(addMonths(start, 18), -1)))
    await screens('int2021-deadline-18-months-nb')
    await ui.open(id, 'kartlegging')

    // Norskmål: suggested from the background (R12.2.6: B1, oral B2); Enter in the date field saves.
    await ui.openDialog('norskGoal')
    await expect(ui.dialog.getByTestId('int2021-suggestion')).toContainText(nb.int2021Ui.backgrounds.VGS_ELLER_HOGARE)
    await expectAccessible(page, 'int2021 norskmål dialog')
    await screens('int2021-norskgoal-dialog-nb')
    await page.keyboard.press('Enter')
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('norskGoal').first()).toContainText(`${nb.int2021Ui.parts.lytting} B1`)
    await expect(ui.rows('norskGoal').first()).toContainText(`${nb.int2021Ui.parts.munnleg} B2`)
    await screens('int2021-kartlegging-nb')

    // The new background a week earlier is history: the newer row stays current.
    await ui.openDialog('educationBackground')
    await ui.typeDate(day(-7))
    await ui.chooseRadio(1)
    await ui.saveFromDate()
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('educationBackground')).toHaveCount(2)
    await expect(ui.rows('educationBackground').first()).toContainText(nb.int2021Ui.backgrounds.VGS_ELLER_HOGARE)
    await expect(ui.rows('educationBackground').nth(1)).toContainText(nb.int2021Ui.backgrounds.GRUNNSKULE)
    await expect(ui.rows('educationBackground').nth(1).getByTestId('int2021-current')).toHaveCount(0)

    // Intro: final goal and a programme element; the reference-person card belongs to other grounds.
    await ui.open(id, 'intro')
    await expect(ui.card('referencePersonCondition')).toHaveCount(0)
    await ui.openDialog('finalGoal')
    await ui.chooseRadio(0)
    await expect(ui.dialog.getByRole('radio', { name: nb.int2021Ui.finalGoals.ARBEID })).toBeChecked()
    await expectAccessible(page, 'int2021 final goal dialog')
    await ui.saveFromDate()
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('finalGoal').first()).toContainText(nb.int2021Ui.finalGoals.ARBEID)
    await ui.openDialog('programmeElement')
    await ui.typeDate(day(-2))
    await ui.chooseRadio(0)
    await ui.saveFromDate()
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('programmeElement').first()).toContainText(nb.int2021Ui.elements.KOMPETANSEKARTLEGGING)
    await ui.openDialog('integrationContract')
    await ui.typeDate(day(-1))
    await page.keyboard.press('Enter')
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('integrationContract').first()).toContainText(nb.int2021Ui.contractSigned)
    await expectAccessible(page, 'int2021 intro')
    await screens('int2021-intro-nb')

    // R12.3.1: a granted programme under 2021 needs its decided months, whole months, beside the field.
    const intro = new IntroPage(page)
    const programme = initialCodeLists.find((e) => e.list === 'decisionType' && e.code === 'INTRO_PROGRAM')!.nameNb
    await intro.registerDecision.focus()
    await page.keyboard.press('Enter')
    await expect(intro.decisionDialog).toBeVisible()
    await expect(intro.decisionDialog.getByTestId('decision-type')).toContainText(programme)
    await intro.field(intro.decisionDialog, 'decision-startDate').fill(osloDay(-7))
    const months = intro.field(intro.decisionDialog, 'decision-durationMonths')
    await expect(intro.decisionDialog.getByTestId('decision-durationMonths')).toContainText(`${nb.int2021Ui.months.durationMonths} *`)
    await months.focus()
    await page.keyboard.type('5,5')
    await page.keyboard.press('Enter')
    await expect(intro.messages(intro.decisionDialog, 'decision-durationMonths')).toContainText(nb.int2021Ui.months.notInteger)
    await expectAccessible(page, 'int2021 decision months refused')
    await screens('int2021-decision-months-nb')
    expect((await personView(page, id)).bundle.decisions.filter((d) => d.type === 'INTRO_PROGRAM')).toHaveLength(0)
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('6')
    await page.keyboard.press('Enter')
    await expect(intro.decisionDialog).toBeHidden()
    await intro.showAll.focus()
    await page.keyboard.press('Enter')
    await expect(intro.decisionRows.filter({ hasText: programme }).getByTestId('decision-months')).toHaveText(nb.int2021Ui.months.decided.replace('{n}', '6'))
    expect((await personView(page, id)).bundle.decisions.find((d) => d.type === 'INTRO_PROGRAM')?.durationMonths).toBe(6)

    // Delete asks first: cancelling keeps the row, confirming removes it.
    const element = ui.rows('programmeElement').first()
    await element.getByTestId('int2021-delete').focus()
    await page.keyboard.press('Enter')
    await expect(ui.confirm).toBeVisible()
    await expect(ui.confirm).toContainText(nb.int2021Ui.elements.KOMPETANSEKARTLEGGING)
    await expectAccessible(page, 'int2021 delete confirmation')
    await screens('int2021-delete-confirm-nb')
    await ui.confirm.getByTestId('int2021-confirm-cancel').click()
    await expect(ui.confirm).toBeHidden()
    await expect(ui.rows('programmeElement')).toHaveCount(1)
    await element.getByTestId('int2021-delete').focus()
    await page.keyboard.press('Enter')
    await ui.confirm.getByTestId('int2021-confirm-delete').focus()
    await page.keyboard.press('Enter')
    await expect(ui.card('programmeElement').getByTestId('int2021-none')).toBeVisible()

    // Norsk: full-time upper secondary, from and to.
    await ui.open(id, 'norsk')
    await ui.openDialog('fullTimeUpperSecondary')
    await ui.typeDate(day(-30))
    await page.keyboard.press('Tab')
    await page.keyboard.type(day(-3))
    await page.keyboard.press('Enter')
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('fullTimeUpperSecondary').first()).toContainText(`${day(-30)} til ${day(-3)}`)
    await screens('int2021-norsk-nb')

    const view = await personView(page, id)
    expect(view.bundle.int2021Registrations.map((r) => r.fact.kind).sort()).toEqual([
      'educationBackground',
      'educationBackground',
      'finalGoal',
      'fullTimeUpperSecondary',
      'integrationContract',
      'norskGoal',
    ])

    const shell = new AppShellPage(page)
    await shell.switchLanguage('nn')
    await expect(ui.rows('fullTimeUpperSecondary').first()).toContainText(`${day(-30)} til ${day(-3)}`)
    await expect(ui.card('fullTimeUpperSecondary').getByRole('heading', { name: nn.int2021Ui.kinds.fullTimeUpperSecondary.heading })).toBeVisible()
    await expectAccessible(page, 'int2021 norsk nn')
    await screens('int2021-norsk-nn')
    await ui.open(id, 'kartlegging')
    await expect(ui.rows('educationBackground').first()).toContainText(nn.int2021Ui.backgrounds.VGS_ELLER_HOGARE)
    await expect(ui.rows('educationBackground').first().getByTestId('int2021-current')).toHaveText(nn.int2021Ui.current)
    await expectAccessible(page, 'int2021 kartlegging nn')
    await screens('int2021-kartlegging-nn')
    await ui.openDialog('norskGoal')
    await expect(ui.dialog.getByRole('radio', { name: nn.int2021Ui.higherGoal })).toBeVisible()
    await expectAccessible(page, 'int2021 norskmål dialog nn')
    await screens('int2021-norskgoal-dialog-nn')
    await ui.dialog.getByTestId('int2021-cancel').click()
    await expect(ui.dialog).toBeHidden()
    await ui.open(id, 'intro')
    await expect(ui.rows('finalGoal').first()).toContainText(nn.int2021Ui.finalGoals.ARBEID)
    await expectAccessible(page, 'int2021 intro nn')
    await screens('int2021-intro-nn')
  })

  test('the reference-person card shows for family of a refugee (J15); a person under the 2003 act gets no cards, one line says why; nb and nn', async ({
    page,
    stack,
    screens,
  }) => {
    const persons = await importPersons(page, stack)
    const ui = new Int2021Page(page)
    await ui.open(persons.family, 'intro')
    // Escape closes the dialog and saves nothing.
    await ui.openDialog('referencePersonCondition')
    await closeWithEscape(page, ui.dialog)
    await expect(ui.card('referencePersonCondition').getByTestId('int2021-none')).toHaveText(nb.int2021Ui.kinds.referencePersonCondition.none)
    await ui.openDialog('referencePersonCondition')
    await ui.chooseRadio(0)
    await expect(ui.dialog.getByRole('radio', { name: nb.int2021Ui.met.true, exact: true })).toBeChecked()
    await expectAccessible(page, 'int2021 reference person dialog')
    await screens('int2021-reference-person-dialog-nb')
    await ui.saveFromDate()
    await expect(ui.dialog).toBeHidden()
    await expect(ui.rows('referencePersonCondition').first()).toContainText(nb.int2021Ui.met.true)

    expect((await personView(page, persons.act2003)).evaluation.regime.introNorsk.regime).toBe('INTRO_2003')
    const shell = new AppShellPage(page)
    for (const lang of ['nb', 'nn'] as const) {
      if (lang === 'nn') await shell.switchLanguage('nn')
      for (const tab of ['kartlegging', 'intro', 'norsk'] as const) {
        await ui.open(persons.act2003, tab)
        await expect(ui.notInRegime).toHaveText(messages[lang].int2021Ui.notInRegime.INTRO_2003)
        await expect(page.getByTestId('int2021-register')).toHaveCount(0)
      }
      await expectAccessible(page, `int2021 2003 person ${lang}`)
      await screens(`int2021-act2003-${lang}`)
    }
  })
})
