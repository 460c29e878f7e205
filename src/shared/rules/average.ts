import { dayOfWeekOfDayNumber, isoWeekOfDayNumber, toDayNumber, type IsoDate } from '../calendar'
import type { Decision, Measure, Replacement } from '../domain/registrations'
import type { PersonRegistrations, PersonSnapshot } from '../domain/snapshot'
import { paramValue } from './parameters'

/**
 * A period that may be left out of the average. Only `leave` (granted leave) and `stop`
 * (granted temporary stop) are left out (R11.8); `absence`, `holiday` and
 * `parentalLeaveAbsence` are accepted so callers can pass everything, and are ignored.
 */
export interface PeriodOff {
  kind: 'leave' | 'stop' | 'absence' | 'holiday' | 'parentalLeaveAbsence'
  fromDate: IsoDate
  toDate: IsoDate
}

export interface WeekAverage {
  isoYear: number
  isoWeek: number
  /** Null when every day of the week inside the period is under leave or stop. */
  hoursPerWeek: number | null
}

/** The result of R5.4 for one period. */
export interface ProgrammeAverage {
  /** Null when every day of the period is under leave or stop (R11.8). */
  hoursPerWeek: number | null
  norm: number
  /** Average below the norm; false when the average is null (no warning, R11.8). */
  belowNorm: boolean
  byWeek: WeekAverage[]
  weeksBelowNorm: WeekAverage[]
  weeksAbove60: WeekAverage[]
}

/** The plan flags R5.4 reads: a plan marked *sjølvstudium* lowers the norm to 30. */
export interface ProgrammePlan {
  selfStudy: boolean
}

/**
 * R5.4: the person's plan as the rules read it. The device gives it to the screens in
 * `PersonView.introPlan`, so the screen's norm is the rules' norm. `snapshotFromBase` sets
 * `plan` (device and register alike); a snapshot built without it (a report's rows read in
 * bulk) reads the same decisions here, so every reader gets the same answer.
 */
export function programmePlan(s: Pick<PersonSnapshot, 'plan'> & { registrations?: Pick<PersonRegistrations, 'decisions'> }): ProgrammePlan {
  return s.plan ? { selfStudy: s.plan.selfStudy } : planFromDecisions(s.registrations?.decisions ?? [])
}

/**
 * R5.4: the plan is the one of the latest granted INTRO_PROGRAM decision (**Decision**:
 * "latest" = latest start date, then latest decision date, then highest id, so the answer
 * never depends on row order). A newer programme replaces an earlier one's plan; refusals,
 * leaves and stops are other decisions and never change it. No granted programme → not
 * self-study. Date-free on purpose: the snapshot is the same whatever day it is judged.
 */
export function planFromDecisions(decisions: readonly Decision[]): ProgrammePlan {
  let latest: Decision | null = null
  for (const d of decisions) {
    if (d.type !== 'INTRO_PROGRAM' || d.result !== 'innvilga') continue
    if (!latest || laterProgramme(d, latest)) latest = d
  }
  return { selfStudy: latest?.selfStudy === true }
}

function laterProgramme(a: Decision, b: Decision): boolean {
  const as = a.startDate ?? ''
  const bs = b.startDate ?? ''
  if (as !== bs) return as > bs
  if (a.decisionDate !== b.decisionDate) return a.decisionDate > b.decisionDate
  return a.id > b.id
}

/** R5.4: the weekly norm in force on `on` — 37.5, or 30 for a self-study plan (parameters.ts). */
export function programmeNorm(on: IsoDate, plan: ProgrammePlan): number {
  return paramValue(plan.selfStudy ? 'programmeNormSelfStudy' : 'programmeNorm', on)
}

/** Hours are summed as integer millionths so sums are exact and order-independent. */
const SCALE = 1_000_000

type Event = { day: number; hours: number; off: number }

/** Parts of `[from, to]` not covered by any of `cuts` (day numbers, inclusive). */
function subtract(from: number, to: number, cuts: [number, number][]): [number, number][] {
  const out: [number, number][] = []
  let cur = from
  for (const [a, b] of [...cuts].sort((x, y) => x[0] - y[0])) {
    if (b < cur || a > to) continue
    if (a > cur) out.push([cur, a - 1])
    cur = Math.max(cur, b + 1)
    if (cur > to) return out
  }
  if (cur <= to) out.push([cur, to])
  return out
}

/**
 * Change points of offered hours and of leave: a measure adds its hours from its first day
 * and removes them after its last, except inside the ranges of replacements that list it;
 * a replacement is in force over its whole range (R11.8).
 */
function buildEvents(measures: readonly Measure[], replacements: readonly Replacement[], off: readonly PeriodOff[]): Event[] {
  const cutsByMeasure = new Map<string, [number, number][]>()
  const events: Event[] = []
  const add = (a: number, b: number, hours: number, offDelta: number) => {
    if (b < a) return
    events.push({ day: a, hours, off: offDelta }, { day: b + 1, hours: -hours, off: -offDelta })
  }
  for (const r of replacements) {
    const range: [number, number] = [toDayNumber(r.fromDate), toDayNumber(r.toDate)]
    for (const id of r.replacesMeasureIds) {
      const list = cutsByMeasure.get(id) ?? []
      list.push(range)
      cutsByMeasure.set(id, list)
    }
    add(range[0], range[1], Math.round(r.hoursPerWeek * SCALE), 0)
  }
  for (const m of measures) {
    const hours = Math.round(m.hoursPerWeek * SCALE)
    for (const [a, b] of subtract(toDayNumber(m.fromDate), toDayNumber(m.toDate), cutsByMeasure.get(m.id) ?? [])) {
      add(a, b, hours, 0)
    }
  }
  for (const p of off) {
    if (p.kind === 'leave' || p.kind === 'stop') add(toDayNumber(p.fromDate), toDayNumber(p.toDate), 0, 1)
  }
  return events.sort((x, y) => x.day - y.day)
}

/**
 * R5.4 / R11.8: average offered hours per week over `period` (inclusive) =
 * Σ (hours/week × calendar days in force) ÷ calendar days, both sums without days under
 * granted leave or temporary stop. `byWeek` applies the same formula to each ISO week's
 * days inside the period (partial weeks at the ends use only their days inside).
 * Edge cases: an empty period (to < from) and a period wholly under leave give `null` and
 * no warning; absence and holidays still count as offered days.
 * Runs in O((measures + replacements + leave) · log + weeks): it walks change points, not days.
 */
export function programmeAverage(
  measures: readonly Measure[],
  replacements: readonly Replacement[],
  absencesAndLeave: readonly PeriodOff[],
  period: { fromDate: IsoDate; toDate: IsoDate },
  options: { selfStudy?: boolean } = {},
): ProgrammeAverage {
  // norm and week maximum as in force at the period's start (parameters.ts)
  const norm = programmeNorm(period.fromDate, { selfStudy: options.selfStudy ?? false })
  const weekMax = paramValue('programmeWeekMax', period.fromDate)
  const events = buildEvents(measures, replacements, absencesAndLeave)
  const first = toDayNumber(period.fromDate)
  const last = toDayNumber(period.toDate)
  let hours = 0
  let off = 0
  let i = 0
  const applyUpTo = (day: number) => {
    for (; i < events.length && events[i].day <= day; i++) {
      hours += events[i].hours
      off += events[i].off
    }
  }
  const byWeek: WeekAverage[] = []
  let totalHours = 0
  let totalDays = 0
  for (let cur = first; cur <= last;) {
    const weekEnd = Math.min(last, cur + 7 - dayOfWeekOfDayNumber(cur))
    const name = isoWeekOfDayNumber(cur)
    let weekHours = 0
    let weekDays = 0
    while (cur <= weekEnd) {
      applyUpTo(cur)
      const next = Math.min(weekEnd + 1, i < events.length ? events[i].day : Infinity)
      if (off === 0) {
        weekHours += hours * (next - cur)
        weekDays += next - cur
      }
      cur = next
    }
    byWeek.push({ isoYear: name.year, isoWeek: name.week, hoursPerWeek: weekDays === 0 ? null : weekHours / weekDays / SCALE })
    totalHours += weekHours
    totalDays += weekDays
  }
  const hoursPerWeek = totalDays === 0 ? null : totalHours / totalDays / SCALE
  const EPS = 1e-9
  return {
    hoursPerWeek,
    norm,
    belowNorm: hoursPerWeek !== null && hoursPerWeek < norm - EPS,
    byWeek,
    weeksBelowNorm: byWeek.filter((w) => w.hoursPerWeek !== null && w.hoursPerWeek < norm - EPS),
    weeksAbove60: byWeek.filter((w) => w.hoursPerWeek !== null && w.hoursPerWeek > weekMax + EPS),
  }
}

/** Granted intro leave and temporary stops as periods off (R5.4); other decisions are ignored. */
export function leaveAndStopPeriods(decisions: readonly Decision[]): PeriodOff[] {
  const out: PeriodOff[] = []
  for (const d of decisions) {
    if (d.result !== 'innvilga' || !d.startDate || !d.endDate) continue
    if (d.type === 'INTRO_PERMISJON') out.push({ kind: 'leave', fromDate: d.startDate, toDate: d.endDate })
    if (d.type === 'INTRO_MIDLERTIDIG_STANS') out.push({ kind: 'stop', fromDate: d.startDate, toDate: d.endDate })
  }
  return out
}

/** Every period of a person's registrations that `programmeAverage` may need (R11.8). */
export function absencesAndLeaveOf(reg: PersonRegistrations): PeriodOff[] {
  return [
    ...leaveAndStopPeriods(reg.decisions),
    ...reg.absences.map((a) => ({ kind: 'absence' as const, fromDate: a.fromDate, toDate: a.toDate })),
    ...reg.holidays.map((h) => ({ kind: 'holiday' as const, fromDate: h.fromDate, toDate: h.toDate })),
    ...reg.parentalLeaveAbsences.map((p) => ({ kind: 'parentalLeaveAbsence' as const, fromDate: p.fromDate, toDate: p.toDate })),
  ]
}
