import { addDays, type IsoDate } from '../calendar'
import type { PermitGroundAttributes, PersonSnapshot, SnapshotPermit } from '../domain'
import { category, found, later, none, permitWhyNot, type Category, type CategoryKind, type CategoryReason, type DisplayState, type Judgement, type NorskHours } from './categories'
import { norskProgress, type NorskProgress } from './categories-norsk-progress'
import { firstNorskStart, NORSK_BASE_TYPES, norskFreeRight } from './deadlines-norsk'
import { step, type Step } from './explanation'
import { param, paramValue } from './parameters'
import { ageAt, birthday, dayAfterAgeLimit, grantedOf, groundFor, groundOf, latestPermitWhere, permitLapse, permitsInOrder } from './queries'

type State = { displayState: DisplayState; closedAt: IsoDate | null; reason: CategoryReason | null }

/** A Norwegian category with the progress it was judged on. */
export interface NorskCategoryResult {
  category: Category
  progress: NorskProgress
  /** Upper age of the category's kind, for the "age limit passed" check. */
  ageMax: number
}

/**
 * R3.4: the Norwegian category at `today`, or why there is none (no ground with a norsk
 * group, under 16 — they grow into it at 16 — or outside every age band at the start).
 * The start is the grant date of the first permit of the current group (renewals keep it),
 * or arrival when the permit was granted before arrival; age bands are those in force at
 * the start (before 2017: 16–55 `rett og plikt`, 56–67 `rett`; from 2017: 16–67).
 */
export function norskJudgement(s: PersonSnapshot, today: IsoDate): Judgement<NorskCategoryResult> {
  const q = latestPermitWhere(s, (g) => g.norskGroup !== null)
  if (!q) return none(...permitWhyNot(s, (g) => g.norskGroup !== null, 'norskGroundNoRight'))
  const group = groundOf(s, q.groundCode)!.norskGroup!
  const qualifies = (g: PermitGroundAttributes): boolean => g.norskGroup === group
  const first = permitsInOrder(s).find((p) => groundFor(s, p)?.norskGroup === group) as SnapshotPermit
  const arrival = s.person.arrivalDate
  const granted = arrival && first.grantedDate < arrival ? arrival : first.grantedDate
  const min = paramValue('norskAgeMin', granted)
  const sixteen = birthday(s.person.birthDate, min)
  if (sixteen > today) {
    return none(step('R3.4', 'norskUnderAge', { birthDate: s.person.birthDate, today, age: ageAt(s.person.birthDate, today), min, from: sixteen }))
  }
  const validFrom = later(granted, sixteen)
  const age = ageAt(s.person.birthDate, validFrom)
  const band = kindOf(group, age, validFrom)
  const permitStep = step('R3.4', 'norskPermit', { ground: q.groundCode, group, granted: first.grantedDate, arrival, start: validFrom })
  const ageValues = { birthDate: s.person.birthDate, at: validFrom, age, min: band.min, max: band.max }
  if (!band.kind) return none(permitStep, step('R3.4', 'norskAgeOutside', ageValues))
  const steps: Step[] = [permitStep, step('R3.4', 'norskAge', { ...ageValues, kind: band.kind })]
  const { rule, ...hours } = hoursOf(band.kind, first.grantedDate)
  steps.push(step(rule, 'norskHours', { granted: first.grantedDate, total: hours.total, norwegian: hours.norwegian, social: hours.socialStudies }))
  const { progress, steps: progressSteps } = norskProgress(s, hours)
  steps.push(...progressSteps)
  const state = norskState(s, today, { q, qualifies, kind: band.kind, validFrom, progress, ageMax: band.max }, steps)
  return found({ category: category('norsk', band.kind, validFrom, steps, state, hours), progress, ageMax: band.max })
}

/** R3.4 category for callers that need no empty-state text. */
export function norskCategory(s: PersonSnapshot, today: IsoDate): NorskCategoryResult | null {
  return norskJudgement(s, today).category
}

/**
 * The kind an age gives at `at` within a norsk group, with the band's limits; outside every
 * band the limits are the group's whole range (16 to the highest upper limit).
 */
function kindOf(group: 'rett_og_plikt' | 'plikt', age: number, at: IsoDate): { kind: CategoryKind | null; min: number; max: number } {
  const min = paramValue('norskAgeMin', at)
  if (group === 'plikt') {
    const max = paramValue('norskPliktAgeMax', at)
    return { kind: age >= min && age <= max ? 'plikt' : null, min, max }
  }
  const rpMax = paramValue('norskRettOgPliktAgeMax', at)
  if (age >= min && age <= rpMax) return { kind: 'rett_og_plikt', min, max: rpMax }
  const rMax = paramValue('norskRettAgeMax', at)
  if (age > rpMax && age <= rMax) return { kind: 'rett', min: rpMax + 1, max: rMax }
  return { kind: null, min, max: Math.max(rpMax, rMax) }
}

/** R3.4 / R11.9 hours; `rett og plikt` and `rett` by the permit's grant date. */
function hoursOf(kind: CategoryKind, grantedDate: IsoDate): NorskHours & { rule: string } {
  const socialStudies = paramValue('norskHoursSocialStudies', grantedDate)
  if (kind === 'plikt') {
    const p = param('norskPliktHoursTotal', grantedDate)
    return { total: p.value, norwegian: paramValue('norskPliktHoursNorwegian', grantedDate), socialStudies, rule: p.rule }
  }
  const p = param('norskHoursTotal', grantedDate)
  return { total: p.value, norwegian: paramValue('norskHoursNorwegian', grantedDate), socialStudies, rule: p.rule }
}

interface NorskFacts {
  q: SnapshotPermit
  qualifies: (g: PermitGroundAttributes) => boolean
  kind: CategoryKind
  validFrom: IsoDate
  progress: NorskProgress
  ageMax: number
}

/** R3.6 for Norwegian, first matching state wins: ved behov, friteken/gjennomført, then closures. */
function norskState(s: PersonSnapshot, today: IsoDate, f: NorskFacts, steps: Step[]): State {
  const needsBased = grantedOf(s, 'NORSK_BEHOVSPROVD').filter((d) => d.decisionDate <= today)
  if (needsBased.length > 0 && f.kind !== 'plikt') {
    const closedAt = needsBased.map((d) => d.startDate ?? d.decisionDate).sort()[0]
    steps.push(step('R6.3', 'norskNeedsBasedGranted', { closedAt }))
    return { displayState: 'ved_behov', closedAt, reason: 'needs_based' }
  }
  if (f.progress.completedAt && f.progress.completedAt <= today) {
    const friteken = f.progress.exemptOnly
    steps.push(step('R3.6', friteken ? 'norskExempted' : 'norskCompleted', { closedAt: f.progress.completedAt }))
    return friteken
      ? { displayState: 'friteken', closedAt: f.progress.completedAt, reason: 'exempted' }
      : { displayState: 'gjennomfort', closedAt: f.progress.completedAt, reason: 'hours_completed' }
  }
  const lapse = permitLapse(s, f.q, f.qualifies, today)
  if (!lapse.holds) {
    steps.push(step('R3.6', lapse.reason === 'permit_ended' ? 'permitEnded' : 'permitChanged', { closedAt: lapse.closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt: lapse.closedAt, reason: lapse.reason }
  }
  const start = firstNorskStart(s)
  const anyGranted = grantedOf(s, ...NORSK_BASE_TYPES).length > 0
  if (!anyGranted && ageAt(s.person.birthDate, today) > f.ageMax) {
    const closedAt = dayAfterAgeLimit(s.person.birthDate, f.ageMax)
    steps.push(step('R3.6', 'ageLimitPassed', { max: f.ageMax, closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt, reason: 'age_limit_passed' }
  }
  if (f.kind !== 'plikt') {
    const right = norskFreeRight(s, f.validFrom)
    if (today > right.date && !(start && start.startDate <= right.date)) {
      const closedAt = addDays(right.date, 1)
      steps.push(step('R3.6', 'norskFreeRightLapsed', { deadline: right.date, closedAt }))
      return { displayState: 'ikkje_gjeldande', closedAt, reason: 'free_right_lapsed' }
    }
  }
  return { displayState: 'current', closedAt: null, reason: null }
}
