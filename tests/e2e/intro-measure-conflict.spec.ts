import { randomUUID } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import type { PersonView } from '../../src/shared/api'
import { addDays } from '../../src/shared/calendar'
import { messages } from '../../src/shared/i18n'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { AppShellPage } from './pages/AppShellPage'
import { IntroParticipationPage } from './pages/IntroParticipationPage'
import { LoginPage } from './pages/LoginPage'
import { SyncProblemsPage } from './pages/SyncProblemsPage'
import { expectAccessible } from './support/accessibility'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { mondayWeeksBack, osloDay } from './support/norsk-training'
import { importRowsOnRegister } from './support/register-import'
import { startSecondDevice } from './support/sync-devices'

const { nb, nn } = messages
const USER = 'intro'
const MUNICIPALITY = '4601'
const ddmm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
/** The fixed part of a text before its first placeholder. */
const lead = (text: string) => text.split('{')[0]!.trim()
/** Vuetify's dialog transitions end before a screenshot shows the screen at rest. */
const settled = (p: Page) => p.waitForTimeout(500)
/** A screenshot of either laptop's page, checked by axe. */
async function shoot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })
  await expectAccessible(p, name)
}

async function post(request: APIRequestContext, name: string, input: unknown): Promise<{ mutationId: string }> {
  const body = (await (await hostPost(request, name, input)).json()) as { ok: boolean; value: { mutationId: string }; reasons?: unknown }
  expect(body, `${name} ${JSON.stringify(body.reasons)}`).toMatchObject({ ok: true })
  return body.value
}

async function viewOf(request: APIRequestContext, personId: string): Promise<PersonView | null> {
  const body = (await (await hostPost(request, 'persons.get', { personId })).json()) as { ok: boolean; value: PersonView }
  return body.ok ? body.value : null
}

/** Asks a device to sync and waits until it says the measure row has nothing unsent. */
async function sent(request: APIRequestContext, personId: string, measureId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await hostPost(request, 'sync.run', {})
        return (await viewOf(request, personId))?.syncMarks[`measure:${measureId}`] ?? 'sent'
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe('sent')
}

/**
 * A newly settled refugee of Bergen with the right to the programme (UTL28 granted before 2021,
 * settled by agreement ten weeks ago), imported on the register as base data; the programme and
 * one 30-hour measure are saved on the first laptop through the contract (the Intro and
 * Deltaking intro specs cover those dialogs). No other spec knows this person.
 */
async function personWithMeasure(page: Page, stack: Stack, start: string, end: string) {
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
      firstName: 'Samira',
      middleName: null,
      lastName: `Tiltaksendring${serial}`,
      birthDate: '1993-04-11',
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
    { type: 'settlement', id: randomUUID(), personId: id, date: osloDay(-70), municipality: MUNICIPALITY, byAgreement: true, familyReunification: false },
  ])
  await expect
    .poll(
      async () => {
        await hostPost(page.request, 'sync.run', {})
        return (await viewOf(page.request, id)) !== null
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(true)
  await post(page.request, 'decision.register', {
    id: randomUUID(),
    personId: id,
    scheme: 'intro',
    result: 'innvilga',
    decisionDate: osloDay(-30),
    type: 'INTRO_PROGRAM',
    startDate: start,
  })
  const measure = { id: randomUUID(), personId: id, groupCode: 'NORSK', measureCode: 'GRUNNLEGGANDE_NORSK', fromDate: start, toDate: end, hoursPerWeek: 30 }
  await post(page.request, 'intro.addMeasures', { personId: id, measures: [measure] })
  await sent(page.request, id, measure.id)
  return { personId: id, measure }
}

test('issue 8 two laptops edit the same measure: Endre tiltak by keyboard, more than 37.5 hours refused beside the hours (nb, nn, axe); the second laptop’s edit is a conflict, both versions side by side in Synkproblem, overwritten knowingly; the register then holds its hours; a reading user sees the pencil off (R9)', async ({
  page,
  browser,
  stack,
}) => {
  // Two laptops, one of them pulling the intro user's whole scope, and axe in two languages.
  test.setTimeout(360_000)
  const shell1 = new AppShellPage(page)
  const screen1 = new IntroParticipationPage(page)
  await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  await shell1.switchLanguage('nb')
  const start = mondayWeeksBack(3)
  const end = addDays(start, 27)
  const { personId, measure } = await personWithMeasure(page, stack, start, end)

  const device2 = await startSecondDevice(stack.registerUrl)
  const context2 = await browser.newContext({ baseURL: device2.baseURL })
  try {
    const page2 = await context2.newPage()
    const shell2 = new AppShellPage(page2)
    const screen2 = new IntroParticipationPage(page2)
    const problems = new SyncProblemsPage(page2)
    await new LoginPage(page2).ensureLoggedIn(USER, DEMO_PASSWORD)
    await expect(shell2.syncChip).toHaveAttribute('data-state', 'upToDate', { timeout: 120_000 })
    await expect.poll(async () => (await viewOf(page2.request, personId))?.bundle.measures.map((m) => m.hoursPerWeek) ?? [], { timeout: 60_000 }).toEqual([30])

    // Laptop 1: the pencil of the row, by keyboard, opens Endre tiltak on that one measure.
    await screen1.open(personId)
    await screen1.chooseByKeyboard('intro-filter-year', nb.introParticipationUi.filter.allYears)
    await expect(screen1.measureRows).toHaveCount(1)
    const edit1 = screen1.measureRows.first().getByTestId('measure-edit')
    await expect(edit1).toHaveAccessibleName(`Endre tiltaket ${await screen1.measureRows.first().locator('td').nth(1).innerText()} fra ${ddmm(start)}`.replace(/\s+/g, ' '))
    await edit1.focus()
    await page.keyboard.press('Enter')
    await expect(screen1.measuresDialog).toBeVisible()
    await expect(screen1.measuresDialog.locator('#measures-dialog-title')).toHaveText(nb.introParticipationUi.dialog.titleEdit)
    await expect(screen1.input('measures-hours-0')).toHaveValue('30')
    await expect(screen1.input('measures-from-0')).toHaveValue(start)
    // One measure is edited: no row can be added.
    await expect(page.getByTestId('measures-add')).toHaveCount(0)
    await settled(page)
    await shoot(page, 'deltaking-intro-measure-edit-nb')

    // R5.3: 40 hours a week is refused beside the hours; nothing is saved.
    await screen1.input('measures-hours-0').fill('40')
    await page.keyboard.press('Enter')
    await expect(screen1.messages('measures-hours-0')).toContainText(lead(nb.reasons.MEASURE_HOURS_RANGE))
    await expect(screen1.measuresDialog).toBeVisible()
    await settled(page)
    await shoot(page, 'deltaking-intro-measure-edit-refused-nb')
    await page.getByTestId('measures-cancel').click()
    await expect(screen1.measuresDialog).toBeHidden()
    await expect(screen1.measureRows.first().locator('td').nth(4)).toHaveText('30')

    // The same in nynorsk.
    await shell1.switchLanguage('nn')
    await screen1.measureRows.first().getByTestId('measure-edit').click()
    await expect(screen1.measuresDialog.locator('#measures-dialog-title')).toHaveText(nn.introParticipationUi.dialog.titleEdit)
    await settled(page)
    await shoot(page, 'deltaking-intro-measure-edit-nn')
    await screen1.input('measures-hours-0').fill('40')
    await page.keyboard.press('Enter')
    await expect(screen1.messages('measures-hours-0')).toContainText(lead(nn.reasons.MEASURE_HOURS_RANGE))
    await settled(page)
    await shoot(page, 'deltaking-intro-measure-edit-refused-nn')

    // Laptop 1 saves 20 hours (Enter in the field) and sends it: the register's version 2.
    await screen1.input('measures-hours-0').fill('20')
    await page.keyboard.press('Enter')
    await expect(screen1.measuresDialog).toBeHidden()
    await expect(screen1.measureRows.first().locator('td').nth(4)).toHaveText('20')
    await shell1.switchLanguage('nb')
    await sent(page.request, personId, measure.id)

    // Laptop 2, not yet pulled, edits its version 1 to 25 hours and a week shorter.
    const shorter = addDays(end, -7)
    await screen2.open(personId)
    await screen2.chooseByKeyboard('intro-filter-year', nb.introParticipationUi.filter.allYears)
    await expect(screen2.measureRows.first().locator('td').nth(4)).toHaveText('30')
    await screen2.measureRows.first().getByTestId('measure-edit').click()
    await screen2.typeDate('measures-to-0', shorter)
    await screen2.input('measures-hours-0').fill('25')
    await page2.getByTestId('measures-save').click()
    await expect(screen2.measuresDialog).toBeHidden()
    await expect(screen2.measureRows.first().getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')
    await shell2.syncChip.click()
    await expect(shell2.syncChip).toHaveAttribute('data-problems', '1', { timeout: 60_000 })

    // Synkproblem names the edit by its dates and says it is a conflict.
    await shell2.syncChip.click()
    await expect(page2).toHaveURL(/#\/synkproblem$/)
    const card = page2.locator('[data-testid="sync-problem"]').filter({ hasText: `Endring av tiltak ${ddmm(start)}–${ddmm(shorter)}` })
    await expect(card).toHaveAttribute('data-verdict', 'conflict')
    const mutationId = (await card.getAttribute('data-mutation-id'))!

    // Rett og send på nytt opens Endre tiltak on Deltaking intro with the caseworker's input.
    await card.getByTestId('sync-problem-fix').click()
    await expect(page2).toHaveURL(new RegExp(`#/person/${personId}/deltaking-intro\\?fix=${mutationId}`))
    await expect(screen2.measuresDialog.locator('#measures-dialog-title')).toHaveText(nb.introParticipationUi.dialog.titleEdit)
    await expect(screen2.input('measures-hours-0')).toHaveValue('25')
    await expect(screen2.input('measures-to-0')).toHaveValue(shorter)
    await page2.getByTestId('measures-cancel').click()
    await expect(screen2.measuresDialog).toBeHidden()
    await problems.open()

    // Side by side, by keyboard: the hours and the to date differ, the from date does not.
    await problems.problem(mutationId).getByTestId('sync-problem-compare').focus()
    await page2.keyboard.press('Enter')
    await expect(problems.conflictDialog).toBeVisible()
    await expect(problems.compareRow('hoursPerWeek')).toHaveAttribute('data-differs', 'true')
    await expect(problems.compareRow('hoursPerWeek').locator('td').nth(0)).toHaveText('25')
    await expect(problems.compareRow('hoursPerWeek').locator('td').nth(1)).toHaveText('20')
    await expect(problems.compareRow('toDate')).toHaveAttribute('data-differs', 'true')
    await expect(problems.compareRow('fromDate')).toHaveAttribute('data-differs', 'false')
    // The measure by its name, as on Deltaking intro, not its code.
    const courseName = initialCodeLists.find((e) => e.list === 'measure' && e.code === 'GRUNNLEGGANDE_NORSK')!.nameNb
    await expect(problems.compareRow('measureCode').locator('td').nth(1)).toHaveText(courseName)
    await settled(page2)
    await shoot(page2, 'sync-conflict-measure-side-by-side-nb')

    await problems.conflictDialog.getByTestId('sync-overwrite').focus()
    await page2.keyboard.press('Enter')
    await expect(problems.empty).toBeVisible()
    await expect(shell2.syncChip).toHaveAttribute('data-pending', '0', { timeout: 60_000 })
    await expect(shell2.syncChip).toHaveAttribute('data-problems', '0')

    // Laptop 1 pulls: the register holds the second caseworker's 25 hours and shorter period.
    await expect
      .poll(
        async () => {
          await hostPost(page.request, 'sync.run', {})
          const m = (await viewOf(page.request, personId))?.bundle.measures ?? []
          return m.map((x) => [x.id, x.hoursPerWeek, x.toDate])
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toEqual([[measure.id, 25, shorter]])
    // Opened anew (the same route would keep the view read before the pull).
    await shell1.go('workspace')
    await screen1.open(personId)
    await screen1.chooseByKeyboard('intro-filter-year', nb.introParticipationUi.filter.allYears)
    await expect(screen1.measureRows.first().locator('td').nth(4)).toHaveText('25')
    await expect(screen1.measureRows.first().getByTestId('measure-edit')).toBeEnabled()

    // R9: a reading user (kommuneles) sees the pencil off, the reason said once on the screen.
    await new LoginPage(page).ensureLoggedIn('les', DEMO_PASSWORD)
    await expect.poll(async () => (await viewOf(page.request, personId))?.bundle.measures.length ?? 0, { timeout: 120_000 }).toBe(1)
    await screen1.open(personId)
    await screen1.chooseByKeyboard('intro-filter-year', nb.introParticipationUi.filter.allYears)
    await expect(page.getByTestId('intro-read-only')).toHaveText(nb.introParticipationUi.access.noRole)
    await expect(screen1.measureRows.first().getByTestId('measure-edit')).toBeDisabled()
  } finally {
    await context2.close()
    await device2.stop()
  }
})
