import { addDays, addMonths } from '../../calendar'
import type { DecisionCommandPayload } from '../../domain/command'
import type { Decision, DecisionType } from '../../domain/registrations'
import { paramValue } from '../parameters'
import { grantedOf } from '../queries'
import { datesValid, periodOrdered, type CheckInput, type Findings } from './context'

/** `reason`: a reason code or a free text, reported on `reasonCode`. */
export type DecisionField = 'startDate' | 'endDate' | 'hours' | 'reasonCode' | 'leaveType' | 'leaveUnit' | 'reason'

/**
 * R4 fields required per type. `always` applies to grants and refusals; `onGrant` only
 * when the result is `innvilga` (a refused programme has no start).
 */
export const REQUIRED_DECISION_FIELDS: Record<DecisionType, { always: DecisionField[]; onGrant: DecisionField[] }> = {
  NORSK_RETT_OG_PLIKT: { always: [], onGrant: ['startDate'] },
  NORSK_RETT: { always: [], onGrant: ['startDate'] },
  NORSK_PLIKT: { always: [], onGrant: ['startDate'] },
  NORSK_BEHOVSPROVD: { always: ['hours'], onGrant: ['startDate'] },
  NORSK_FRITAK_NORSK: { always: ['reasonCode'], onGrant: [] },
  NORSK_FRITAK_SAMFUNN: { always: ['reasonCode'], onGrant: [] },
  NORSK_FRITAK_PROVE: { always: ['reasonCode'], onGrant: [] },
  NORSK_UTSETT_OPPSTART: { always: ['startDate', 'endDate', 'reasonCode'], onGrant: [] },
  NORSK_PERMISJON: { always: ['startDate', 'endDate', 'leaveType'], onGrant: [] },
  INTRO_PROGRAM: { always: [], onGrant: ['startDate'] },
  INTRO_PERMISJON: { always: ['startDate', 'endDate', 'leaveType', 'leaveUnit'], onGrant: [] },
  INTRO_UTVIDA_DELTAKING: { always: ['reason'], onGrant: [] },
  INTRO_MIDLERTIDIG_STANS: { always: ['startDate', 'endDate'], onGrant: [] },
  INTRO_PERMANENT_STANS: { always: [], onGrant: [] },
}

const missing = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

/** R4 refusal: a refused decision needs a reason (a code or a text). */
function refusalReason(f: Findings, d: Decision): void {
  if (d.result === 'avslag' && missing(d.reasonCode) && missing(d.reasonText)) f.error('REFUSAL_REASON_REQUIRED', 'reasonText')
}

/**
 * R4 for `decision.register` (status and offered types are checked by the caller):
 * - the type belongs to the scheme;
 * - required fields per type; refusal needs a reason; start ≤ end;
 * - NORSK_BEHOVSPROVD: hours in 1 … 2400 − hours already granted needs-based (R6.3);
 * - INTRO_MIDLERTIDIG_STANS: at most 3 months, i.e. end ≤ start + 3 months − 1 day
 *   (**Decision**: the period is inclusive, so 1 Jan–31 Mar is exactly 3 months);
 * - INTRO_PERMANENT_STANS granted: the ending comes in the same save (R5.6);
 * - `selfStudy` only on a granted INTRO_PROGRAM (R5.4).
 * The decision date not in the future is R8.3 on its event date (the caller).
 */
export function checkDecisionFields({ f, snapshot }: CheckInput, d: DecisionCommandPayload): void {
  if (!d.type.startsWith(d.scheme === 'norsk' ? 'NORSK_' : 'INTRO_')) {
    f.error('DECISION_SCHEME_MISMATCH', 'type', { type: d.type, scheme: d.scheme })
  }
  const req = REQUIRED_DECISION_FIELDS[d.type]
  for (const field of [...req.always, ...(d.result === 'innvilga' ? req.onGrant : [])]) {
    if (field === 'reason' ? missing(d.reasonCode) && missing(d.reasonText) : missing(d[field])) {
      f.error('REQUIRED', field === 'reason' ? 'reasonCode' : field)
    }
  }
  refusalReason(f, d)
  if (!datesValid(f, { decisionDate: d.decisionDate, startDate: d.startDate, endDate: d.endDate })) return
  if (d.startDate && d.endDate && !periodOrdered(f, d.startDate, d.endDate, 'endDate')) return
  if (d.type === 'NORSK_BEHOVSPROVD' && typeof d.hours === 'number') {
    const already = grantedOf(snapshot, 'NORSK_BEHOVSPROVD')
      .filter((x) => x.id !== d.id)
      .reduce((s, x) => s + (x.hours ?? 0), 0)
    const max = paramValue('norskNeedsBasedHoursMax', d.decisionDate) - already
    if (!(d.hours >= 1 && d.hours <= max)) f.error('NEEDS_BASED_HOURS_RANGE', 'hours', { min: 1, max })
  }
  if (d.type === 'INTRO_MIDLERTIDIG_STANS' && d.startDate && d.endDate) {
    const last = addDays(addMonths(d.startDate, paramValue('temporaryStopMaxMonths', d.startDate)), -1)
    if (d.endDate > last) f.error('TEMPORARY_STOP_TOO_LONG', 'endDate', { max: last })
  }
  if (d.type === 'INTRO_PERMANENT_STANS' && d.result === 'innvilga' && !d.ending) f.error('PERMANENT_STOP_NEEDS_ENDING', 'ending')
  // R5.4 / R4: self-study is a property of a granted programme plan; on any other decision it
  // would be stored but never read, so it is refused beside the box rather than kept silently.
  if (d.selfStudy && (d.type !== 'INTRO_PROGRAM' || d.result !== 'innvilga')) f.error('SELF_STUDY_NOT_APPLICABLE', 'selfStudy')
  leaveOverlap(f, snapshot.registrations.decisions, d)
}

/**
 * R5.7: a granted leave may not overlap another granted leave of the same scheme (the same
 * type: INTRO_PERMISJON or NORSK_PERMISJON); the caseworker changes the existing leave
 * instead. Edits (same id) are judged without their earlier version. Named on `startDate`
 * with the other leave's dates, so the caseworker finds it. Periods are inclusive.
 */
function leaveOverlap(f: Findings, decisions: readonly Decision[], d: DecisionCommandPayload): void {
  if ((d.type !== 'INTRO_PERMISJON' && d.type !== 'NORSK_PERMISJON') || d.result !== 'innvilga' || !d.startDate || !d.endDate) return
  const { startDate, endDate } = d
  const other = decisions.find((x) => x.id !== d.id && x.type === d.type && x.result === 'innvilga' && x.startDate && x.endDate && x.startDate <= endDate && x.endDate >= startDate)
  if (other) f.error('LEAVE_OVERLAP', 'startDate', { from: other.startDate as string, to: other.endDate as string })
}
