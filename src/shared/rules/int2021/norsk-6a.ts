import { addDays, addMonths, type IsoDate } from '../../calendar'
import type { PersonSnapshot } from '../../domain'
import { step, type Step } from '../explanation'
import { earliestStart, grantedOf } from '../queries'
import { withNorskLeave } from './norsk-leave'
import { intValue } from './parameters'
import { INT_6A } from './regimes'

/** R12.2.7: chapter 6A's Norwegian training. */
export const regime = INT_6A

/**
 * R12.2.7: category `rett` from the settlement by agreement (no education background); one
 * deadline `addMonths(start of the first granted NORSK_RETT, 12) − 1 day`, then leave as
 * R12.2.5. Null (log: not running) until a `NORSK_RETT` with a start is granted.
 */
export function deadline6A(s: PersonSnapshot): { date: IsoDate | null; steps: Step[] } {
  const first = earliestStart(grantedOf(s, 'NORSK_RETT'))
  if (!first) return { date: null, steps: [step('R12.2', 'int21Norsk6ANotRunning', {})] }
  const months = intValue('INT_6A.norsk.months', first.startDate)
  const base = addDays(addMonths(first.startDate, months), -1)
  const steps: Step[] = [step('R12.2', 'int21Norsk6ADeadline', { start: first.startDate, months, date: base })]
  const date = withNorskLeave(s, base, steps, 'norwegian')
  return { date, steps }
}
