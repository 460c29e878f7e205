import { daysInMonth, type IsoDate } from '../../../../shared/calendar'
import type { Absence, Decision, Measure, Replacement } from '../../../../shared/domain'

/**
 * The period filter of *Deltaking intro* (D8.3): a year (or all years) and a part of it
 * (or the whole). "All" spans everything registered, so the summary then covers the programme.
 */
export const periodParts = ['year', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4'] as const
export type PeriodPart = (typeof periodParts)[number]
export type PeriodChoice = { year: number | 'all'; part: PeriodPart }
export type Period = { fromDate: IsoDate; toDate: IsoDate }

/** First and last month (1–12) of each part of a year. */
const MONTHS: Record<PeriodPart, [number, number]> = {
  year: [1, 12],
  h1: [1, 6],
  h2: [7, 12],
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
}

const iso = (y: number, m: number, d: number): IsoDate => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

type Span = { fromDate: IsoDate; toDate: IsoDate }

/** Everything registered in the programme: the measures and replacements, else the programme's start to today. */
export function registeredSpan(measures: readonly Span[], start: IsoDate | null, today: IsoDate): Period | null {
  if (measures.length === 0) return start ? { fromDate: start, toDate: today < start ? start : today } : null
  let fromDate = measures[0].fromDate
  let toDate = measures[0].toDate
  for (const m of measures) {
    if (m.fromDate < fromDate) fromDate = m.fromDate
    if (m.toDate > toDate) toDate = m.toDate
  }
  return { fromDate, toDate }
}

/**
 * The chosen period as dates. "All years" ignores the part (the guide's "alle år og alle
 * periodar") and spans everything registered; null when nothing is registered yet.
 */
export function periodOf(choice: PeriodChoice, all: Period | null): Period | null {
  if (choice.year === 'all') return all
  const [a, b] = MONTHS[choice.part]
  return { fromDate: iso(choice.year, a, 1), toDate: iso(choice.year, b, daysInMonth(choice.year, b)) }
}

/** The years the filter offers: from the programme's (or first measure's) year to the last one's or today's. */
export function yearsOffered(all: Period | null, today: IsoDate): number[] {
  const now = Number(today.slice(0, 4))
  const first = all ? Number(all.fromDate.slice(0, 4)) : now
  const last = Math.max(now, all ? Number(all.toDate.slice(0, 4)) : now)
  const out: number[] = []
  for (let y = last; y >= first; y--) out.push(y)
  return out
}

/** The period a caseworker most likely wants first: the current half-year, or all when the programme lies elsewhere. */
export function defaultChoice(all: Period | null, today: IsoDate): PeriodChoice {
  const year = Number(today.slice(0, 4))
  if (!all || all.toDate < `${year}-01-01` || all.fromDate > `${year}-12-31`) return { year: 'all', part: 'year' }
  return { year, part: Number(today.slice(5, 7)) <= 6 ? 'h1' : 'h2' }
}

export function overlaps(row: Span, p: Period | null): boolean {
  return p === null || (row.fromDate <= p.toDate && p.fromDate <= row.toDate)
}

/** A measure with the replacements that take its place (shown linked, D8.3). */
export interface MeasureLine {
  measure: Measure
  replacedBy: Replacement[]
}

/**
 * The measures list: measures overlapping the period, each with the replacements that list it
 * and overlap the period too, ordered by start. A replacement whose measures are all gone is
 * kept on its own (`orphans`) so nothing registered is hidden.
 */
export function measureLines(measures: readonly Measure[], replacements: readonly Replacement[], p: Period | null): { lines: MeasureLine[]; orphans: Replacement[] } {
  const shown = replacements.filter((r) => overlaps(r, p))
  const lines = measures
    .filter((m) => overlaps(m, p))
    .sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.measureCode.localeCompare(b.measureCode))
    .map((measure) => ({ measure, replacedBy: shown.filter((r) => r.replacesMeasureIds.includes(measure.id)) }))
  const ids = new Set(measures.map((m) => m.id))
  const orphans = shown.filter((r) => !r.replacesMeasureIds.some((id) => ids.has(id)))
  return { lines, orphans }
}

/** Absence registered in the period (registrations starting inside it): days and hours summed over types. */
export function absenceIn(absences: readonly Absence[], p: Period | null): { days: number; hours: number } {
  let days = 0
  let hours = 0
  for (const a of absences) {
    if (p && (a.fromDate < p.fromDate || a.fromDate > p.toDate)) continue
    for (const r of a.rows) {
      days += r.days ?? 0
      hours += r.hours ?? 0
    }
  }
  return { days, hours }
}

/** The start of the first granted programme (R11.6), as the rules read it; null before one. */
export function programmeStart(decisions: readonly Decision[]): IsoDate | null {
  let start: IsoDate | null = null
  for (const d of decisions) {
    if (d.type !== 'INTRO_PROGRAM' || d.result !== 'innvilga' || !d.startDate) continue
    if (start === null || d.startDate < start) start = d.startDate
  }
  return start
}
