import type { Locator, Page } from '@playwright/test'
import type { PersonView } from '../../src/shared/api'
import { messages } from '../../src/shared/i18n'
import { initialCodeLists } from '../../src/shared/reference/initial-code-lists'
import { offeredDecisionTypesOf, snapshotFromBase } from '../../src/shared/rules'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { importRows, norskPerson } from './support/sync-devices'
import { closeWithEscape } from './support/overlays'

async function personView(page: Page, personId: string): Promise<PersonView> {
  const body = (await (await hostPost(page.request, 'persons.get', { personId })).json()) as { ok: boolean; value: PersonView }
  expect(body.ok).toBe(true)
  return body.value
}

/** Today in Europe/Oslo, `YYYY-MM-DD`, shifted by `days`. */
const osloDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' })

/**
 * A refugee (UTL28) whose first permit, 20 Dec 2020, falls under the act the rules implement,
 * settled by agreement in Bergen 60 days ago: `rett og plikt`, offered a programme (R3, R4).
 */
async function refugeeOfferedProgramme(page: Page, stack: Stack): Promise<string> {
  const p = norskPerson('Tidslinje', 'Fristsen')
  const [person, permit, settlement] = p.rows
  const rows = [person, { ...permit, groundCode: 'UTL28', validFrom: '2020-12-20', grantedDate: '2020-12-20' }, { ...settlement, date: osloDay(-60), byAgreement: true }]
  await importRows(stack.registerUrl, rows)
  await new AppShellPage(page).syncChip.click()
  await expect(new AppShellPage(page).syncChip).toHaveAttribute('data-state', 'upToDate')
  // the chip's pull may still be bringing the new person in
  await expect.poll(async () => ((await (await hostPost(page.request, 'persons.get', { personId: p.id })).json()) as { ok: boolean }).ok, { timeout: 30_000 }).toBe(true)
  const view = await personView(page, p.id)
  expect(offeredDecisionTypesOf(snapshotFromBase(view.bundle, initialCodeLists), 'intro', view.evaluation)).toContain('INTRO_PROGRAM')
  return p.id
}

async function register(page: Page, decision: Record<string, unknown>): Promise<void> {
  const res = (await (await hostPost(page.request, 'decision.register', { id: crypto.randomUUID(), scheme: 'intro', result: 'innvilga', ...decision })).json()) as { ok: boolean }
  expect(res.ok, JSON.stringify(res)).toBe(true)
}

/** The dialog has faded in: a screenshot mid-transition shows the page through it. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.v-overlay--active .v-overlay__content').last()).toHaveCSS('opacity', '1')
}

/**
 * No two texts of the chart (dated-line labels, axis dates, row names) overlap: each is a
 * `<text>` of the SVG, compared by its box on screen. Waits for a resize to be redrawn.
 */
async function expectLabelsApart(chart: Locator): Promise<void> {
  await expect
    .poll(
      async () =>
        chart.locator('svg text').evaluateAll((texts) => {
          const boxes = texts.map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() })).filter((b) => b.text.trim() && b.r.width > 0)
          const clashes: string[] = []
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.r
              const b = boxes[j]!.r
              // 1 px of slack: neighbouring lines of one label touch
              if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) clashes.push(`${boxes[i]!.text} × ${boxes[j]!.text}`)
            }
          return clashes
        }),
      { timeout: 5_000 },
    )
    .toEqual([])
}

test.describe('deadline timeline under the calculation log (R5.2, R11.6)', () => {
  test.describe.configure({ timeout: 300_000 })
  test.beforeEach(async ({ page }) => {
    await new LoginPage(page).ensureLoggedIn('intro', DEMO_PASSWORD)
  })

  test('the completion deadline’s log shows its steps and, hidden from screen readers, the timeline with start, 2 years, the leave, the deadline and today; axe in nb and nn; keyboard', async ({
    page,
    stack,
    screens,
  }) => {
    const personId = await refugeeOfferedProgramme(page, stack)
    await register(page, { personId, type: 'INTRO_PROGRAM', decisionDate: osloDay(-3), startDate: osloDay(-3) })
    await register(page, {
      personId,
      type: 'INTRO_PERMISJON',
      decisionDate: osloDay(-1),
      startDate: osloDay(10),
      endDate: osloDay(20),
      leaveType: 'INTRO_VELFERD',
      leaveUnit: 'kalenderdagar',
    })

    await page.setViewportSize({ width: 800, height: 900 })
    await page.goto(`/#/person/${personId}/detaljar`)
    const completion = page.locator('[data-testid="scheme-row"][data-scheme="intro"] [data-deadline="introCompletion"]')
    await expect(completion).toBeVisible()
    // by keyboard: focus the "i" and press Enter
    await completion.getByTestId('scheme-deadline-log-button').focus()
    await page.keyboard.press('Enter')
    const log = page.getByTestId('calculation-log')
    await expect(log).toBeVisible()
    await expect(log.getByTestId('calculation-log-step').first()).toContainText('R5.2')
    const timeline = log.getByTestId('deadline-timeline')
    await expect(timeline).toHaveAttribute('aria-hidden', 'true')
    const chart = timeline.getByTestId('deadline-timeline-chart')
    await expect(chart.locator('svg')).toBeVisible()
    const nb = messages.nb.timelineUi
    for (const word of [nb.rows.programme, nb.rows.leave, nb.marks.programmeStart, nb.marks.twoYears, nb.marks.deadline, nb.marks.today]) await expect(chart).toContainText(word)
    await expectAccessible(page, 'calculation log with timeline, nb')
    await screens('deadline-timeline-nb')
    await expectLabelsApart(chart)
    // the dialog's full width on a laptop screen
    await page.setViewportSize({ width: 1366, height: 900 })
    await expectLabelsApart(chart)
    await screens('deadline-timeline-nb-1366')
    await page.setViewportSize({ width: 800, height: 900 })
    await closeWithEscape(page, log)
    // focus goes back to the "i" that opened it
    await expect(completion.getByTestId('scheme-deadline-log-button')).toBeFocused()

    await new AppShellPage(page).switchLanguage('nn')
    await completion.getByTestId('scheme-deadline-log-button').click()
    await expect(log).toBeVisible()
    await expect(log.getByTestId('deadline-timeline-chart')).toContainText(messages.nn.timelineUi.rows.programme)
    await expectAccessible(page, 'calculation log with timeline, nn')
    await screens('deadline-timeline-nn')
    await expectLabelsApart(log.getByTestId('deadline-timeline-chart'))
    await closeWithEscape(page, log)
    await new AppShellPage(page).switchLanguage('nb')
  })

  test('R5.1 a granted programme start after today shows on the start deadline’s timeline as planned, between today and the deadline; its step says so; nb and nn', async ({
    page,
    stack,
    screens,
  }) => {
    const personId = await refugeeOfferedProgramme(page, stack)
    // settled 60 days ago by agreement: the deadline is in about 30 days; the start in 5
    await register(page, { personId, type: 'INTRO_PROGRAM', decisionDate: osloDay(-1), startDate: osloDay(5) })

    await page.setViewportSize({ width: 800, height: 900 })
    await page.goto(`/#/person/${personId}/detaljar`)
    const start = page.locator('[data-testid="scheme-row"][data-scheme="intro"] [data-deadline="introStart"]')
    await expect(start).toBeVisible()
    await start.getByTestId('scheme-deadline-log-button').focus()
    await page.keyboard.press('Enter')
    const log = page.getByTestId('calculation-log')
    await expect(log).toBeVisible()
    // the words a screen reader hears: the planned day, not "no start"
    await expect(log.getByTestId('calculation-log-step').last()).toContainText(osloDay(5).split('-').reverse().join('.'))
    const chart = log.getByTestId('deadline-timeline-chart')
    const nb = messages.nb.timelineUi.marks
    for (const word of [nb.settlement, nb.today, nb.plannedStart, nb.deadline]) await expect(chart).toContainText(word)
    await expectLabelsApart(chart)
    await settled(page)
    await screens('deadline-timeline-planned-start-nb')
    await closeWithEscape(page, log)

    await new AppShellPage(page).switchLanguage('nn')
    await start.getByTestId('scheme-deadline-log-button').click()
    await expect(log.getByTestId('deadline-timeline-chart')).toContainText(messages.nn.timelineUi.marks.plannedStart)
    await expectLabelsApart(log.getByTestId('deadline-timeline-chart'))
    await settled(page)
    await screens('deadline-timeline-planned-start-nn')
    await closeWithEscape(page, log)
    await new AppShellPage(page).switchLanguage('nb')
  })
})
