import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { addDays, workingDaysBetween } from '../../src/shared/calendar'
import { messages } from '../../src/shared/i18n'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { AppShellPage } from './pages/AppShellPage'
import { IntroAbsencePage } from './pages/IntroAbsencePage'
import { IntroParticipationPage } from './pages/IntroParticipationPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { inMunicipality } from './support/choose'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { importRowsOnRegister } from './support/register-import'
import { mondayWeeksBack, osloDay, personView } from './support/norsk-training'

const { nb, nn } = messages
const MUNICIPALITY = '4601'
const ddmm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
/** A text with its placeholders filled. */
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]))

function codeName(list: string, code: string, lang: 'nb' | 'nn' = 'nb'): string {
  const e = initialCodeLists.find((x) => x.list === list && x.code === code)
  if (!e) throw new Error(`no ${list} ${code}`)
  return lang === 'nb' ? e.nameNb : e.nameNn
}

async function post(page: Page, name: string, input: unknown): Promise<void> {
  const body = (await (await hostPost(page.request, name, input)).json()) as { ok: boolean; reasons?: unknown }
  expect(body, `${name} ${JSON.stringify(body.reasons)}`).toMatchObject({ ok: true })
}

/**
 * A new person with the right to the programme (the R4 profile: age 18–55, UTL28 permit,
 * settled by agreement ten weeks ago), imported on the register as base data and pulled by the
 * device — the demo's persons settled long ago, past the window. The programme, its 30-hour
 * measure and a granted leave are saved through the contract, as the Intro and Deltaking
 * intro screens save them (those screens have their own specs).
 */
async function personInProgramme(page: Page, stack: Stack, start: string, end: string, leave: [string, string]): Promise<string> {
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
      firstName: 'Fatima',
      middleName: null,
      lastName: `Fraværtest${serial}`,
      birthDate: '1991-05-20',
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
  const shell = new AppShellPage(page)
  await page.goto('/#/')
  await shell.syncChip.click()
  await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  await expect.poll(async () => ((await (await hostPost(page.request, 'persons.get', { personId: id })).json()) as { ok: boolean }).ok).toBe(true)
  const decided = { personId: id, scheme: 'intro', result: 'innvilga', decisionDate: osloDay(-60) }
  await post(page, 'decision.register', { ...decided, id: randomUUID(), type: 'INTRO_PROGRAM', startDate: start })
  await post(page, 'intro.addMeasures', {
    personId: id,
    measures: [{ id: randomUUID(), personId: id, groupCode: 'ARBEID', measureCode: 'ARBEIDSPRAKSIS', fromDate: start, toDate: end, hoursPerWeek: 30 }],
  })
  await post(page, 'decision.register', {
    ...decided,
    id: randomUUID(),
    type: 'INTRO_PERMISJON',
    startDate: leave[0],
    endDate: leave[1],
    leaveType: 'INTRO_VELFERD',
    leaveUnit: 'verkedagar',
  })
  return id
}

test.describe('Deltaking intro: absence, holidays and absence after parental leave (D8.3, R5.5)', () => {
  test.describe.configure({ timeout: 300_000 })

  test('absence with days and hours saved and the dialog stays open; both in one row and days above the working days refused beside the fields; a holiday by keyboard; parental-leave absence needs its reason; nb and nn with axe', async ({
    page,
    stack,
    screens,
  }) => {
    await new LoginPage(page).ensureLoggedIn('intro', DEMO_PASSWORD)
    const start = mondayWeeksBack(8)
    const end = addDays(start, 55)
    const leave: [string, string] = [addDays(start, 42), addDays(start, 46)]
    const personId = await personInProgramme(page, stack, start, end, leave)
    const intro = new IntroParticipationPage(page)
    const screen = new IntroAbsencePage(page)
    await intro.open(personId)
    // Every registration of the programme in view, whatever today's half-year.
    await intro.chooseByKeyboard('intro-filter-year', nb.introParticipationUi.filter.allYears)
    await expect(page.getByTestId('absence-none')).toHaveText(nb.introAbsenceUi.absence.none)
    await expectAccessible(page, 'deltaking intro absence sections empty')

    // A holiday in week 5, by keyboard only: Enter on the button, arrows on the kind, Enter saves.
    const holFrom = addDays(start, 28)
    const holTo = addDays(start, 32)
    await screen.holidayRegister.focus()
    await page.keyboard.press('Enter')
    await expect(screen.holidayDialog).toBeVisible()
    await screen.typeDate('holiday-from', holFrom)
    await screen.typeDate('holiday-to', holTo)
    await page.getByTestId('holiday-kind-ferie').locator('input').focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('holiday-kind-hoegtid').locator('input')).toBeChecked()
    await expectAccessible(page, 'holiday dialog')
    await screens('deltaking-intro-holiday-dialog-nb')
    await page.keyboard.press('Enter')
    await expect(screen.holidayDialog).toBeHidden()
    await expect(screen.holidayRows).toHaveCount(1)
    await expect(screen.holidayRows.first()).toContainText(`${ddmm(holFrom)}–${ddmm(holTo)}`)
    await expect(screen.holidayRows.first()).toContainText(nb.introAbsenceUi.holiday.kinds.hoegtid)
    await expect(screen.holidayRows.first().getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')

    // Absence in week 1: the dialog shows the working days, the measure and its average.
    await screen.absenceRegister.click()
    await expect(screen.absenceDialog).toBeVisible()
    await expect(page.getByTestId('absence-facts')).toHaveText(nb.introAbsenceUi.absence.pickPeriod)
    await screen.typeDate('absence-from', start)
    await screen.typeDate('absence-to', addDays(start, 4))
    await expect(page.getByTestId('absence-working-days')).toHaveText(String(workingDaysBetween(start, addDays(start, 4))))
    await expect(page.getByTestId('absence-average')).toHaveText('30')
    await expect(page.getByTestId('absence-measures')).toContainText(codeName('measure', 'ARBEIDSPRAKSIS'))
    await expect(page.getByTestId('absence-other-none')).toBeVisible()
    await screen.input('absence-days-EIGENMELDING').fill('1')
    await screen.input('absence-hours-VELFERD').fill('2,5')
    await expectAccessible(page, 'absence dialog filled')
    await screens('deltaking-intro-absence-dialog-nb')
    await screen.input('absence-hours-VELFERD').press('Enter')
    // D8.3: saved, and the dialog stays open for the next period, starting the day after.
    await expect(page.getByTestId('absence-saved-note')).toHaveText(fill(nb.introAbsenceUi.absence.savedNext, { from: ddmm(start), to: ddmm(addDays(start, 4)) }))
    await expect(screen.input('absence-from')).toHaveValue(addDays(start, 5))
    await expect(screen.input('absence-days-EIGENMELDING')).toHaveValue('')
    await expect(screen.absenceRows).toHaveCount(1)

    // Week 2: days and hours in one row are refused beside that row's days field (R5.5).
    await screen.typeDate('absence-from', addDays(start, 7))
    await screen.typeDate('absence-to', addDays(start, 11))
    await screen.input('absence-days-LEGEERKLARING').fill('1')
    await screen.input('absence-hours-LEGEERKLARING').fill('2')
    await page.getByTestId('absence-save').click()
    await expect(screen.messages('absence-days-LEGEERKLARING')).toHaveText(nb.reasons.ABSENCE_DAYS_OR_HOURS)
    // Days above the period's working days are refused under the types (R5.5).
    const workingDays = workingDaysBetween(addDays(start, 7), addDays(start, 11))
    await screen.input('absence-hours-LEGEERKLARING').fill('')
    await screen.input('absence-days-LEGEERKLARING').fill(String(workingDays))
    await screen.input('absence-days-BARNS_SJUKDOM').fill('1')
    await page.getByTestId('absence-save').click()
    await expect(page.getByTestId('absence-rows-error')).toHaveText(fill(nb.reasons.ABSENCE_DAYS_EXCEED, { total: workingDays + 1, max: workingDays }))
    // The earlier refusal beside the row is gone once the row is right.
    await expect(page.getByTestId('absence-days-LEGEERKLARING')).not.toContainText(nb.reasons.ABSENCE_DAYS_OR_HOURS)
    await expectAccessible(page, 'absence dialog refused')
    await screens('deltaking-intro-absence-refused-nb')
    // A text that is not a number is named beside its field before anything is sent.
    await screen.input('absence-days-BARNS_SJUKDOM').fill('to')
    await page.getByTestId('absence-save').click()
    await expect(screen.messages('absence-days-BARNS_SJUKDOM')).toHaveText(nb.introAbsenceUi.common.notANumber)

    // Over the holiday and the leave, the dialog shows both as other absence, not to register again.
    await screen.typeDate('absence-from', holFrom)
    await screen.typeDate('absence-to', leave[1])
    await expect(page.getByTestId('absence-other')).toContainText(
      fill(nb.introAbsenceUi.absence.otherHoliday, { kind: nb.introAbsenceUi.holiday.kinds.hoegtid, from: ddmm(holFrom), to: ddmm(holTo) }),
    )
    await expect(page.getByTestId('absence-other')).toContainText(fill(nb.introAbsenceUi.absence.otherLeave, { from: ddmm(leave[0]), to: ddmm(leave[1]) }))
    await screens('deltaking-intro-absence-other-nb')
    await page.getByTestId('absence-cancel').click()
    await expect(screen.absenceDialog).toBeHidden()

    // Nothing refused was written: one absence, with its types and totals.
    let view = await personView(page, personId)
    expect(view.bundle.absences).toHaveLength(1)
    expect(view.bundle.absences[0]!.rows).toEqual([
      { typeCode: 'EIGENMELDING', days: 1, hours: null },
      { typeCode: 'VELFERD', days: null, hours: 2.5 },
    ])
    const row = screen.absenceRows.first()
    await expect(row).toContainText(`${ddmm(start)}–${ddmm(addDays(start, 4))}`)
    await expect(row).toContainText(`${codeName('absenceType', 'EIGENMELDING')}: 1 dag`)
    await expect(row).toContainText(`${codeName('absenceType', 'VELFERD')}: 2,5 timer`)
    await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')

    // Absence after parental leave, "other missing offer" without its reason: refused beside Grunn.
    const parFrom = addDays(start, 49)
    const parTo = addDays(start, 53)
    await screen.parentalRegister.click()
    await expect(screen.parentalDialog).toBeVisible()
    await screen.typeDate('parental-from', parFrom)
    await screen.typeDate('parental-to', parTo)
    await intro.chooseByKeyboard('parental-type', codeName('parentalLeaveAbsenceType', 'ANNA_MANGLANDE_TILBOD'))
    await page.getByTestId('parental-save').click()
    await expect(screen.messages('parental-reason')).toHaveText(nb.reasons.REASON_REQUIRED)
    await expectAccessible(page, 'parental dialog refused')
    await screens('deltaking-intro-parental-refused-nb')
    view = await personView(page, personId)
    expect(view.bundle.parentalLeaveAbsences).toHaveLength(0)
    await screen.input('parental-reason').fill('Ingen barnehageplass før august')
    await page.getByTestId('parental-save').click()
    await expect(screen.parentalDialog).toBeHidden()
    await expect(screen.parentalRows).toHaveCount(1)
    await expect(screen.parentalRows.first()).toContainText('Ingen barnehageplass før august')
    await expectAccessible(page, 'deltaking intro with absence')
    await screens('deltaking-intro-absence-nb')

    // Nynorsk: the sections and every dialog in nn, accessible.
    const shell = new AppShellPage(page)
    await shell.switchLanguage('nn')
    await expect(page.getByRole('heading', { level: 3, name: nn.introAbsenceUi.absence.heading, exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: nn.introAbsenceUi.holiday.heading })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: nn.introAbsenceUi.parental.heading })).toBeVisible()
    await expect(screen.absenceRows.first()).toContainText(`${codeName('absenceType', 'VELFERD', 'nn')}: 2,5 timar`)
    await expectAccessible(page, 'deltaking intro absence nn')
    await screens('deltaking-intro-absence-nn')
    await screen.absenceRows.first().getByTestId('absence-edit').click()
    await expect(screen.absenceDialog.getByRole('heading', { name: nn.introAbsenceUi.absence.dialogEditTitle })).toBeVisible()
    await expect(screen.input('absence-hours-VELFERD')).toHaveValue('2,5')
    await expectAccessible(page, 'absence dialog nn')
    await screens('deltaking-intro-absence-dialog-nn')
    await page.getByTestId('absence-cancel').click()
    await screen.holidayRegister.click()
    await expect(screen.holidayDialog.getByRole('heading', { name: nn.introAbsenceUi.holiday.dialogTitle })).toBeVisible()
    await expectAccessible(page, 'holiday dialog nn')
    await page.getByTestId('holiday-cancel').click()
    await screen.parentalRegister.click()
    await expect(screen.parentalDialog.getByRole('heading', { name: nn.introAbsenceUi.parental.dialogTitle })).toBeVisible()
    await screen.typeDate('parental-from', addDays(parTo, 1))
    await screen.typeDate('parental-to', addDays(parTo, 3))
    await intro.chooseByKeyboard('parental-type', codeName('parentalLeaveAbsenceType', 'ANNA_MANGLANDE_TILBOD', 'nn'))
    await page.getByTestId('parental-save').click()
    await expect(screen.messages('parental-reason')).toHaveText(nn.reasons.REASON_REQUIRED)
    await expectAccessible(page, 'parental dialog nn')
    await screens('deltaking-intro-parental-dialog-nn')
    await page.getByTestId('parental-cancel').click()
  })

  test('a reading user sees the absence buttons off (R9)', async ({ page, stack }) => {
    await new LoginPage(page).ensureLoggedIn('les', DEMO_PASSWORD)
    const scope = await stack.scope('les')
    const person = inMunicipality(scope, '4601').find((p) => !p.closed)!
    await new IntroParticipationPage(page).open(person.id)
    await expect(page.getByTestId('intro-read-only')).toHaveText(nb.introParticipationUi.access.noRole)
    const screen = new IntroAbsencePage(page)
    for (const button of [screen.absenceRegister, screen.holidayRegister, screen.parentalRegister]) await expect(button).toBeDisabled()
  })
})
