import type { Page } from '@playwright/test'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { SyncProblemsPage } from './pages/SyncProblemsPage'
import { expectAccessible } from './support/accessibility'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { hostPost } from './support/host-api'
import { syncNow } from './support/sync-now'
import { grantedDecision, importRows, moved, norskPerson, saveOnDevice, startSecondDevice, today, weekRow } from './support/sync-devices'
import { addDays } from '../../src/shared/calendar'
import type { PersonView } from '../../src/shared/api'
import { closeWithEscape } from './support/overlays'

const USER = 'norsk'
/** Vuetify's dialog and button transitions end before a screenshot shows the screen at rest. */
const settled = (p: Page) => p.waitForTimeout(500)
/** The `screens` fixture photographs the first laptop's page; the second laptop's the same way. */
async function shoot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })
  await expectAccessible(p, name)
}
const formatted = (iso: string) => iso.split('-').reverse().join('.')

test.describe.configure({ mode: 'serial' })

test('A4/R9 a contact refused by the register because the person moved meanwhile appears in Sync problems with the reason beside the person; fix opens the dialog pre-filled, keep the register’s version clears it', async ({
  page,
  stack,
  screens,
}) => {
  // Two syncs, a register restart and a scope exit: more than the default on two shared cores.
  test.setTimeout(180_000)
  const shell = new AppShellPage(page)
  const problems = new SyncProblemsPage(page)
  const person = norskPerson('Mona', 'Flyttar')
  // A namesake with nothing unsent, so the search result has a person the filters leave out.
  const namesake = norskPerson('Mons', 'Flyttar')
  await importRows(stack.registerUrl, [...person.rows, ...namesake.rows])
  await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  await shell.syncChip.click()
  // The chip may say upToDate before its cycle has pulled the imported persons.
  await syncNow(page.request)
  const pinned = await hostPost(page.request, 'personList.add', { personId: person.id })
  expect(((await pinned.json()) as { ok: boolean }).ok).toBe(true)

  // The person moves to Oslo on the register, and the laptop goes offline before it pulls that.
  await importRows(stack.registerUrl, moved(person, '0301'))
  await stack.stopRegister()
  // Offline: the contact is saved on the laptop and waits; the chip says so.
  const yesterday = addDays(today(), -1)
  const mutationId = await saveOnDevice(page.request, 'contact.register', { id: crypto.randomUUID(), personId: person.id, scheme: 'norsk', date: yesterday })
  await shell.syncChip.click()
  await expect(shell.syncChip).toHaveAttribute('data-pending', '1')
  await expect(shell.syncChip).toContainText('1 venter på å bli sendt')

  // Arbeidsflate (opened anew: pinned through the contract): the person carries "Ikke sendt",
  // and the filters narrow to unsynced work (A4).
  await shell.go('persons')
  await shell.go('workspace')
  const row = page.getByTestId('person-list-row').filter({ hasText: person.lastName })
  await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-mark', 'pending')
  await page.getByTestId('sync-filter-notSynced').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('sync-filter-notSynced')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('person-list-row')).toHaveCount(1)
  await settled(page)
  await screens('sync-workspace-filter-not-synced')
  await page.getByTestId('sync-filter-problem').click()
  await expect(page.getByTestId('sync-filter-none')).toBeVisible()
  await page.getByTestId('sync-filter-all').click()

  // Back online, the push meets R9 on the register: the person is followed up elsewhere now.
  await stack.startRegister()
  await shell.syncChip.click()
  await expect(shell.syncChip).toHaveAttribute('data-problems', '1', { timeout: 30_000 })
  await expect(shell.syncChip).toContainText('Problemer (1)')

  // The person moved but stays on the laptop, read-only, marked with the problem.
  await shell.go('persons')
  await shell.go('workspace')
  await expect(page.getByTestId('workspace-sync-problems')).toBeVisible()
  await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-mark', 'problem')
  await page.getByTestId('sync-filter-problem').click()
  await expect(page.getByTestId('person-list-row')).toHaveCount(1)
  await settled(page)
  await screens('sync-workspace-filter-problem')
  await page.getByTestId('sync-filter-all').click()

  // The search result marks the person too, and filters the same way.
  await page.goto('/#/personar?q=Flyttar')
  const hits = page.getByTestId('search-hit')
  await expect(hits).toHaveCount(2)
  await expect(hits.filter({ hasText: 'Mona' }).getByTestId('sync-badge')).toHaveAttribute('data-mark', 'problem')
  await expect(hits.filter({ hasText: 'Mons' }).getByTestId('sync-badge')).toHaveCount(0)
  await page.getByTestId('sync-filter-problem').click()
  await expect(hits).toHaveCount(1)
  await expect(hits).toContainText('Mona')
  await settled(page)
  await screens('sync-search-filter-problem')

  // The chip with an open problem leads to Sync problems.
  await shell.syncChip.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/synkproblem$/)
  const card = problems.problem(mutationId)
  await expect(problems.group(person.id).getByTestId('sync-problem-person')).toHaveText(`${person.firstName} ${person.lastName}`)
  await expect(card.getByTestId('sync-problem-title')).toHaveText(`Kontakt med person (norsk og samfunnskunnskap), ${formatted(yesterday)}`)
  await expect(card).toHaveAttribute('data-verdict', 'rejected')
  await expect(problems.field(card, 'personId').getByTestId('sync-problem-reason')).toHaveText('Personen følges ikke opp av din kommune eller bydel.')
  await expect(problems.field(card, 'date')).toContainText(formatted(yesterday))
  await screens('sync-problems-rejected-nb')
  // The confirmation can be cancelled: nothing is resolved.
  await card.getByTestId('sync-problem-keep').click()
  await expect(problems.keepDialog).toContainText(`«Kontakt med person (norsk og samfunnskunnskap), ${formatted(yesterday)}», blir forkastet`)
  await settled(page)
  await screens('sync-keep-dialog-nb')
  await problems.keepDialog.getByTestId('sync-keep-cancel').click()
  await expect(problems.keepDialog).toBeHidden()
  await expect(card).toBeVisible()

  // Rett og send på nytt: the Norsk screen opens the contact dialog with what was saved.
  await card.getByTestId('sync-problem-fix').click()
  await expect(page).toHaveURL(new RegExp(`#/person/${person.id}/norsk\\?fix=${mutationId}`))
  await expect(page.getByTestId('contact-dialog')).toBeVisible()
  await expect(page.getByTestId('contact-dialog').locator('input')).toHaveValue(yesterday)
  await expect(page.getByTestId('banner-kept-after-scope-exit')).toBeVisible()
  await closeWithEscape(page, page.getByTestId('contact-dialog'))

  await problems.open()
  await shell.switchLanguage('nn')
  await expect(problems.field(card, 'personId').getByTestId('sync-problem-reason')).toHaveText('Personen blir ikkje følgd opp av kommunen eller bydelen din.')
  await screens('sync-problems-rejected-nn')

  // Behald versjonen til registeret, by keyboard, after the confirmation.
  await card.getByTestId('sync-problem-keep').focus()
  await page.keyboard.press('Enter')
  await expect(problems.keepDialog).toBeVisible()
  await settled(page)
  await screens('sync-keep-dialog-nn')
  await problems.keepDialog.getByTestId('sync-keep-confirm').focus()
  await page.keyboard.press('Enter')
  await expect(problems.empty).toBeVisible()
  await expect(shell.syncChip).toHaveAttribute('data-problems', '0')
  await expect(shell.syncChip).toHaveAttribute('data-pending', '0')
  await shell.switchLanguage('nb')
})

test('A4 two laptops register the same week: the second gets a conflict and overwrites knowingly after the side-by-side view; the first then holds its hours', async ({
  page,
  browser,
  stack,
}) => {
  test.setTimeout(240_000)
  const shell1 = new AppShellPage(page)
  const person = norskPerson('Vera', 'Tovegs')
  await importRows(stack.registerUrl, person.rows)
  await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  await shell1.switchLanguage('nb')
  await shell1.syncChip.click()
  // The chip may still say upToDate from before the click: wait for the imported person itself.
  await expect.poll(async () => ((await (await hostPost(page.request, 'persons.get', { personId: person.id })).json()) as { ok: boolean }).ok, { timeout: 60_000 }).toBe(true)
  await saveOnDevice(page.request, 'decision.register', grantedDecision(person.id))
  await shell1.syncChip.click()
  await expect(shell1.syncChip).toHaveAttribute('data-pending', '0', { timeout: 30_000 })

  const device2 = await startSecondDevice(stack.registerUrl)
  const context2 = await browser.newContext({ baseURL: device2.baseURL })
  try {
    const page2 = await context2.newPage()
    const shell2 = new AppShellPage(page2)
    const problems = new SyncProblemsPage(page2)
    await new LoginPage(page2).ensureLoggedIn(USER, DEMO_PASSWORD)
    await expect(shell2.syncChip).toHaveAttribute('data-state', 'upToDate', { timeout: 120_000 })

    // Laptop 1 registers last week with 6 hours and sends it; laptop 2, not yet pulled, 8 hours.
    await saveOnDevice(page.request, 'norsk.saveWeeklyParticipation', weekRow(person.id, 1, 6))
    await shell1.syncChip.click()
    await expect(shell1.syncChip).toHaveAttribute('data-pending', '0', { timeout: 30_000 })
    const mine = weekRow(person.id, 1, 8)
    const mutationId = await saveOnDevice(page2.request, 'norsk.saveWeeklyParticipation', mine)
    await shell2.syncChip.click()
    await expect(shell2.syncChip).toHaveAttribute('data-problems', '1', { timeout: 30_000 })

    await shell2.syncChip.click()
    await expect(page2).toHaveURL(/#\/synkproblem$/)
    const card = problems.problem(mutationId)
    const week = `${mine.isoYear}-${String(mine.isoWeek).padStart(2, '0')}`
    await expect(card.getByTestId('sync-problem-title')).toHaveText(`Ukeregistrering norsk, uke ${week}`)
    await expect(card).toHaveAttribute('data-verdict', 'conflict')
    await expect(card.getByTestId('sync-problem-verdict')).toHaveText('Konflikt: finnes allerede i registeret')
    await shoot(page2, 'sync-problems-conflict-nb')

    // Rett og send på nytt opens the week dialog of Deltaking norsk with the 8 hours.
    await card.getByTestId('sync-problem-fix').click()
    await expect(page2).toHaveURL(new RegExp(`#/person/${person.id}/deltaking-norsk\\?fix=${mutationId}`))
    await expect(page2.getByTestId('weekly-dialog')).toBeVisible()
    await expect(page2.getByTestId('weekly-norsk').locator('input')).toHaveValue('8')
    await closeWithEscape(page2, page2.getByTestId('weekly-dialog'))
    await problems.open()

    // Side by side, by keyboard: the differing field is marked in words, the same ones not.
    await card.getByTestId('sync-problem-compare').focus()
    await page2.keyboard.press('Enter')
    await expect(problems.conflictDialog).toBeVisible()
    await expect(problems.compareRow('norskHours')).toHaveAttribute('data-differs', 'true')
    await expect(problems.compareRow('norskHours')).toContainText('Ulik')
    await expect(problems.compareRow('norskHours').locator('td').nth(0)).toHaveText('8')
    await expect(problems.compareRow('norskHours').locator('td').nth(1)).toHaveText('6')
    await expect(problems.compareRow('isoWeek')).toHaveAttribute('data-differs', 'false')
    await settled(page2)
    await shoot(page2, 'sync-conflict-side-by-side-nb')
    await closeWithEscape(page2, problems.conflictDialog)
    await shell2.switchLanguage('nn')
    await card.getByTestId('sync-problem-compare').click()
    await expect(problems.compareRow('norskHours')).toContainText('Ulik')
    await expect(problems.conflictDialog).toContainText('Det du starta frå')
    await settled(page2)
    await shoot(page2, 'sync-conflict-side-by-side-nn')

    await problems.conflictDialog.getByTestId('sync-overwrite').focus()
    await page2.keyboard.press('Enter')
    await expect(problems.empty).toBeVisible()
    await shoot(page2, 'sync-problems-empty-nn')
    await shell2.switchLanguage('nb')
    await expect(shell2.syncChip).toHaveAttribute('data-pending', '0', { timeout: 30_000 })
    await expect(shell2.syncChip).toHaveAttribute('data-problems', '0')

    // Laptop 1 pulls the overwritten week: the register holds the second caseworker's hours.
    await shell1.syncChip.click()
    await expect(shell1.syncChip).toHaveAttribute('data-state', 'upToDate')
    await expect
      .poll(async () => {
        const res = await hostPost(page.request, 'persons.get', { personId: person.id })
        const view = ((await res.json()) as { value: PersonView }).value
        return view.bundle.weeklyParticipation.filter((w) => `${w.isoYear}-${w.isoWeek}` === `${mine.isoYear}-${mine.isoWeek}`).map((w) => w.norskHours)
      })
      .toEqual([8])
  } finally {
    await context2.close()
    await device2.stop()
  }
})
