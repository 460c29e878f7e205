import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { messages } from '../../src/shared/i18n'
import { parseCsv, type MunicipalityReports } from '../../src/shared/reports'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { syncNow } from './support/sync-now'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages

/** The rows of a report's table as the screen shows them (cell texts). */
async function tableRows(section: Locator): Promise<string[][]> {
  const rows = section.getByTestId('report-row')
  const out: string[][] = []
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).getByTestId('report-cell').allInnerTexts()).map((s) => s.trim()))
  return out
}

async function downloaded(page: Page, button: Locator): Promise<{ name: string; path: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()])
  const path = await dl.path()
  return { name: dl.suggestedFilename(), path: path! }
}

async function registerReports(registerUrl: string): Promise<MunicipalityReports> {
  const login = await fetch(`${registerUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'super', password: DEMO_PASSWORD }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const res = await fetch(`${registerUrl}/reports/municipality/4601`, { headers: { authorization: `Bearer ${accessToken}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as MunicipalityReports
}

test('D11 Rapportar: the reports as tables and charts, a count opens its persons, CSV and XLSX hold the figures on the screen, the register agrees; nb and nn with axe; keyboard', async ({
  page,
  stack,
  screens,
}) => {
  // Two downloads, two languages and a keyboard walk on a shared, loaded machine.
  test.setTimeout(300_000)
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  const shell = new AppShellPage(page)
  await new LoginPage(page).ensureLoggedIn('super', DEMO_PASSWORD)
  // The suite's other specs change the shared register (pushes, imported persons): the device
  // must have pulled all of it before its figures can equal the register's.
  await syncNow(page.request)
  await shell.go('reports')
  await expect(page.getByRole('heading', { level: 1, name: nb.reportsUi.heading })).toBeVisible()
  const statuses = page.getByTestId('report-statuses')
  await expect(statuses.getByTestId('report-row').first()).toBeVisible({ timeout: 30_000 })
  await expect(statuses.getByTestId('report-chart')).toHaveAttribute('aria-hidden', 'true')
  await screens('reports-nb')

  // The figures on the screen are the register's for the same municipality (the device computed them offline).
  const shown = await tableRows(statuses)
  const onRegister = await registerReports(stack.registerUrl)
  expect(shown.map((r) => Number(r[2]))).toEqual(onRegister.statuses.map((r) => r.count))
  expect(shown.map((r) => r[1])).toEqual(onRegister.statuses.map((r) => nb.explanations.statuses[r.status]))
  const deadlines = await tableRows(page.getByTestId('report-deadlinesDue'))
  expect(
    deadlines
      .map((r) =>
        r
          .slice(1)
          .map(Number)
          .reduce((a, b) => a + b, 0),
      )
      .reduce((a, b) => a + b, 0),
  ).toBe(onRegister.deadlinesDue.reduce((s, r) => s + r.count, 0))

  // Click-through: the first count lists that many persons, each a link to the person.
  const firstCount = statuses.getByTestId('report-count').first()
  const n = Number((await firstCount.innerText()).trim())
  await firstCount.click()
  const dialog = page.getByTestId('report-persons')
  await expect(dialog.getByTestId('report-person-link')).toHaveCount(n)
  await screens('reports-persons-nb')
  await dialog.getByTestId('report-person-link').first().click()
  await expect(page).toHaveURL(/#\/person\/[^/]+\/grunndata/)
  await page.goBack()
  await expect(statuses.getByTestId('report-row').first()).toBeVisible({ timeout: 30_000 })

  // CSV: Norwegian Excel's `;` with a BOM, every report's title, header and rows as on the screen.
  const csv = await downloaded(page, page.getByTestId('reports-csv'))
  expect(csv.name).toMatch(/^rapportar-4601-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync(csv.path, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const records = parseCsv(text)
  const at = records.findIndex((r) => r[0] === nb.reportsUi.reports.statuses)
  expect(records[at + 1]).toEqual([nb.reportsUi.columns.scheme, nb.reportsUi.columns.status, nb.reportsUi.columns.persons])
  expect(records.slice(at + 2, at + 2 + shown.length)).toEqual(shown)
  const dAt = records.findIndex((r) => r[0] === nb.reportsUi.reports.deadlinesDue)
  expect(records.slice(dAt + 2, dAt + 2 + deadlines.length)).toEqual(deadlines)

  // XLSX read back with exceljs: one sheet per report, numbers as numbers.
  const xlsx = await downloaded(page, page.getByTestId('reports-xlsx')).catch((e: unknown) => {
    throw new Error(`no XLSX download (page errors: ${pageErrors.join('; ') || 'none'}): ${String(e)}`)
  })
  expect(xlsx.name).toMatch(/\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(xlsx.path)
  const sheet = wb.getWorksheet(nb.reportsUi.reports.statuses)!
  const values: (string | number)[][] = []
  sheet.eachRow((row, i) => {
    if (i > 3) values.push((row.values as (string | number)[]).slice(1))
  })
  expect(values).toEqual(shown.map((r) => [r[0], r[1], Number(r[2])]))
  await expect(page.getByTestId('reports-exported')).toContainText(xlsx.name)

  // A period ending before it starts is said beside the field, and the figures stay.
  await page.getByTestId('reports-to').locator('input').fill('2020-01-01')
  await page.getByTestId('reports-from').locator('input').fill('2020-02-01')
  await page.getByTestId('reports-update').click()
  await expect(page.getByTestId('reports-to')).toContainText(nb.reportsUi.toBeforeFrom)
  expect(await tableRows(statuses)).toEqual(shown)

  // Keyboard only: Tab to the first count, Enter opens its persons, Enter on Lukk closes.
  await page.getByTestId('reports-xlsx').focus()
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'report-count')) break
  }
  await expect(firstCount).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  // Closed by its button from the keyboard: Vuetify gives Escape only to the topmost overlay,
  // and a notice (snackbar) that happens to be showing takes it.
  await page.getByTestId('report-persons-close').focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  await shell.switchLanguage('nn')
  await expect(page.getByRole('heading', { level: 1, name: nn.reportsUi.heading })).toBeVisible()
  await expect(statuses.getByRole('heading', { name: nn.reportsUi.reports.statuses })).toBeVisible()
  // The error shown before the switch is re-worded too.
  await expect(page.getByTestId('reports-to')).toContainText(nn.reportsUi.toBeforeFrom)
  await screens('reports-nn')
  await statuses.getByTestId('report-count').first().click()
  await expect(dialog).toBeVisible()
  await expectAccessible(page, 'reports-persons-nn')
  await closeWithEscape(page, dialog)
  await shell.switchLanguage('nb')
  expect(pageErrors).toEqual([])
})
