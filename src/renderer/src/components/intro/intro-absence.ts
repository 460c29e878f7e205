import { workingDaysBetween, type IsoDate } from '../../../../shared/calendar'
import type { Absence, AbsenceRow, Decision, Holiday, Measure, Replacement } from '../../../../shared/domain'
import { leaveAndStopPeriods, programmeAverage } from '../../../../shared/rules/average'
import { parseHours } from '../participation/weekly-participation'

export type Period = { fromDate: IsoDate; toDate: IsoDate }

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** The dialog's period once both dates are real days in order; else null (nothing to show yet). */
export function periodOrNull(fromDate: string, toDate: string): Period | null {
  if (!ISO.test(fromDate) || !ISO.test(toDate) || toDate < fromDate) return null
  return { fromDate, toDate }
}

const overlaps = (r: Period, p: Period) => r.fromDate <= p.toDate && p.fromDate <= r.toDate

/** Other absence already registered in a period (D8.3): granted leave and stops, holidays. */
export type OtherAbsence = ({ kind: 'leave' | 'stop' } & Period) | ({ kind: 'holiday'; holidayKind: Holiday['kind'] } & Period)

/** What the absence dialog shows about its period (D8.3): working days, measures and average, other absence. */
export interface AbsenceFacts {
  workingDays: number
  /** R5.4 over the period as the rules compute it (leave and stops left out); null when all is off. */
  averageHoursPerWeek: number | null
  measures: (Measure | Replacement)[]
  other: OtherAbsence[]
}

export function absenceFacts(
  b: { measures: readonly Measure[]; replacements: readonly Replacement[]; decisions: readonly Decision[]; holidays: readonly Holiday[] },
  p: Period,
): AbsenceFacts {
  const off = leaveAndStopPeriods(b.decisions)
  // The same average R5.5's hours limit uses, so the dialog and the refusal agree.
  const avg = programmeAverage(b.measures, b.replacements, off, p)
  const other: OtherAbsence[] = [
    ...off.filter((o) => overlaps(o, p)).map((o) => ({ kind: o.kind as 'leave' | 'stop', fromDate: o.fromDate, toDate: o.toDate })),
    ...b.holidays.filter((h) => overlaps(h, p)).map((h) => ({ kind: 'holiday' as const, holidayKind: h.kind, fromDate: h.fromDate, toDate: h.toDate })),
  ].sort((x, y) => x.fromDate.localeCompare(y.fromDate))
  return {
    workingDays: workingDaysBetween(p.fromDate, p.toDate),
    averageHoursPerWeek: avg.hoursPerWeek,
    measures: [...b.measures, ...b.replacements].filter((m) => overlaps(m, p)).sort((x, y) => x.fromDate.localeCompare(y.fromDate)),
    other,
  }
}

/** The text a caseworker typed per absence type. */
export type TypedValues = Record<string, { days: string; hours: string }>

/**
 * The payload rows from what was typed: only the types with something in them, in the code
 * list's order. A text that is not a number is named by its field (`<type>.days`); whether
 * days and hours are both filled is the rules' to say (R5.5), so it is not judged here.
 */
export function absenceRows(typeCodes: readonly string[], typed: TypedValues): { rows: AbsenceRow[]; invalid: string[] } {
  const rows: AbsenceRow[] = []
  const invalid: string[] = []
  for (const typeCode of typeCodes) {
    const v = typed[typeCode]
    if (!v || (v.days.trim() === '' && v.hours.trim() === '')) continue
    const days = v.days.trim() === '' ? null : parseHours(v.days)
    const hours = v.hours.trim() === '' ? null : parseHours(v.hours)
    if (days === 'invalid') invalid.push(`${typeCode}.days`)
    if (hours === 'invalid') invalid.push(`${typeCode}.hours`)
    rows.push({ typeCode, days: days === 'invalid' ? null : days, hours: hours === 'invalid' ? null : hours })
  }
  return { rows, invalid }
}

/** Sums of days and hours of one absence registration. */
export function absenceTotals(a: Pick<Absence, 'rows'>): { days: number; hours: number } {
  let days = 0
  let hours = 0
  for (const r of a.rows) {
    days += r.days ?? 0
    hours += r.hours ?? 0
  }
  return { days: Math.round(days * 100) / 100, hours: Math.round(hours * 100) / 100 }
}

/** Rows of a list that overlap the screen's chosen period (all when none is chosen), by start. */
export function inPeriod<T extends Period>(rows: readonly T[], p: Period | null): T[] {
  return rows.filter((r) => p === null || overlaps(r, p)).sort((x, y) => x.fromDate.localeCompare(y.fromDate))
}
