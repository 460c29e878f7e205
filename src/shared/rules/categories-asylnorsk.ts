import { addDays, type IsoDate } from '../calendar'
import type { AsylnorskKind, PersonSnapshot } from '../domain'
import { category, found, later, none, permitWhyNot, type Category, type CategoryReason, type DisplayState, type Judgement } from './categories'
import { step, type Step } from './explanation'
import { paramValue } from './parameters'
import { ageAt, birthday, groundOf, latestPermitWhere, permitsInOrder } from './queries'

type State = { displayState: DisplayState; closedAt: IsoDate | null; reason: CategoryReason | null }

/** Hours registered per kind of asylum-seeker training (R7.2; the reception kinds of R12.2.8 too). */
export function asylnorskHours(s: PersonSnapshot): Record<AsylnorskKind, number> {
  const sum = { ASYLNORSK: 0, NKNV: 0, MOTTAK_NORSK: 0, MOTTAK_SAMF: 0 }
  for (const r of s.registrations.asylnorsk) sum[r.kind] += r.hours
  return sum
}

/** The first permit granted on the application (a non-asylum ground), on or after `from`. */
function decisionOnApplication(s: PersonSnapshot, from: IsoDate, today: IsoDate): IsoDate | null {
  for (const p of permitsInOrder(s)) {
    const g = groundOf(s, p.groundCode)
    if (g && !g.asylumSeeker && p.validFrom >= from && p.grantedDate <= today) return p.grantedDate
  }
  return null
}

/**
 * R3.5: `asylnorsk` and NKNV for an asylum seeker (ground with `asylumSeeker`), aged 16 or
 * more (Decision: ≥ 16), in an ordinary reception centre, with no decision yet; or why
 * there are none.
 * Edge cases: a permit granted later closes `asylnorsk` on its grant date while NKNV stays
 * current until its 50 hours are done (D7); a person outside an ordinary centre who never
 * took part gets no category at all; NKNV exists only from 2017.
 */
export function asylnorskJudgement(s: PersonSnapshot, today: IsoDate): Judgement<Category[]> {
  const permit = latestPermitWhere(s, (g) => g.asylumSeeker)
  if (!permit) return none(...permitWhyNot(s, (g) => g.asylumSeeker, 'asylNotAsylumSeeker'))
  const centre = s.person.receptionCentre
  const hasRows = s.registrations.asylnorsk.length > 0
  if (centre !== 'ordinaert' && !hasRows) return none(step('R3.5', 'asylNotOrdinaryCentre', { ground: permit.groundCode, centre }))
  const min = paramValue('asylnorskAgeMin', today)
  const sixteen = birthday(s.person.birthDate, min)
  if (sixteen > today) {
    return none(step('R3.5', 'asylUnderAge', { birthDate: s.person.birthDate, today, age: ageAt(s.person.birthDate, today), min, from: sixteen }))
  }
  const validFrom = later(permit.validFrom, sixteen)
  const decided = decisionOnApplication(s, permit.validFrom, today)
  const hours = asylnorskHours(s)
  const base: Step[] = [step('R3.5', 'asylPermit', { ground: permit.groundCode, validFrom: permit.validFrom, sixteen, centre, decided })]
  const out: Category[] = []
  const maxA = paramValue('asylnorskHoursMax', today)
  const stepsA = [...base, step('R3.5', 'asylHours', { kind: 'ASYLNORSK', hours: hours.ASYLNORSK, max: maxA })]
  out.push(category('asylnorsk', 'asylnorsk', validFrom, stepsA, asylState({ decided, centre, hours: hours.ASYLNORSK, max: maxA, permit, today }, true)))
  const maxN = paramValue('nknvHoursMax', today)
  if (maxN > 0) {
    const stepsN = [...base, step('R3.5', 'asylHours', { kind: 'NKNV', hours: hours.NKNV, max: maxN })]
    out.push(category('asylnorsk', 'nknv', validFrom, stepsN, asylState({ decided, centre, hours: hours.NKNV, max: maxN, permit, today }, false)))
  }
  return found(out)
}

/** R3.5 categories for callers that need no empty-state text. */
export function asylnorskCategories(s: PersonSnapshot, today: IsoDate): Category[] {
  return asylnorskJudgement(s, today).category ?? []
}

interface AsylFacts {
  decided: IsoDate | null
  centre: PersonSnapshot['person']['receptionCentre']
  hours: number
  max: number
  permit: PersonSnapshot['permits'][number]
  today: IsoDate
}

/** R3.6 for asylnorsk (`closesOnDecision`) and NKNV (stays open after a decision, D7). */
function asylState(f: AsylFacts, closesOnDecision: boolean): State {
  if (f.hours >= f.max) return { displayState: 'gjennomfort', closedAt: null, reason: 'hours_completed' }
  if (f.decided && closesOnDecision) return { displayState: 'ikkje_gjeldande', closedAt: f.decided, reason: 'permit_granted' }
  if (f.decided) return { displayState: 'current', closedAt: null, reason: null }
  if (f.permit.validTo !== null && f.permit.validTo < f.today) {
    return { displayState: 'ikkje_gjeldande', closedAt: addDays(f.permit.validTo, 1), reason: 'permit_ended' }
  }
  if (f.centre !== 'ordinaert') return { displayState: 'ikkje_gjeldande', closedAt: null, reason: 'not_ordinary_reception_centre' }
  return { displayState: 'current', closedAt: null, reason: null }
}
