import { addDays } from '../../src/shared/calendar'
import { messages } from '../../src/shared/i18n'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { NorskParticipationPage } from './pages/NorskParticipationPage'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { mondayWeeksBack, personInNorskTraining, personView, weekOf } from './support/norsk-training'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages
/** The fixed part of a text before its first placeholder, to find it with any values filled in. */
const lead = (text: string) => text.split('{')[0]!.trim()

test.describe('Deltaking norsk: weekly hours by keyboard (D6, R6.4, R8, R9)', () => {
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
  })

  test('three weeks in a row by keyboard, the next week preselected; edit, sort, delete; a refused week says why beside each field and saves nothing', async ({
    page,
    stack,
    screens,
  }) => {
    // A long walk through every step on a shared, busy machine.
    test.setTimeout(240_000)
    const start = mondayWeeksBack(5)
    const personId = await personInNorskTraining(page, stack, 'norsk', start)
    const screen = new NorskParticipationPage(page)

    // The menu item appears after the first granted decision; a person without one has none.
    await page.goto(`/#/person/${stack.extra.withRegNumber.id}/grunndata`)
    await expect(page.getByTestId('menu-kartlegging')).toBeVisible()
    await expect(page.getByTestId('menu-deltaking-norsk')).toHaveCount(0)
    await page.goto(`/#/person/${personId}/grunndata`)
    await page.getByTestId('menu-deltaking-norsk').click()
    await expect(screen.screen).toBeVisible()
    await expect(page.getByTestId('weekly-none')).toHaveText(nb.participationUi.weekly.none)
    await expectAccessible(page, 'deltaking norsk empty')

    // Keyboard only from here: the green button, then the dialog's fields and Enter.
    await screen.register.focus()
    await page.keyboard.press('Enter')
    await expect(screen.dialog).toBeVisible()
    const weeks = [0, 1, 2].map((i) => weekOf(addDays(start, 7 * i)))
    const hours: [string, string, string][] = [
      ['6', '1,5', ''],
      ['7,5', '', '2'],
      ['8', '2', '0'],
    ]
    for (const [i, w] of weeks.entries()) {
      await expect(screen.input('year')).toHaveValue(String(w.isoYear))
      await expect(screen.input('week')).toHaveValue(String(w.isoWeek))
      await screen.typeWeek(...hours[i]!)
      await expect(screen.saved).toHaveText(`Uke ${w.isoWeek} lagret`)
      await expect(screen.rows).toHaveCount(i + 1)
      if (i === 0) {
        await expectAccessible(page, 'weekly dialog after a save')
        await screens('deltaking-norsk-dialog-nb')
      }
    }
    // The dialog moved on to the fourth week, focus back in the first hours field.
    const fourth = weekOf(addDays(start, 21))
    await expect(screen.input('week')).toHaveValue(String(fourth.isoWeek))
    await expect(screen.input('norsk')).toBeFocused()
    await closeWithEscape(page, screen.dialog)

    await expect(screen.summary('norsk')).toHaveText('21,5')
    await expect(screen.summary('samfunn')).toHaveText('3,5')
    await expect(screen.summary('absence')).toHaveText('2')
    await expect(screen.summary('weeks')).toHaveText('3')
    await expect(screen.summary('average')).toHaveText('7,17')
    // Newest first, each row marked as not yet sent to the register.
    await expect(screen.rows.first()).toContainText(String(weeks[2]!.isoWeek))
    await expect(screen.rows.first().getByTestId('sync-badge')).toBeVisible()
    await screens('deltaking-norsk-three-weeks-nb')

    // Sortable by every column by keyboard: Norsk ascending puts the 6-hour week first.
    await page.getByRole('columnheader', { name: nb.participationUi.weekly.columns.norskHours }).focus()
    await page.keyboard.press('Enter')
    await expect(screen.rows.first()).toContainText(String(weeks[0]!.isoWeek))
    await page.getByRole('columnheader', { name: nb.participationUi.weekly.columns.year }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect(screen.rows.first()).toContainText(String(weeks[2]!.isoWeek))

    // Edit the newest week: the dialog says the week is registered and saving edits it.
    await screen.row(weeks[2]!.isoYear, weeks[2]!.isoWeek).getByTestId('weekly-edit').focus()
    await page.keyboard.press('Enter')
    await expect(screen.existing).toContainText(lead(nb.participationUi.weekly.dialog.editsExisting.replace('{week}', String(weeks[2]!.isoWeek))))
    await expect(screen.input('norsk')).toHaveValue('8')
    await screen.typeWeek('10', '2', '0')
    await expect(screen.saved).toHaveText(`Uke ${weeks[2]!.isoWeek} lagret`)
    await closeWithEscape(page, screen.dialog)
    await expect(screen.rows).toHaveCount(3)
    await expect(screen.summary('norsk')).toHaveText('23,5')

    // Delete the oldest week after the question.
    await screen.row(weeks[0]!.isoYear, weeks[0]!.isoWeek).getByTestId('weekly-delete').focus()
    await page.keyboard.press('Enter')
    await expect(screen.deleteDialog).toBeVisible()
    await expectAccessible(page, 'delete week question')
    await page.getByTestId('weekly-delete-confirm').focus()
    await page.keyboard.press('Enter')
    await expect(screen.rows).toHaveCount(2)
    await expect(screen.summary('norsk')).toHaveText('17,5')
    await expect(screen.summary('average')).toHaveText('8,75')

    // Refused: not a number is said beside its field before anything is sent.
    const before = (await personView(page, personId)).bundle.weeklyParticipation
    await screen.register.focus()
    await page.keyboard.press('Enter')
    await screen.typeWeek('5', 'sju', '')
    await expect(screen.message('samfunn')).toHaveText(nb.participationUi.weekly.dialog.notANumber)

    // Refused by the rules: every field's reason beside it at once (R0), nothing saved.
    const old = weekOf(mondayWeeksBack(12))
    await screen.input('year').fill(String(old.isoYear))
    await screen.input('week').fill(String(old.isoWeek))
    await screen.input('norsk').fill('30')
    await screen.input('samfunn').fill('8,1')
    await screen.input('absence').fill('5')
    await screen.input('absence').press('Enter')
    await expect(screen.message('norsk')).toContainText(lead(nb.reasons.WEEK_HOURS_MAX))
    await expect(screen.message('samfunn')).toContainText(lead(nb.reasons.HOURS_STEP))
    await expect(screen.message('week')).toContainText(lead(nb.reasons.WEEK_BEFORE_START))
    await expect(screen.message('week')).toContainText(lead(nb.reasons.BACK_REGISTRATION_WINDOW))
    await expect(screen.saved).toHaveText('')
    await expectAccessible(page, 'weekly dialog with refusals')
    await screens('deltaking-norsk-refused-nb')
    await closeWithEscape(page, screen.dialog)
    expect((await personView(page, personId)).bundle.weeklyParticipation).toEqual(before)
  })

  test('nynorsk: the screen, the dialog and its live message', async ({ page, stack, screens }) => {
    const start = mondayWeeksBack(3)
    const personId = await personInNorskTraining(page, stack, 'norsk', start)
    const screen = new NorskParticipationPage(page)
    await screen.open(personId)
    const shell = new AppShellPage(page)
    await shell.switchLanguage('nn')
    await expect(page.getByRole('heading', { level: 2, name: nn.participationUi.weekly.heading })).toBeVisible()
    await expect(page.getByTestId('menu-deltaking-norsk')).toHaveText(nn.person.menu.weeklyParticipationNorsk)
    await screen.register.focus()
    await page.keyboard.press('Enter')
    const w = weekOf(start)
    await expect(screen.input('week')).toHaveValue(String(w.isoWeek))
    await screen.typeWeek('4', '', '')
    await expect(screen.saved).toHaveText(`Veke ${w.isoWeek} lagra`)
    await expectAccessible(page, 'weekly dialog nn')
    await screens('deltaking-norsk-dialog-nn')
    await closeWithEscape(page, screen.dialog)
    await expect(screen.rows).toHaveCount(1)
    await expectAccessible(page, 'deltaking norsk nn')
    await screens('deltaking-norsk-nn')
  })

  test('R9 a user without the norsk role sees the weeks but every registration control is off, the reason said once', async ({ page, stack }) => {
    const personId = await personInNorskTraining(page, stack, 'norsk', mondayWeeksBack(2))
    await new LoginPage(page).ensureLoggedIn('intro', DEMO_PASSWORD)
    const screen = new NorskParticipationPage(page)
    await screen.open(personId)
    await expect(page.getByTestId('weekly-read-only')).toHaveText(nb.participationUi.access.noRole)
    await expect(screen.register).toBeDisabled()
    await expectAccessible(page, 'deltaking norsk read-only')
  })
})
