import { addDays, daysBetween, type IsoDate } from '../calendar'
import type { Step } from './explanation'

/** Deadline keys (D8.2, R5.1, R5.2, R6.2, R6.3). */
export type DeadlineKey = 'introStart' | 'introCompletion' | 'norskStart' | 'norskFreeRight' | 'norskNeedsBased'

/** A computed deadline with its explanation (D4, D8.2). */
export interface Deadline {
  key: DeadlineKey
  /** The last day that still meets the deadline. */
  date: IsoDate
  /** Calendar days from today to `date`: 0 on the day, negative after (R11.5). */
  daysLeft: number
  /** The deadline has passed without what it asks for (each key says what, in its rule). */
  overdue: boolean
  explanation: Step[]
}

export function deadline(key: DeadlineKey, date: IsoDate, today: IsoDate, overdue: boolean, explanation: Step[]): Deadline {
  return { key, date, daysLeft: daysBetween(today, date), overdue, explanation }
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
