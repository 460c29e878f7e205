import type { IsoDate } from '../../calendar'
import { asylnorskKinds, type AsylnorskKind, type AsylnorskOffer, type AsylnorskParticipation } from '../../domain/registrations'
import type { Category } from '../categories'
import { paramValue } from '../parameters'
import { datesValid, onStep, periodOrdered, type CheckInput, type Findings } from './context'
import { weekOf } from './weekly-participation'

/** D7: which category kind allows which kind of participation. */
const KIND_OF_CATEGORY: Record<AsylnorskKind, Category['kind']> = { ASYLNORSK: 'asylnorsk', NKNV: 'nknv' }

/**
 * D7 / R7.2: the kinds of participation the person's categories allow — a current (or
 * completed, so a week can still be corrected) `asylnorsk` / `nknv` category. The screen
 * offers exactly these, so it never offers what the check would refuse.
 */
export function allowedAsylnorskKinds(categories: readonly Category[]): AsylnorskKind[] {
  return asylnorskKinds.filter((kind) => {
    const cat = categories.find((c) => c.scheme === 'asylnorsk' && c.kind === KIND_OF_CATEGORY[kind])
    return cat !== undefined && (cat.displayState === 'current' || cat.displayState === 'gjennomfort')
  })
}

/**
 * R7.1 `asylnorsk.registerOffer`: the period lies inside the offer's calendar year; one
 * offer per municipality, kind and year (re-saving the same id edits it).
 */
export function checkOffer(f: Findings, o: AsylnorskOffer, existing: readonly AsylnorskOffer[]): void {
  if (!datesValid(f, { fromDate: o.fromDate, toDate: o.toDate }) || !periodOrdered(f, o.fromDate, o.toDate, 'toDate')) return
  const year = String(o.year).padStart(4, '0')
  if (o.fromDate.slice(0, 4) !== year) f.error('OFFER_OUTSIDE_YEAR', 'fromDate', { year: o.year })
  if (o.toDate.slice(0, 4) !== year) f.error('OFFER_OUTSIDE_YEAR', 'toDate', { year: o.year })
  const dup = existing.find((x) => x.id !== o.id && x.municipality === o.municipality && x.kind === o.kind && x.year === o.year)
  if (dup) f.error('OFFER_EXISTS', 'year', { year: o.year, kind: o.kind })
}

/**
 * R7.2 `asylnorsk.saveWeeklyParticipation`:
 * - hours ≥ 0 in steps of 0.25; the ISO week exists and its Monday is not after today;
 * - the kind is one the person's categories allow (D7): a current (or completed, so a
 *   week can still be corrected) `asylnorsk` / `nknv` category;
 * - the week overlaps an offered period of the municipality for that kind (**Decision**:
 *   overlap, like R11.10, so week 1 counts for an offer from 1 January);
 * - totals per kind (this week replacing its earlier row): above the cap (175 / 50) →
 *   error; at or above 90 % of it → warning.
 * Returns the week's Sunday (R8.1 event date) or null.
 */
export function checkAsylnorskWeek(input: CheckInput, w: AsylnorskParticipation, categories: readonly Category[]): IsoDate | null {
  const { f, snapshot, today } = input
  const step = paramValue('hourStep', today)
  if (!onStep(w.hours, step)) f.error('HOURS_STEP', 'hours', { step })
  const week = weekOf(f, w)
  if (!allowedAsylnorskKinds(categories).includes(w.kind)) f.error('ASYLNORSK_KIND_NOT_ALLOWED', 'kind', { kind: w.kind })
  if (!week) return null
  if (week.monday > today) f.error('WEEK_IN_FUTURE', 'isoWeek', { monday: week.monday, today })
  const offered = snapshot.asylnorskOffers.some(
    (o) => o.kind === w.kind && o.municipality === snapshot.person.followUpMunicipality && o.fromDate <= week.sunday && week.monday <= o.toDate,
  )
  if (!offered) f.error('ASYLNORSK_NOT_OFFERED', 'isoWeek', { kind: w.kind, year: w.isoYear, week: w.isoWeek })
  checkCap(input, w, week.sunday)
  return week.sunday
}

function checkCap({ f, snapshot }: CheckInput, w: AsylnorskParticipation, sunday: IsoDate): void {
  const max = w.kind === 'ASYLNORSK' ? paramValue('asylnorskHoursMax', sunday) : paramValue('nknvHoursMax', sunday)
  let total = w.hours
  for (const r of snapshot.registrations.asylnorsk) {
    const sameWeek = r.isoYear === w.isoYear && r.isoWeek === w.isoWeek && r.kind === w.kind
    if (r.kind === w.kind && r.id !== w.id && !sameWeek) total += r.hours
  }
  const share = paramValue('asylnorskWarningShare', sunday)
  if (total > max) f.error('ASYLNORSK_HOURS_CAP', 'hours', { kind: w.kind, max, total })
  else if (total >= max * share) f.warn('ASYLNORSK_HOURS_NEAR_CAP', 'hours', { kind: w.kind, max, total })
}
