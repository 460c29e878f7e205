import { expect, type Page } from '@playwright/test'
import type { PersonView } from '../../../src/shared/api'
import { addDays, isoWeek, type IsoDate } from '../../../src/shared/calendar'
import { initialCodeLists } from '../../../src/shared/reference/initial-code-lists'
import { offeredDecisionTypesOf, snapshotFromBase } from '../../../src/shared/rules'
import { inMunicipality } from './choose'
import type { Stack } from './fixtures'
import { hostPost } from './host-api'

/** Today in Europe/Oslo (the app's "today"), `YYYY-MM-DD`, shifted by `days`. */
export function osloDay(days = 0): IsoDate {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' })
}

/** The Monday of the ISO week `weeksBack` weeks before this one. */
export function mondayWeeksBack(weeksBack: number): IsoDate {
  const today = osloDay()
  const dow = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7
  return addDays(today, -dow - 7 * weeksBack)
}

export const weekOf = (date: IsoDate) => {
  const w = isoWeek(date)
  return { isoYear: w.year, isoWeek: w.week }
}

/** The device's view of a person, read through the contract as the screen reads it. */
export async function personView(page: Page, personId: string): Promise<PersonView> {
  const body = (await (await hostPost(page.request, 'persons.get', { personId })).json()) as { ok: boolean; value: PersonView }
  expect(body.ok).toBe(true)
  return body.value
}

const used = new Set<string>()

/**
 * A demo person of Bergen in Norwegian training from `start`: one the rules offer a
 * right-and-duty decision and who has no decision yet (searched from the end of the list, so
 * the Norsk screen's spec, which searches from the start, picks others), granted through the
 * contract as the Norsk screen would save it.
 */
export async function personInNorskTraining(page: Page, stack: Stack, user: string, start: IsoDate): Promise<string> {
  const scope = await stack.scope(user)
  for (const p of [...inMunicipality(scope, '4601')].reverse()) {
    if (p.closed || used.has(p.id)) continue
    const view = await personView(page, p.id)
    if (view.bundle.decisions.length || view.bundle.weeklyParticipation.length) continue
    const offered = offeredDecisionTypesOf(snapshotFromBase(view.bundle, initialCodeLists), 'norsk', view.evaluation)
    if (!offered.includes('NORSK_RETT_OG_PLIKT')) continue
    used.add(p.id)
    const decision = {
      id: crypto.randomUUID(),
      personId: p.id,
      scheme: 'norsk',
      type: 'NORSK_RETT_OG_PLIKT',
      result: 'innvilga',
      decisionDate: osloDay(-3),
      startDate: start,
    }
    const res = await (await hostPost(page.request, 'decision.register', decision)).json()
    expect(res.ok, JSON.stringify(res)).toBe(true)
    return p.id
  }
  throw new Error('no person in the demo data is offered a right-and-duty Norwegian decision')
}
