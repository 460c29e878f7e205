import { addDays, type IsoDate } from '../calendar'
import type { Deadline } from './deadline'
import type { Step } from './explanation'

/** A day on the deadline timeline (R5.1, R5.2). */
export interface TimelineMark {
  kind: 'settlement' | 'claim' | 'programmeStart' | 'plannedStart' | 'twoYears' | 'deadline' | 'today'
  date: IsoDate
}

/**
 * A stretch of days on the timeline: what the caseworker registered (leave, absence,
 * parental-leave absence) and what moved the deadline (the third year, absence beyond the
 * free days).
 */
export interface TimelinePeriod {
  kind: 'leave' | 'absence' | 'parentalAbsence' | 'thirdYear' | 'absenceExcess'
  from: IsoDate
  to: IsoDate
}

export interface Timeline {
  marks: TimelineMark[]
  periods: TimelinePeriod[]
}

const str = (v: Step['values'][string] | undefined): IsoDate | null => (typeof v === 'string' ? v : null)

/** The days a deadline moved over: from the day after `before` to `result`. */
function moved(kind: TimelinePeriod['kind'], s: Step): TimelinePeriod[] {
  const before = str(s.values.before)
  const result = str(s.values.result)
  return before && result && result > before ? [{ kind, from: addDays(before, 1), to: result }] : []
}

/**
 * R5.1 / R5.2 / R11.6: the days of a deadline's calculation, read from its explanation steps
 * (which already hold every date the rules used), for the timeline under the calculation log.
 * Absence rows are shown as registered; whether they moved the deadline shows as the excess
 * (R11.7). A granted programme start after today shows as planned (R5.1). Today comes from
 * the deadline as read (`date − daysLeft`). Marks in date order, periods in step order.
 */
export function timelineOf(d: Deadline): Timeline {
  const marks: TimelineMark[] = []
  const periods: TimelinePeriod[] = []
  const mark = (kind: TimelineMark['kind'], date: IsoDate | null) => {
    if (date) marks.push({ kind, date })
  }
  for (const s of d.explanation) {
    const v = s.values
    switch (s.key) {
      case 'introStartFromSettlement':
        mark('settlement', str(v.settlement))
        break
      case 'introClaimWindow':
        mark('settlement', str(v.settlement))
        break
      case 'introStartFromClaim':
        mark('claim', str(v.claim))
        break
      case 'startedOn':
        mark('programmeStart', str(v.start))
        break
      case 'plannedStart':
        // R5.1: a granted start after today does not meet the deadline yet, but the caseworker
        // must see whether it lies before or after the deadline
        mark('plannedStart', str(v.start))
        break
      case 'introCompletionBase':
        mark('programmeStart', str(v.start))
        mark('twoYears', str(v.date))
        break
      case 'introCompletionExtended':
        periods.push(...moved('thirdYear', s))
        break
      case 'introLeaveCalendar':
      case 'introLeaveWorking':
        if (str(v.from) && str(v.to)) periods.push({ kind: 'leave', from: str(v.from)!, to: str(v.to)! })
        break
      case 'introAbsence':
        if (str(v.from) && str(v.to)) periods.push({ kind: 'absence', from: str(v.from)!, to: str(v.to)! })
        break
      case 'introAbsenceExcess':
        periods.push(...moved('absenceExcess', s))
        break
      case 'introParentalAbsence':
        if (str(v.from) && str(v.to)) periods.push({ kind: 'parentalAbsence', from: str(v.from)!, to: str(v.to)! })
        break
    }
  }
  mark('deadline', d.date)
  mark('today', addDays(d.date, -d.daysLeft))
  // one mark per kind and day: the settlement is named by two steps when a claim is checked against it
  const seen = new Set<string>()
  const unique = marks.filter((m) => !seen.has(`${m.kind}:${m.date}`) && seen.add(`${m.kind}:${m.date}`))
  unique.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { marks: unique, periods }
}
