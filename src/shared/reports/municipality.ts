import { addDays, daysBetween, type IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import type { Scheme, SchemeStatus } from '../domain/scheme'
import { leaveAndStopPeriods, programmeAverage, programmePlan, type ProgrammeAverage } from '../rules/average'
import type { DeadlineKey } from '../rules/deadline'
import type { Evaluation } from '../rules/evaluate'
import { earliestStart, grantedOf } from '../rules/queries'

/**
 * The municipality's reports (D11, issue 8 point 7): pure aggregates over the persons of a
 * municipality (their snapshot and their evaluation at `today`). The device runs them over
 * its replica and the register over PostgreSQL with the same inputs, so both give the same
 * figures. Deadlines are read as dates and judged against `today` here (issue 8 point 6),
 * never from a stored `daysLeft`/`overdue`. Every row keeps the person ids behind its figure
 * so a screen can list the persons (click-through).
 */

/**
 * What the reports read of an evaluation: each scheme's status and its deadlines' keys and
 * dates. A whole `Evaluation` is one; `reportEvaluationOf` keeps only this, so a device that
 * keeps 20,000 of them between openings does not keep every explanation step too.
 */
export interface ReportEvaluation {
  schemes: Record<keyof Evaluation['schemes'], { status: SchemeStatus; deadlines: readonly { key: DeadlineKey; date: IsoDate }[] }>
}

export function reportEvaluationOf(e: Evaluation): ReportEvaluation {
  const scheme = (r: Evaluation['schemes']['intro']) => ({ status: r.status, deadlines: r.deadlines.map((d) => ({ key: d.key, date: d.date })) })
  return { schemes: { intro: scheme(e.schemes.intro), norsk: scheme(e.schemes.norsk), asylnorsk: scheme(e.schemes.asylnorsk) } }
}

/** One person in scope: the rules' input and the rules' result at the report's `today`. */
export interface ReportPerson {
  snapshot: PersonSnapshot
  evaluation: ReportEvaluation
}

export interface ReportPeriod {
  fromDate: IsoDate
  toDate: IsoDate
}

export interface StatusRow {
  scheme: Scheme
  status: SchemeStatus
  count: number
  personIds: string[]
}

/** Disjoint bands of days left, so a stacked chart counts no deadline twice. */
export const DEADLINE_BANDS = ['0-30', '31-60', '61-90'] as const
export type DeadlineBand = (typeof DEADLINE_BANDS)[number]

export interface DeadlineRow {
  key: DeadlineKey
  band: DeadlineBand
  count: number
  personIds: string[]
}

export interface OverdueStart {
  personId: string
  key: 'introStart' | 'norskStart'
  date: IsoDate
  daysOverdue: number
}

export interface BelowNormRow {
  personId: string
  /** Average offered hours per week over the person's programme days inside the period (R5.4). */
  hoursPerWeek: number
  norm: number
  /** The days the average covers: the period cut to the programme (start .. end or today). */
  fromDate: IsoDate
  toDate: IsoDate
}

export interface AbsenceRow {
  typeCode: string
  days: number
  hours: number
  /** Absence registrations with this type that overlap the period. */
  registrations: number
  personIds: string[]
}

export interface EndingRow {
  reasonCode: string
  count: number
  personIds: string[]
}

export interface MunicipalityReports {
  today: IsoDate
  period: ReportPeriod
  /** Persons the reports cover. */
  persons: number
  statuses: StatusRow[]
  deadlinesDue: DeadlineRow[]
  overdueStarts: OverdueStart[]
  belowNorm: BelowNormRow[]
  absence: AbsenceRow[]
  endings: EndingRow[]
}

/** The default period: the calendar year so far. */
export function defaultPeriod(today: IsoDate): ReportPeriod {
  return { fromDate: `${today.slice(0, 4)}-01-01`, toDate: today }
}

const SCHEME_ORDER: Scheme[] = ['intro', 'norsk', 'asylnorsk']
const STATUS_ORDER: SchemeStatus[] = ['kategori_berekna', 'vedtak_fatta', 'deltar', 'permisjon', 'stansa', 'avslutta', 'avslag', 'friteken']
/** Statuses where the scheme has started: its start deadline is met (R5.1, R6.2). */
const STARTED: ReadonlySet<SchemeStatus> = new Set(['deltar', 'permisjon', 'stansa', 'avslutta'])
const START_KEYS: ReadonlySet<DeadlineKey> = new Set(['introStart', 'norskStart'])
const KEY_ORDER: DeadlineKey[] = ['introStart', 'introCompletion', 'norskStart', 'norskFreeRight', 'norskNeedsBased']

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Grouping helper: a key → its person ids (each person once per key), in first-seen order. */
class Groups<K> {
  readonly map = new Map<K, Set<string>>()
  add(key: K, personId: string) {
    const s = this.map.get(key) ?? new Set<string>()
    s.add(personId)
    this.map.set(key, s)
  }
  ids(key: K): string[] {
    return [...(this.map.get(key) ?? [])].sort(byString)
  }
}

/**
 * Participants per scheme and status (R4). `ingen` (no category, no decision) is left out:
 * those persons take part in nothing. Rows with no person are left out.
 */
export function statusReport(persons: readonly ReportPerson[]): StatusRow[] {
  const g = new Groups<string>()
  for (const p of persons) {
    for (const scheme of SCHEME_ORDER) {
      const status = p.evaluation.schemes[scheme].status
      if (status !== 'ingen') g.add(`${scheme}:${status}`, p.snapshot.person.id)
    }
  }
  const rows: StatusRow[] = []
  for (const scheme of SCHEME_ORDER) {
    for (const status of STATUS_ORDER) {
      const personIds = g.ids(`${scheme}:${status}`)
      if (personIds.length) rows.push({ scheme, status, count: personIds.length, personIds })
    }
  }
  return rows
}

/** Whether a deadline still asks for something: a start not made, a scheme not ended. */
function isOpen(key: DeadlineKey, status: SchemeStatus): boolean {
  if (status === 'avslutta' || status === 'friteken') return false
  return START_KEYS.has(key) ? !STARTED.has(status) : true
}

function bandOf(daysLeft: number): DeadlineBand | null {
  if (daysLeft < 0 || daysLeft > 90) return null
  return daysLeft <= 30 ? '0-30' : daysLeft <= 60 ? '31-60' : '61-90'
}

/** Open deadlines due within 90 days of `today` (0 = due today), by key and band of days left. */
export function deadlinesDueReport(persons: readonly ReportPerson[], today: IsoDate): DeadlineRow[] {
  const g = new Groups<string>()
  // ISO dates compare as strings: only deadlines inside the 90 days are parsed for their band.
  const last = addDays(today, 90)
  for (const p of persons) {
    for (const scheme of ['intro', 'norsk'] as const) {
      const r = p.evaluation.schemes[scheme]
      for (const d of r.deadlines) {
        if (d.date < today || d.date > last || !isOpen(d.key, r.status)) continue
        const band = bandOf(daysBetween(today, d.date))
        if (band) g.add(`${d.key}:${band}`, p.snapshot.person.id)
      }
    }
  }
  const rows: DeadlineRow[] = []
  for (const key of KEY_ORDER) {
    for (const band of DEADLINE_BANDS) {
      const personIds = g.ids(`${key}:${band}`)
      if (personIds.length) rows.push({ key, band, count: personIds.length, personIds })
    }
  }
  return rows
}

/** Start deadlines passed without a start (R5.1, R6.2), most overdue first. */
export function overdueStartsReport(persons: readonly ReportPerson[], today: IsoDate): OverdueStart[] {
  const out: OverdueStart[] = []
  for (const p of persons) {
    for (const scheme of ['intro', 'norsk'] as const) {
      const r = p.evaluation.schemes[scheme]
      for (const d of r.deadlines) {
        if (!START_KEYS.has(d.key) || !isOpen(d.key, r.status) || d.date >= today) continue
        out.push({ personId: p.snapshot.person.id, key: d.key as OverdueStart['key'], date: d.date, daysOverdue: daysBetween(d.date, today) })
      }
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || byString(a.key, b.key) || byString(a.personId, b.personId))
}

/**
 * Participants whose average offered hours per week (R5.4) over the period is below the norm
 * (37.5, or 30 with sjølvstudium). The average covers the period cut to the programme: from
 * the first granted start to the ending (or today); a person whose programme has no day in
 * the period, or whose days there are all leave or stop (average null, R11.8), is left out.
 * Lowest average first.
 */
export function belowNormReport(persons: readonly ReportPerson[], period: ReportPeriod, today: IsoDate, averageOf: AverageOf = programmeAverageOf): BelowNormRow[] {
  const out: BelowNormRow[] = []
  for (const p of persons) {
    const s = p.snapshot
    const start = earliestStart(grantedOf(s, 'INTRO_PROGRAM'))?.startDate
    if (!start) continue
    let end = today
    for (const e of s.registrations.endings) if (e.endDate < end) end = e.endDate
    const fromDate = start > period.fromDate ? start : period.fromDate
    const toDate = end < period.toDate ? end : period.toDate
    if (toDate < fromDate) continue
    const avg = averageOf(s, fromDate, toDate)
    if (avg.hoursPerWeek === null || !avg.belowNorm) continue
    out.push({ personId: s.person.id, hoursPerWeek: avg.hoursPerWeek, norm: avg.norm, fromDate, toDate })
  }
  return out.sort((a, b) => a.hoursPerWeek - b.hoursPerWeek || byString(a.personId, b.personId))
}

/** What the below-norm report reads of an R5.4 average. */
export type AverageFigures = Pick<ProgrammeAverage, 'hoursPerWeek' | 'belowNorm' | 'norm'>
/** The R5.4 average of a snapshot's programme over `fromDate`..`toDate` (a caller may keep them, see `municipalityReports`). */
export type AverageOf = (s: PersonSnapshot, fromDate: IsoDate, toDate: IsoDate) => AverageFigures

/** R5.4 over the days: measures, replacements, leave and stop, the plan's norm. */
export const programmeAverageOf: AverageOf = (s, fromDate, toDate) =>
  programmeAverage(s.registrations.measures, s.registrations.replacements, leaveAndStopPeriods(s.registrations.decisions), { fromDate, toDate }, programmePlan(s))

/** Intro absence (R5.5) registered for periods overlapping the report period, by absence type. */
export function absenceReport(persons: readonly ReportPerson[], period: ReportPeriod): AbsenceRow[] {
  const rows = new Map<string, { days: number; hours: number; registrations: number; ids: Set<string> }>()
  for (const p of persons) {
    for (const a of p.snapshot.registrations.absences) {
      if (a.toDate < period.fromDate || a.fromDate > period.toDate) continue
      for (const r of a.rows) {
        if (!r.days && !r.hours) continue
        const row = rows.get(r.typeCode) ?? { days: 0, hours: 0, registrations: 0, ids: new Set<string>() }
        row.days += r.days ?? 0
        row.hours += r.hours ?? 0
        row.registrations += 1
        row.ids.add(p.snapshot.person.id)
        rows.set(r.typeCode, row)
      }
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([typeCode, r]) => ({ typeCode, days: round2(r.days), hours: round2(r.hours), registrations: r.registrations, personIds: [...r.ids].sort(byString) }))
}

/** Programme endings (R5.6) with an end date inside the period, by end reason; most common first. */
export function endingsReport(persons: readonly ReportPerson[], period: ReportPeriod): EndingRow[] {
  const g = new Groups<string>()
  for (const p of persons) {
    for (const e of p.snapshot.registrations.endings) {
      if (e.endDate >= period.fromDate && e.endDate <= period.toDate) g.add(e.reasonCode, p.snapshot.person.id)
    }
  }
  return [...g.map.keys()]
    .map((reasonCode) => ({ reasonCode, personIds: g.ids(reasonCode) }))
    .map((r) => ({ ...r, count: r.personIds.length }))
    .sort((a, b) => b.count - a.count || byString(a.reasonCode, b.reasonCode))
}

/** Sums of hours as decimals: two places, so device and register print the same figure. */
function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * Every report of the municipality at `today` over `period` (default: the year so far).
 * `averageOf` computes R5.4 averages; the device passes one that keeps them per snapshot it
 * never changes, so a second opening does not compute them again.
 */
export function municipalityReports(
  persons: readonly ReportPerson[],
  today: IsoDate,
  period: ReportPeriod = defaultPeriod(today),
  averageOf: AverageOf = programmeAverageOf,
): MunicipalityReports {
  return {
    today,
    period,
    persons: persons.length,
    statuses: statusReport(persons),
    deadlinesDue: deadlinesDueReport(persons, today),
    overdueStarts: overdueStartsReport(persons, today),
    belowNorm: belowNormReport(persons, period, today, averageOf),
    absence: absenceReport(persons, period),
    endings: endingsReport(persons, period),
  }
}
