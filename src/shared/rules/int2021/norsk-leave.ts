import { addDays, calendarDaysInclusive, type IsoDate } from '../../calendar'
import type { PersonSnapshot } from '../../domain'
import { deadline, uncoveredInStartOrder, type Deadline, type DeadlineKey } from '../deadline'
import { step, type Step } from '../explanation'
import { grantedOf } from '../queries'
import { INTEGRERING_2021 } from './regimes'

export const regime = INTEGRERING_2021

/**
 * R12.2.5 / R12.2.7: each granted `NORSK_PERMISJON` adds its calendar days to a deadline, in
 * R11.6's order — days that an earlier leave already covered count once.
 */
export function withNorskLeave(s: PersonSnapshot, date: IsoDate, steps: Step[], part: string): IsoDate {
  const leaves = grantedOf(s, 'NORSK_PERMISJON').flatMap((d) => (d.startDate && d.endDate ? [{ id: d.id, fromDate: d.startDate, toDate: d.endDate }] : []))
  for (const { period, uncovered } of uncoveredInStartOrder(leaves)) {
    const days = uncovered ? calendarDaysInclusive(uncovered.fromDate, uncovered.toDate) : 0
    const before = date
    date = addDays(date, days)
    steps.push(
      step('R12.2', 'int21NorskLeave', {
        part,
        from: period.fromDate,
        to: period.toDate,
        days,
        overlapDays: calendarDaysInclusive(period.fromDate, period.toDate) - days,
        before,
        result: date,
      }),
    )
  }
  return date
}

/** Deadline keys of the 2021 act beside the 2003 ones (R12.2.5, R12.2.7). */
export type Deadline2021Key = DeadlineKey | 'norskNorwegian2021' | 'norskSocialStudies2021' | 'norsk6A'

export type Deadline2021 = Omit<Deadline, 'key'> & { key: Deadline2021Key }

/** A deadline as read on `today` (R11.5 semantics: overdue = after the date and not met by today). */
export function deadline2021(key: Deadline2021Key, date: IsoDate, today: IsoDate, metOn: IsoDate | null, steps: Step[]): Deadline2021 {
  return { ...deadline('norskStart', date, today, metOn, steps), key }
}
