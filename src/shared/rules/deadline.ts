import { addDays, daysBetween, type IsoDate } from '../calendar'
import type { Step } from './explanation'

/** Deadline keys (D8.2, R5.1, R5.2, R6.2, R6.3). */
/** 2003 keys, then the 2021 act's Norwegian, social-studies and chapter 6A deadlines (R12.2.5, R12.2.7). */
export type DeadlineKey = 'introStart' | 'introCompletion' | 'norskStart' | 'norskFreeRight' | 'norskNeedsBased' | 'norskNorwegian2021' | 'norskSocialStudies2021' | 'norsk6A'

/**
 * A deadline as the register stores it: dates only (issue 8 point 6), so a stored result
 * never goes stale — `daysLeft` and `overdue` are derived from these dates and the day it is
 * read (`deadlineAt`).
 */
export interface StoredDeadline {
  key: DeadlineKey
  /** The last day that still meets the deadline. */
  date: IsoDate
  /**
   * The first day the deadline's demand counts as met (the programme's start, its ending, …),
   * or null while nothing meets it. A demand met by hour totals (R6.2, R6.3) has the day it
   * was judged on: the totals only change with registrations, which re-evaluate.
   */
  metOn: IsoDate | null
  explanation: Step[]
}

/** A deadline as read on a given day (D4, D8.2). */
export interface Deadline extends StoredDeadline {
  /** Calendar days from today to `date`: 0 on the day, negative after (R11.5). */
  daysLeft: number
  /** The deadline has passed without what it asks for: today after `date`, and not met on or before today. */
  overdue: boolean
}

/** R11.5: a stored deadline as read on `today`. */
export function deadlineAt(d: StoredDeadline, today: IsoDate): Deadline {
  const met = d.metOn !== null && d.metOn <= today
  return { key: d.key, date: d.date, metOn: d.metOn, explanation: d.explanation, daysLeft: daysBetween(today, d.date), overdue: today > d.date && !met }
}

/** Only the dates of a deadline: what the register stores. */
export function storedDeadline(d: StoredDeadline): StoredDeadline {
  return { key: d.key, date: d.date, metOn: d.metOn, explanation: d.explanation }
}

export function deadline(key: DeadlineKey, date: IsoDate, today: IsoDate, metOn: IsoDate | null, explanation: Step[]): Deadline {
  return deadlineAt({ key, date, metOn, explanation }, today)
}

/** An inclusive period with the id of what it came from. */
export interface Period {
  id: string
  fromDate: IsoDate
  toDate: IsoDate
}

/**
 * R11.6: periods in start order, each cut to the days no earlier period covered ("the
 * later-starting one adds only its uncovered days"). Since every earlier period starts no
 * later, the covered part of a period is always its head, up to the furthest end so far.
 * `uncovered` is null when the period adds nothing.
 */
export function uncoveredInStartOrder<T extends Period>(periods: readonly T[]): { period: T; uncovered: { fromDate: IsoDate; toDate: IsoDate } | null }[] {
  const sorted = [...periods].sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0))
  let coveredTo: IsoDate | null = null
  return sorted.map((period) => {
    const from: IsoDate = coveredTo && coveredTo >= period.fromDate ? addDays(coveredTo, 1) : period.fromDate
    if (!coveredTo || period.toDate > coveredTo) coveredTo = period.toDate
    return { period, uncovered: from <= period.toDate ? { fromDate: from, toDate: period.toDate } : null }
  })
}
