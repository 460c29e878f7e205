import type { IsoDate } from '../../calendar'
import { asylnorskKinds, asylnorskOfferKindOf, type AsylnorskKind, type AsylnorskOffer, type AsylnorskParticipation } from '../../domain/registrations'
import type { Category } from '../categories'
import type { MottakWeek } from '../int2021/input'
import { intValue } from '../int2021/parameters'
import { mottakHoursCheck } from '../int2021/reception'
import { paramValue } from '../parameters'
import { datesValid, onStep, periodOrdered, type CheckInput, type Findings } from './context'
import { weekOf } from './weekly-participation'

/** D7 / R12.2.8: which category kind allows which kind of participation (`mottak_plikt`: both reception kinds). */
const KIND_OF_CATEGORY: Record<AsylnorskKind, Category['kind']> = { ASYLNORSK: 'asylnorsk', NKNV: 'nknv', MOTTAK_NORSK: 'mottak_plikt', MOTTAK_SAMF: 'mottak_plikt' }

const isMottak = (k: AsylnorskKind): k is MottakWeek['kind'] => k === 'MOTTAK_NORSK' || k === 'MOTTAK_SAMF'

/**
 * D7 / R7.2 / R12.2.8: the kinds of participation the person's categories allow — a current
 * (or completed, so a week can still be corrected) `asylnorsk` / `nknv` category, or under
 * the 2021 act (applications from 2021, R12.0.4) `mottak_plikt` for both reception kinds.
 * The screen offers exactly these, so it never offers what the check would refuse.
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
 *   week can still be corrected) `asylnorsk` / `nknv` category, or `mottak_plikt` (R12.2.8);
 * - the week overlaps an offered period of the municipality for that kind (**Decision**:
 *   overlap, like R11.10, so week 1 counts for an offer from 1 January); a reception kind
 *   needs the offer of `asylnorskOfferKindOf` (R12.2.8: R7.1's offer still required);
 * - totals per kind (this week replacing its earlier row): above the cap (175 / 50; in
 *   reception 175 Norwegian / 25 social studies, `int2021/reception.ts`) → error; at or above
 *   90 % of it → warning.
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
  const offerKind = asylnorskOfferKindOf(w.kind)
  const offered = snapshot.asylnorskOffers.some(
    (o) => o.kind === offerKind && o.municipality === snapshot.person.followUpMunicipality && o.fromDate <= week.sunday && week.monday <= o.toDate,
  )
  // Named by the offer's kind: that is what the municipality must register.
  if (!offered) f.error('ASYLNORSK_NOT_OFFERED', 'isoWeek', { kind: offerKind, year: w.isoYear, week: w.isoWeek })
  if (isMottak(w.kind)) checkMottakCap(f, snapshot.registrations.asylnorsk, { ...w, kind: w.kind })
  else checkCap(input, w, week.sunday)
  return week.sunday
}

/** R12.2.8 by `mottakHoursCheck` (the 2021 rule's own caps and 90 % share), said beside the hours. */
function checkMottakCap(f: Findings, rows: readonly AsylnorskParticipation[], w: MottakWeek): void {
  const existing = rows.filter((r): r is AsylnorskParticipation & MottakWeek => isMottak(r.kind))
  for (const x of mottakHoursCheck(existing, w)) {
    if (x.code === 'MOTTAK_HOURS_CAP') f.error('MOTTAK_HOURS_CAP', 'hours', x.values)
    else if (x.code === 'MOTTAK_HOURS_NEAR_CAP') f.warn('MOTTAK_HOURS_NEAR_CAP', 'hours', x.values)
  }
}

/** R7.2 / R12.2.8: the most hours of a kind in force at `at` (175 / 50; in reception 175 / 25). */
export function asylnorskKindCap(kind: AsylnorskKind, at: IsoDate): number {
  if (kind === 'MOTTAK_NORSK') return intValue('INT.mottak.norskHours', at)
  if (kind === 'MOTTAK_SAMF') return intValue('INT.mottak.samfHours', at)
  return kind === 'ASYLNORSK' ? paramValue('asylnorskHoursMax', at) : paramValue('nknvHoursMax', at)
}

function checkCap({ f, snapshot }: CheckInput, w: AsylnorskParticipation, sunday: IsoDate): void {
  const max = asylnorskKindCap(w.kind, sunday)
  let total = w.hours
  for (const r of snapshot.registrations.asylnorsk) {
    const sameWeek = r.isoYear === w.isoYear && r.isoWeek === w.isoWeek && r.kind === w.kind
    if (r.kind === w.kind && r.id !== w.id && !sameWeek) total += r.hours
  }
  const share = paramValue('asylnorskWarningShare', sunday)
  if (total > max) f.error('ASYLNORSK_HOURS_CAP', 'hours', { kind: w.kind, max, total })
  else if (total >= max * share) f.warn('ASYLNORSK_HOURS_NEAR_CAP', 'hours', { kind: w.kind, max, total })
}
