import { addMonths, isoWeek, isoWeekRange, weeksInIsoYear, type IsoDate } from '../../../../shared/calendar'
import type { Decision, WeeklyParticipation } from '../../../../shared/domain'
import { NORSK_BASE_TYPES } from '../../../../shared/rules/deadlines-norsk'

/**
 * What the *Deltaking norsk* screen computes from the person's weeks (D6): the week after a
 * saved one, the summary, and the caseworker's typed hours. The ISO weeks are the shared
 * calendar's (R1.1), the same the rules judge, so the week the dialog preselects is the
 * week `checkSaveWeek` sees.
 */

export interface WeekRef {
  isoYear: number
  isoWeek: number
}

/** The following ISO week; after week 52 or 53 (whichever the year has) comes week 1. */
export function nextWeek(w: WeekRef): WeekRef {
  return w.isoWeek >= weeksInIsoYear(w.isoYear) ? { isoYear: w.isoYear + 1, isoWeek: 1 } : { isoYear: w.isoYear, isoWeek: w.isoWeek + 1 }
}

/** The ISO week of a date. */
export function weekOfDate(date: IsoDate): WeekRef {
  const w = isoWeek(date)
  return { isoYear: w.year, isoWeek: w.week }
}

/** Monday and Sunday of a week, or null when the year has no such week (week 53). */
export function weekDates(w: WeekRef): { monday: IsoDate; sunday: IsoDate } | null {
  if (!Number.isInteger(w.isoYear) || !Number.isInteger(w.isoWeek) || w.isoWeek < 1 || w.isoYear < 1900 || w.isoWeek > weeksInIsoYear(w.isoYear)) return null
  return isoWeekRange(w.isoYear, w.isoWeek)
}

/** Sort key of a week: newest first is this key descending. */
export const weekKey = (w: WeekRef): number => w.isoYear * 100 + w.isoWeek

export interface ParticipationSummary {
  norsk: number
  samfunn: number
  absence: number
  weeks: number
  /** Norwegian hours per registered week; null before the first week. */
  averageNorsk: number | null
}

/** D6 summary: totals over every registered week, and Norwegian hours per registered week. */
export function summarise(rows: readonly WeeklyParticipation[]): ParticipationSummary {
  const sum = (f: (r: WeeklyParticipation) => number) => rows.reduce((s, r) => s + f(r), 0)
  const norsk = sum((r) => r.norskHours)
  return {
    norsk,
    samfunn: sum((r) => r.samfunnHours),
    absence: sum((r) => r.absenceHours),
    weeks: rows.length,
    averageNorsk: rows.length ? norsk / rows.length : null,
  }
}

/**
 * Typed hours: empty is 0 (a week with only absence leaves the other fields empty); a comma
 * or a point is the decimal mark; anything else is `invalid`, said beside the field. Steps
 * and limits are the rules' to judge (R6.4), so the message is the same on the register.
 */
export function parseHours(text: string): number | 'invalid' {
  const s = text.trim().replace(/\s/g, '')
  if (s === '') return 0
  if (!/^\d+([.,]\d+)?$/.test(s)) return 'invalid'
  return Number(s.replace(',', '.'))
}

/** Hours as the caseworker reads them: `7,5`, at most two decimals. */
export function formatHours(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'nn' || locale === 'nb' ? 'nb-NO' : locale, { maximumFractionDigits: 2 }).format(n)
}

/** Decisions that grant Norwegian training: the ones whose start opens weekly registration (R6.4). */
const TRAINING_TYPES: readonly Decision['type'][] = [...NORSK_BASE_TYPES, 'NORSK_BEHOVSPROVD']

/**
 * The first granted start of Norwegian training (D6: *Deltaking norsk* appears after the
 * first granted decision), or null when none is granted yet.
 */
export function firstTrainingStart(decisions: readonly Decision[]): IsoDate | null {
  let first: IsoDate | null = null
  for (const d of decisions) {
    if (d.scheme !== 'norsk' || d.result !== 'innvilga' || !TRAINING_TYPES.includes(d.type)) continue
    const start = d.startDate ?? d.decisionDate
    if (first === null || start < first) first = start
  }
  return first
}

/**
 * The week the dialog opens on: the week after the newest registered one; before any, the
 * training's first week, but not one the R8 window has already closed; never a week after
 * the current one.
 */
export function firstWeekToRegister(rows: readonly WeekRef[], start: IsoDate | null, today: IsoDate): WeekRef {
  const current = weekOfDate(today)
  let pick: WeekRef
  if (rows.length) pick = nextWeek(rows.reduce((a, b) => (weekKey(b) > weekKey(a) ? b : a)))
  else {
    const windowStart = weekOfDate(addMonths(today, -2))
    const first = start ? weekOfDate(start) : current
    pick = weekKey(first) > weekKey(windowStart) ? first : windowStart
  }
  return weekKey(pick) > weekKey(current) ? current : pick
}
