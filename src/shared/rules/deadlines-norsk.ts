import { addDays, addMonths, addYears, calendarDaysInclusive, type IsoDate } from '../calendar'
import type { Decision, PersonSnapshot } from '../domain'
import { step, type Step } from './explanation'
import { deadline, uncoveredInStartOrder, type Deadline } from './deadline'
import { paramValue } from './parameters'
import { earliestStart, grantedOf } from './queries'

/** Decision types that grant the base Norwegian training (R4). */
export const NORSK_BASE_TYPES = ['NORSK_RETT_OG_PLIKT', 'NORSK_RETT', 'NORSK_PLIKT'] as const

/** The granted base decision with the earliest start, if any. */
export function firstNorskStart(s: PersonSnapshot): (Decision & { startDate: IsoDate }) | null {
  return earliestStart(grantedOf(s, ...NORSK_BASE_TYPES))
}

/**
 * R6.2 start: the municipality must start within 3 months of the category's start, or of
 * the claim when a claim (NORSKOPPLAERING) is registered after the category's start — the
 * earliest such claim. Overdue: today after the deadline and no granted start on or before
 * today (as R11.5 reads it for the programme).
 */
export function norskStartDeadline(s: PersonSnapshot, categoryStart: IsoDate, today: IsoDate): Deadline {
  let claim: IsoDate | null = null
  for (const c of s.registrations.claims) {
    if (c.scheme === 'norsk' && c.kind === 'NORSKOPPLAERING' && c.date > categoryStart && (!claim || c.date < claim)) claim = c.date
  }
  const base = claim ?? categoryStart
  const months = paramValue('norskStartDeadlineMonths', base)
  const date = addMonths(base, months)
  const start = firstNorskStart(s)
  const started = start !== null && start.startDate <= today
  const steps: Step[] = [
    claim ? step('R6.2', 'norskStartFromClaim', { categoryStart, claim, months, date }) : step('R6.2', 'norskStartFromCategory', { categoryStart, months, date }),
    step('R6.2', started ? 'startedOn' : 'notStarted', { start: start?.startDate ?? null, today }),
  ]
  return deadline('norskStart', date, today, start?.startDate ?? null, steps)
}

/**
 * R6.2 free right: lapses 3 years after the category's start (`addYears(start, 3)`),
 * extended by each granted NORSK_PERMISJON and NORSK_UTSETT_OPPSTART by its calendar days;
 * overlapping periods count their shared days once (as R11.6 for leave). Extensions are
 * calendar days, so their order does not change the result.
 */
export function norskFreeRight(s: PersonSnapshot, categoryStart: IsoDate): { date: IsoDate; steps: Step[] } {
  const years = paramValue('norskFreeRightYears', categoryStart)
  let date = addYears(categoryStart, years)
  const steps: Step[] = [step('R6.2', 'norskFreeRightBase', { categoryStart, years, date })]
  const periods = grantedOf(s, 'NORSK_PERMISJON', 'NORSK_UTSETT_OPPSTART').flatMap((d) =>
    d.startDate && d.endDate ? [{ id: d.id, fromDate: d.startDate, toDate: d.endDate, type: d.type }] : [],
  )
  for (const { period, uncovered } of uncoveredInStartOrder(periods)) {
    const days = uncovered ? calendarDaysInclusive(uncovered.fromDate, uncovered.toDate) : 0
    const before = date
    date = addDays(date, days)
    steps.push(
      step('R6.2', period.type === 'NORSK_PERMISJON' ? 'norskFreeRightLeave' : 'norskFreeRightPostponed', {
        from: period.fromDate,
        to: period.toDate,
        days,
        overlapDays: calendarDaysInclusive(period.fromDate, period.toDate) - days,
        before,
        result: date,
      }),
    )
  }
  return { date, steps }
}

export function norskFreeRightDeadline(s: PersonSnapshot, categoryStart: IsoDate, completed: boolean, today: IsoDate): Deadline {
  const { date, steps } = norskFreeRight(s, categoryStart)
  return deadline('norskFreeRight', date, today, completed ? today : null, steps)
}

/**
 * R6.3 (Decision): needs-based training is to be done within 5 years of the category's
 * start. Shown once a needs-based decision is granted; overdue when today is after it and
 * the registered hours have not reached base + needs-based hours.
 */
export function norskNeedsBasedDeadline(s: PersonSnapshot, categoryStart: IsoDate, base: { hours: number; registered: number }, today: IsoDate): Deadline | null {
  const granted = grantedOf(s, 'NORSK_BEHOVSPROVD')
  if (granted.length === 0) return null
  const years = paramValue('norskNeedsBasedYears', categoryStart)
  const date = addYears(categoryStart, years)
  const extra = granted.reduce((sum, d) => sum + (d.hours ?? 0), 0)
  const steps = [step('R6.3', 'norskNeedsBased', { categoryStart, years, date, baseHours: base.hours, extraHours: extra, registered: base.registered })]
  return deadline('norskNeedsBased', date, today, base.registered >= base.hours + extra ? today : null, steps)
}
