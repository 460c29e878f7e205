import { addDays, addWorkingDays, addYears, calendarDaysInclusive, workingDaysBetween, type IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import { leaveAndStopPeriods, programmeAverage } from './average'
import { uncoveredInStartOrder } from './deadline'
import { step, type Step } from './explanation'
import { paramValue } from './parameters'
import { earliestStart, grantedOf } from './queries'

/** One cause that moves the completion deadline, placed at its cause's date (R11.6). */
interface Extension {
  at: IsoDate
  /** Tie order on the same date: leave 0, absence excess 1, parental-leave absence 2. */
  order: number
  apply: (before: IsoDate) => { result: IsoDate; steps: Step[] }
}

/**
 * R5.2 / R11.6: `addYears(start, 2) − 1 day` from the first granted INTRO_PROGRAM (earliest
 * start); `addYears(·, 1)` once with any granted INTRO_UTVIDA_DELTAKING; then every
 * extension in the order of its cause's date. Null until a programme with a start is granted.
 */
export function completionDeadline(s: PersonSnapshot): { date: IsoDate; steps: Step[] } | null {
  const first = earliestStart(grantedOf(s, 'INTRO_PROGRAM'))
  if (!first) return null
  const years = paramValue('introProgrammeYears', first.startDate)
  let date = addDays(addYears(first.startDate, years), -1)
  const steps: Step[] = [step('R5.2', 'introCompletionBase', { start: first.startDate, years, date })]
  if (grantedOf(s, 'INTRO_UTVIDA_DELTAKING').length > 0) {
    const extra = paramValue('introExtendedYears', first.startDate)
    const before = date
    date = addYears(date, extra)
    steps.push(step('R5.2', 'introCompletionExtended', { before, years: extra, result: date }))
  }
  const extensions = [...leaveExtensions(s), ...absenceExtension(s, steps), ...parentalExtensions(s)]
  extensions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order))
  for (const e of extensions) {
    const applied = e.apply(date)
    date = applied.result
    steps.push(...applied.steps)
  }
  steps.push(step('R5.2', 'introCompletionResult', { date }))
  return { date, steps }
}

/**
 * Granted leave: `kalenderdagar` adds its calendar days, `verkedagar` walks its working days
 * forward (R1.5); overlapping leave counts shared days once (R11.6). A leave without a unit
 * counts calendar days.
 */
function leaveExtensions(s: PersonSnapshot): Extension[] {
  const leaves = grantedOf(s, 'INTRO_PERMISJON').flatMap((d) =>
    d.startDate && d.endDate ? [{ id: d.id, fromDate: d.startDate, toDate: d.endDate, unit: d.leaveUnit ?? 'kalenderdagar' }] : [],
  )
  return uncoveredInStartOrder(leaves).map(({ period, uncovered }) => {
    const working = period.unit === 'verkedagar'
    const count = (from: IsoDate, to: IsoDate) => (working ? workingDaysBetween(from, to) : calendarDaysInclusive(from, to))
    const days = uncovered ? count(uncovered.fromDate, uncovered.toDate) : 0
    const overlapDays = count(period.fromDate, period.toDate) - days
    return {
      at: period.fromDate,
      order: 0,
      apply: (before) => {
        const result = working ? addWorkingDays(before, days) : addDays(before, days)
        const key = working ? 'introLeaveWorking' : 'introLeaveCalendar'
        return { result, steps: [step('R5.2', key, { from: period.fromDate, to: period.toDate, days, overlapDays, before, result })] }
      },
    }
  })
}

/** Fråvær etter endt fødselspermisjon: its calendar days, each period on its own. */
function parentalExtensions(s: PersonSnapshot): Extension[] {
  return s.registrations.parentalLeaveAbsences.map((p) => {
    const days = calendarDaysInclusive(p.fromDate, p.toDate)
    return {
      at: p.fromDate,
      order: 2,
      apply: (before) => {
        const result = addDays(before, days)
        return { result, steps: [step('R5.2', 'introParentalAbsence', { from: p.fromDate, to: p.toDate, days, before, result })] }
      },
    }
  })
}

/**
 * Valid absence beyond 10 working days (Decision, R11.6, R11.7): valid rows summed over the
 * whole programme in working days; hours become days at the average offered hours per week
 * of that registration's own period (R5.4) ÷ 5 — without offered hours they cannot be
 * converted and count 0 (shown in the log). The excess above 10 is rounded down and walked
 * forward in working days as one step, placed at the registration that took the total past 10.
 * Steps that explain the sum go to the log even when the total stays within 10.
 */
function absenceExtension(s: PersonSnapshot, log: Step[]): Extension[] {
  const reg = s.registrations
  if (reg.absences.length === 0) return []
  const free = paramValue('introFreeAbsenceDays', reg.absences[0].fromDate)
  const perWeek = paramValue('workingDaysPerWeek', reg.absences[0].fromDate)
  const off = leaveAndStopPeriods(reg.decisions)
  const sorted = [...reg.absences].sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0))
  const sumSteps: Step[] = []
  let total = 0
  let crossedAt: IsoDate | null = null
  for (const a of sorted) {
    let days = 0
    let hours = 0
    for (const row of a.rows) {
      if (!s.absenceTypes[row.typeCode]?.valid) continue
      if (row.days != null) days += row.days
      else if (row.hours != null) hours += row.hours
    }
    if (days === 0 && hours === 0) continue
    let hoursPerDay: number | null = null
    if (hours > 0) {
      // only what overlaps the period can change its average; filtering keeps this cheap
      const inside = <T extends { fromDate: IsoDate; toDate: IsoDate }>(x: T) => x.fromDate <= a.toDate && x.toDate >= a.fromDate
      const avg = programmeAverage(reg.measures.filter(inside), reg.replacements.filter(inside), off.filter(inside), a).hoursPerWeek
      hoursPerDay = avg && avg > 0 ? avg / perWeek : null
    }
    const fromHours = hoursPerDay ? hours / hoursPerDay : 0
    total += days + fromHours
    sumSteps.push(step('R11.7', 'introAbsence', { from: a.fromDate, to: a.toDate, days, hours, hoursPerDay, fromHours, total }))
    if (crossedAt === null && total > free) crossedAt = a.fromDate
  }
  // whole working days only; the epsilon keeps 11.000000001 from sums of fractions at 1
  const excess = crossedAt === null ? 0 : Math.floor(total - free + 1e-9)
  if (crossedAt === null || excess === 0) {
    log.push(...sumSteps, step('R5.2', 'introAbsenceWithinFree', { total, free }))
    return []
  }
  return [
    {
      at: crossedAt,
      order: 1,
      apply: (before) => {
        const result = addWorkingDays(before, excess)
        return { result, steps: [...sumSteps, step('R5.2', 'introAbsenceExcess', { total, free, excess, before, result })] }
      },
    },
  ]
}
