import { addMonths, addYears, type IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import type { Category } from './categories'
import { completionDeadline } from './deadlines-intro-completion'
import { deadline, type Deadline } from './deadline'
import { step, type Step } from './explanation'
import { paramValue } from './parameters'
import { earliestStart, grantedOf, latestSettlement } from './queries'

/**
 * R5.1 / R11.5 start deadline, for `rett og plikt` only (the category that gives a right).
 * Settled by agreement → settlement + 3 months. Otherwise the earliest intro claim + 3
 * months — also when the claim is dated before settlement; no claim → no deadline yet; a
 * claim later than settlement + 2 years gives no right → no deadline.
 * Overdue: today after the deadline and no granted programme start on or before today.
 */
export function introStartDeadline(s: PersonSnapshot, cat: Category, today: IsoDate): Deadline | null {
  if (cat.kind !== 'rett_og_plikt') return null
  const settlement = latestSettlement(s)
  const steps: Step[] = []
  let base: IsoDate
  if (settlement?.byAgreement) {
    base = settlement.date
    steps.push(step('R5.1', 'introStartFromSettlement', { settlement: settlement.date }))
  } else {
    const claim = earliestIntroClaim(s)
    if (!claim) return null
    if (settlement) {
      const years = paramValue('introClaimWindowYears', settlement.date)
      const windowEnd = addYears(settlement.date, years)
      if (claim > windowEnd) return null
      steps.push(step('R5.1', 'introClaimWindow', { settlement: settlement.date, years, windowEnd, claim }))
    }
    base = claim
    steps.push(step('R5.1', 'introStartFromClaim', { claim }))
  }
  const months = paramValue('introStartDeadlineMonths', base)
  const date = addMonths(base, months)
  steps.push(step('R5.1', 'introStartDate', { base, months, date }))
  const first = earliestStart(grantedOf(s, 'INTRO_PROGRAM'))
  const started = first !== null && first.startDate <= today
  // a granted start after today is said as planned: not met yet, but the caseworker sees when
  steps.push(step('R5.1', started ? 'startedOn' : first ? 'plannedStart' : 'notStarted', { start: first?.startDate ?? null, today }))
  return deadline('introStart', date, today, first?.startDate ?? null, steps)
}

/** The earliest intro claim date, or null. */
function earliestIntroClaim(s: PersonSnapshot): IsoDate | null {
  let hit: IsoDate | null = null
  for (const c of s.registrations.claims) if (c.scheme === 'intro' && (!hit || c.date < hit)) hit = c.date
  return hit
}

/**
 * Both intro deadlines for a category: start (R5.1, `rett og plikt` only) and completion
 * (R5.2, once a programme is granted). Overdue completion: today after the deadline and the
 * programme not ended (R4 `avslutta`: an ending, or a granted permanent stop) by today.
 */
export function introDeadlines(s: PersonSnapshot, cat: Category | null, today: IsoDate): Deadline[] {
  const out: Deadline[] = []
  const start = cat ? introStartDeadline(s, cat, today) : null
  if (start) out.push(start)
  const completion = completionDeadline(s)
  if (completion) out.push(deadline('introCompletion', completion.date, today, introEndedOn(s), completion.steps))
  return out
}

/** The first day R4 judges the programme `avslutta` (as `introStatus`): the earliest ending or granted permanent stop. */
function introEndedOn(s: PersonSnapshot): IsoDate | null {
  const days = [...s.registrations.endings.map((e) => e.endDate), ...grantedOf(s, 'INTRO_PERMANENT_STANS').map((d) => d.decisionDate)]
  return days.length ? days.reduce((a, b) => (b < a ? b : a)) : null
}
