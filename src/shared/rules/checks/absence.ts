import { calendarDaysInclusive, workingDaysBetween } from '../../calendar'
import type { Absence, Holiday, ParentalLeaveAbsence } from '../../domain/registrations'
import { programmeAverage } from '../average'
import { datesValid, periodOrdered, type CheckInput } from './context'
import { afterEnding, overlappingLeave, requireProgramme, type ProgrammeFacts } from './programme'

/** Parental-leave absence type that needs a free-text reason (R10, D8.3). */
export const PARENTAL_ABSENCE_TYPE_NEEDS_REASON = 'ANNA_MANGLANDE_TILBOD'

const filled = (v: number | null | undefined): v is number => v !== null && v !== undefined && v > 0

/**
 * R5.5 per type row: a known absence type (reference data in the snapshot) and days
 * **or** hours, exactly one of them above 0. Returns the sums of days and hours.
 */
function checkRows({ f, snapshot }: CheckInput, a: Absence): { days: number; hours: number } {
  if (a.rows.length === 0) f.error('REQUIRED', 'rows')
  let days = 0
  let hours = 0
  a.rows.forEach((r, i) => {
    if (!(r.typeCode in snapshot.absenceTypes)) f.error('ABSENCE_TYPE_UNKNOWN', `rows.${i}.typeCode`, { type: r.typeCode })
    if (filled(r.days) === filled(r.hours)) f.error('ABSENCE_DAYS_OR_HOURS', `rows.${i}.days`, { type: r.typeCode })
    if (filled(r.days)) days += r.days
    if (filled(r.hours)) hours += r.hours
  })
  return { days, hours }
}

/**
 * R5.5 `intro.registerAbsence`: rows as above; Σ days ≤ working days of the period; Σ hours ≤
 * hours offered in the period (R5.4 average × calendar days ÷ 7); the period may not
 * overlap granted leave/stop or registered holidays; not past an ending (R5.6).
 */
export function checkAbsence(input: CheckInput, a: Absence, p: ProgrammeFacts): void {
  const { f, snapshot } = input
  const totals = checkRows(input, a)
  if (!datesValid(f, { fromDate: a.fromDate, toDate: a.toDate }) || !periodOrdered(f, a.fromDate, a.toDate, 'toDate')) return
  if (requireProgramme(f, p, 'fromDate') === null) return
  const maxDays = workingDaysBetween(a.fromDate, a.toDate)
  if (totals.days > maxDays) f.error('ABSENCE_DAYS_EXCEED', 'rows', { max: maxDays, total: totals.days })
  const reg = snapshot.registrations
  const avg = programmeAverage(reg.measures, reg.replacements, p.leave, a, { selfStudy: p.selfStudy }).hoursPerWeek ?? 0
  const maxHours = Math.round(((avg * calendarDaysInclusive(a.fromDate, a.toDate)) / 7) * 100) / 100
  if (totals.hours > maxHours + 1e-9) f.error('ABSENCE_HOURS_EXCEED', 'rows', { max: maxHours, total: totals.hours })
  const leave = overlappingLeave(p, a.fromDate, a.toDate)
  if (leave) f.error('ABSENCE_OVERLAPS_LEAVE', 'fromDate', { kind: leave.kind, from: leave.fromDate, to: leave.toDate })
  const holiday = reg.holidays.find((h) => h.fromDate <= a.toDate && a.fromDate <= h.toDate)
  if (holiday) f.error('ABSENCE_OVERLAPS_HOLIDAY', 'fromDate', { from: holiday.fromDate, to: holiday.toDate })
  afterEnding(f, p, 'ABSENCE_AFTER_ENDING', a.toDate, 'toDate')
}

/** D8.3 holidays: an ordered period inside a granted programme, not past an ending. */
export function checkHoliday(input: CheckInput, h: Holiday, p: ProgrammeFacts): void {
  const { f } = input
  if (!datesValid(f, { fromDate: h.fromDate, toDate: h.toDate }) || !periodOrdered(f, h.fromDate, h.toDate, 'toDate')) return
  if (requireProgramme(f, p, 'fromDate') === null) return
  afterEnding(f, p, 'ABSENCE_AFTER_ENDING', h.toDate, 'toDate')
}

/** D8.3 absence after ended parental leave: ordered period; "other missing offer" needs a reason. */
export function checkParentalLeaveAbsence(input: CheckInput, x: ParentalLeaveAbsence, p: ProgrammeFacts): void {
  const { f } = input
  if (x.typeCode === PARENTAL_ABSENCE_TYPE_NEEDS_REASON && !x.reason?.trim()) f.error('REASON_REQUIRED', 'reason')
  if (!datesValid(f, { fromDate: x.fromDate, toDate: x.toDate }) || !periodOrdered(f, x.fromDate, x.toDate, 'toDate')) return
  requireProgramme(f, p, 'fromDate')
}
