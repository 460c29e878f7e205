import type { Locator, Page } from '@playwright/test'

/** Synkproblem (A4): the list grouped by person, its actions and its two dialogs. */
export class SyncProblemsPage {
  readonly heading: Locator
  readonly empty: Locator
  readonly keepDialog: Locator
  readonly conflictDialog: Locator

  constructor(readonly page: Page) {
    this.heading = page.locator('#sync-problems-heading')
    this.empty = page.getByTestId('sync-problems-empty')
    this.keepDialog = page.getByTestId('sync-keep-dialog')
    this.conflictDialog = page.getByTestId('sync-conflict-dialog')
  }

  async open(): Promise<void> {
    await this.page.goto('/#/synkproblem')
  }

  group(personId: string): Locator {
    return this.page.locator(`[data-testid="sync-problem-group"][data-person-id="${personId}"]`)
  }

  problem(mutationId: string): Locator {
    return this.page.locator(`[data-testid="sync-problem"][data-mutation-id="${mutationId}"]`)
  }

  /** The row of one input field in a problem's table (its value and the reason beside it). */
  field(problem: Locator, name: string): Locator {
    return problem.locator(`[data-testid="sync-problem-field"][data-field="${name}"]`)
  }

  compareRow(name: string): Locator {
    return this.conflictDialog.locator(`[data-testid="sync-compare-row"][data-field="${name}"]`)
  }
}
