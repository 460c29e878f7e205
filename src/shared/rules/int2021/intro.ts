import { addDays, addMonths, addWorkingDays, addYears, calendarDaysInclusive, maxDate, minDate, workingDaysBetween, type IsoDate } from '../../calendar'
import type { PermitGroundAttributes, PersonSnapshot } from '../../domain'
import { category, later, permitWhyNot, type Category, type CategoryReason, type DisplayState } from '../categories'
import { latestEnding } from '../categories-intro'
import { deadline, uncoveredInStartOrder, type Deadline } from '../deadline'
import { introStartDeadline } from '../deadlines-intro'
import { step, type Step } from '../explanation'
import { ageAt, earliestStart, grantedOf, latestSettlement, permitLapse } from '../queries'
import { ground2021 } from './grounds'
import { current, type Int2021Input } from './input'
import { intParam, intValue } from './parameters'
import { INTEGRERING_2021 } from './regimes'
import { qualifyingPermit } from './select-regime'
import { DEFAULT_SETTINGS, type RuleSettings, settingsOfSnapshot } from './settings'
import { warning, type Finding2021 } from './warnings'

/** R12.1: the introduction programme under the 2021 act (ch. 4); chapter 6A uses it unchanged (R12.2.7). */
export const regime = INTEGRERING_2021

/** R12.1.3 / J10: why a person who meets the grant and window conditions can only be offered the programme. */
export type KanTilbydastReason = 'OVER_AGE' | 'NO_AGREEMENT' | 'REFUSED_OR_BROKE_OFF'
/** R12.1.5 duration bands. */
export type DurationBand = 'VGS' | 'VGO' | 'ANNA'

type State = { displayState: DisplayState; closedAt: IsoDate | null; reason: CategoryReason | null }

/** The intro category under 2021, or why there is none; with the `kan tilbydast` reasons. */
export interface IntroCategory2021 {
  category: Category | null
  whyNot: Step[] | null
  kanTilbydast: KanTilbydastReason[]
}

/** R12.1.5 / R12.1.6: the programme's band and end date. */
export interface ProgrammePlan {
  start: IsoDate
  band: DurationBand | null
  durationMonths: number | null
  extensionMonths: number
  /** Last programme day; null while the decided months are not registered. */
  endDate: IsoDate | null
  steps: Step[]
  findings: Finding2021[]
}

/** Everything R12.1 computes for one person. */
export interface Intro2021 extends IntroCategory2021 {
  deadlines: Deadline[]
  programme: ProgrammePlan | null
  findings: Finding2021[]
  /** R12.1.7: the weekly full-time norm (37.5, or 30 with self-study) at the programme's start. */
  fullTimeHours: number
}

const introGroup = (g: PermitGroundAttributes): boolean => g.introGroup !== null

/**
 * R12.1.2 / J1: the age limits in force on the grant date. The 2025 revision's upper limit
 * applies only to permits granted on or after the setting's date; while the setting is null
 * the 2021 limit stands.
 */
export function introAgeLimits(granted: IsoDate, settings: RuleSettings = DEFAULT_SETTINGS): { min: number; max: number; rev2025: boolean } {
  const rev = settings['INT.rev2025.inForceFrom'].value
  const rev2025 = rev !== null && granted >= rev
  return { min: intValue('INT.intro.ageMin', granted), max: rev2025 ? intValue('INT.intro.ageMaxRev2025', granted) : intValue('INT.intro.ageMax', granted), rev2025 }
}

const noneWith = (...whyNot: Step[]): IntroCategory2021 => ({ category: null, whyNot, kanTilbydast: [] })

/**
 * R12.1.2 / R12.1.3: `rett og plikt` or `kan tilbydast` with its reasons, judged on the
 * qualifying permit's grant date — no growing in or out: under 18 at grant never gets a
 * category, and later birthdays change nothing (the log says so). Newly arrived as R3.2
 * (J14); the reference-person condition is assumed met until registered as not met (J15).
 */
export function introCategory2021(input: Int2021Input, today: IsoDate): IntroCategory2021 {
  const s = input.snapshot
  // The register's settings travel in the snapshot; an explicit `input.settings` wins (tests, callers that hold them).
  const settings = input.settings ?? settingsOfSnapshot(s)
  const q = qualifyingPermit(s, 'intro', input.grounds)
  if (!q) return noneWith(...permitWhyNot(s, introGroup, 'introGroundNoRight'))
  const g = ground2021(input.grounds, q.groundCode)
  const { min, max, rev2025 } = introAgeLimits(q.grantedDate, settings)
  const age = ageAt(s.person.birthDate, q.grantedDate)
  const ageStep = step('R12.1', 'int21IntroAgeAtGrant', { birthDate: s.person.birthDate, granted: q.grantedDate, age, min, max })
  if (age < min) return noneWith(ageStep, step('R12.1', 'int21IntroUnderAgeAtGrant', { age, min }))
  const settlement = latestSettlement(s)
  if (!settlement && g.needsAgreement) return noneWith(step('R12.1', 'int21IntroNotSettled', { ground: q.groundCode }))
  const steps: Step[] = [step('R12.1', 'int21IntroPermit', { ground: q.groundCode, granted: q.grantedDate, validFrom: q.validFrom }), ageStep]
  if (g.referencePersonCondition) {
    const ref = current(input.registrations?.referencePersonCondition, today)
    const years = intValue('INT.intro.familyRefPersonMaxYears', q.grantedDate)
    if (ref && !ref.met) return noneWith(...steps, step('R12.1', 'int21RefPersonNotMet', { date: ref.date, years }))
    steps.push(step('R12.1', 'decisionJ15', { registered: ref !== null, years }))
  }
  const base = settlement?.date ?? s.person.arrivalDate ?? q.grantedDate
  steps.push(
    settlement
      ? step('R12.1', 'int21IntroSettlement', {
          date: settlement.date,
          municipality: settlement.municipality,
          byAgreement: settlement.byAgreement,
          needsAgreement: g.needsAgreement,
        })
      : step('R12.1', 'int21IntroNoSettlement', { base, needsAgreement: g.needsAgreement }),
  )
  const reasons: KanTilbydastReason[] = []
  const rev = settings['INT.rev2025.inForceFrom']
  const revMax = intValue('INT.intro.ageMaxRev2025', q.grantedDate)
  if (age > max) {
    reasons.push('OVER_AGE')
    steps.push(step('R12.1', 'int21KanOverAge', { age, max }))
    // J1: a person the revision would cover is told so, with the setting's value and origin
    if (!rev2025 && age <= revMax) steps.push(step('R12.1', 'rev2025NotInForce', { age, revMax, setting: rev.value, origin: rev.origin }))
  } else if (rev2025 && age > intValue('INT.intro.ageMax', q.grantedDate)) {
    steps.push(step('R12.1', 'int21Rev2025Applied', { age, max, setting: rev.value, origin: rev.origin }))
  }
  if (settlement && !settlement.byAgreement && g.needsAgreement) {
    reasons.push('NO_AGREEMENT')
    steps.push(step('R12.1', 'int21KanNoAgreement', { ground: q.groundCode }))
  }
  const programmes = s.registrations.decisions.filter((d) => d.type === 'INTRO_PROGRAM')
  const refused = programmes.some((d) => d.result === 'avslag')
  const brokeOff = s.registrations.endings.some((e) => e.reasonCode === 'AVBROTE_EIGE_ONSKE' && e.endDate <= today)
  if (refused || brokeOff) {
    reasons.push('REFUSED_OR_BROKE_OFF')
    steps.push(step('R12.1', 'int21KanRefused', { refused, brokeOff }))
  }
  const kind = reasons.length > 0 ? 'kan_tilbydast' : 'rett_og_plikt'
  if (kind === 'rett_og_plikt') steps.push(step('R12.1', 'int21IntroRettOgPlikt', {}))
  const validFrom = later(q.validFrom, base)
  const state = introState2021(s, today, { q, base, hasDecision: programmes.length > 0, grantedProgramme: programmes.some((d) => d.result === 'innvilga') }, steps)
  return { category: category('intro', kind, validFrom, steps, state), whyNot: null, kanTilbydast: reasons }
}

interface StateFacts {
  q: PersonSnapshot['permits'][number]
  base: IsoDate
  hasDecision: boolean
  grantedProgramme: boolean
}

/**
 * R3.6 as kept by R12.0.5 (first match wins): an ending, the permit lapsing, moving away
 * without a granted programme, the newly-arrived window passing without a decision or a
 * claim made inside it. No age closure: the 2021 act judges age on the grant date only.
 */
function introState2021(s: PersonSnapshot, today: IsoDate, f: StateFacts, steps: Step[]): State {
  const ending = latestEnding(s, today)
  if (ending && ending.reasonCode !== 'AVBROTE_EIGE_ONSKE') {
    const done = ending.reasonCode !== 'PERMANENT_STANS'
    steps.push(step('R12.1', done ? 'int21IntroEnded' : 'int21IntroPermanentStop', { endDate: ending.endDate, reasonCode: ending.reasonCode }))
    return done
      ? { displayState: 'gjennomfort', closedAt: ending.endDate, reason: 'programme_ended' }
      : { displayState: 'ikkje_gjeldande', closedAt: ending.endDate, reason: 'permanent_stop' }
  }
  const lapse = permitLapse(s, f.q, introGroup, today)
  if (!lapse.holds) {
    steps.push(step('R12.1', lapse.reason === 'permit_ended' ? 'int21PermitEnded' : 'int21PermitChanged', { closedAt: lapse.closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt: lapse.closedAt, reason: lapse.reason }
  }
  const settlement = latestSettlement(s)
  if (settlement && settlement.municipality !== s.person.followUpMunicipality && !f.grantedProgramme) {
    const moves = (s.addresses ?? []).filter((a) => a.municipality !== settlement.municipality && a.validFrom >= settlement.date).map((a) => a.validFrom)
    const closedAt = moves.length > 0 ? minDate(moves[0], ...moves) : null
    steps.push(step('R12.1', 'int21IntroMoved', { from: settlement.municipality, to: s.person.followUpMunicipality, closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt, reason: 'moved' }
  }
  const years = intValue('INT.intro.residenceMaxYears', f.base)
  const windowEnd = addYears(f.base, years)
  const claimInTime = s.registrations.claims.some((c) => c.scheme === 'intro' && c.date <= windowEnd)
  steps.push(step('R12.1', 'int21IntroNewlyArrived', { base: f.base, years, windowEnd, hasDecision: f.hasDecision, claimInTime }))
  if (today > windowEnd && !f.hasDecision && !claimInTime) return { displayState: 'ikkje_gjeldande', closedAt: addDays(windowEnd, 1), reason: 'newly_arrived_window_passed' }
  return { displayState: 'current', closedAt: null, reason: null }
}

/** R12.1.5: the band from the current education background and final goal, or unknown (warning). */
export function durationBand(input: Int2021Input, today: IsoDate): { band: DurationBand | null; steps: Step[]; findings: Finding2021[] } {
  const bg = current(input.registrations?.educationBackground, today)
  const goal = current(input.registrations?.finalGoal, today)
  if (!bg || !goal) {
    const values = { background: bg?.background ?? null, goal: goal?.goal ?? null }
    return { band: null, steps: [step('R12.1', 'int21BandUnknown', values)], findings: [warning('BAND_UNKNOWN', values)] }
  }
  const band: DurationBand = bg.background === 'VGS_ELLER_HOGARE' ? 'VGS' : goal.goal === 'FULLFORT_VGO' ? 'VGO' : 'ANNA'
  const limits = bandLimits(band, today)
  return { band, steps: [step('R12.1', 'int21Band', { background: bg.background, goal: goal.goal, band, ...limits })], findings: [] }
}

/** R12.4 `INT.intro.band.*`: decided months min–max and the most months all extensions may add. */
export function bandLimits(band: DurationBand, at: IsoDate): { min: number; max: number; extension: number } {
  return {
    min: intValue(`INT.intro.band.${band}.min`, at),
    max: intValue(`INT.intro.band.${band}.max`, at),
    extension: intValue(`INT.intro.band.${band}.extension`, at),
  }
}

/**
 * R12.1.5 / J1: decided months outside the band's min–max, or all extension months together
 * above the band's most → warning `DURATION_OUTSIDE_BAND` (never an error); else null. Used
 * by the end-date computation and by the decision check (`checks/decision-2021.ts`), so the
 * saved warning and the computed one agree.
 */
export function bandFinding(band: DurationBand, field: 'durationMonths' | 'extensionMonths', months: number, at: IsoDate): Finding2021 | null {
  const limits = bandLimits(band, at)
  const [min, max] = field === 'durationMonths' ? [limits.min, limits.max] : [0, limits.extension]
  return months < min || months > max ? warning('DURATION_OUTSIDE_BAND', { field, band, months, min, max }) : null
}

/** A cause that extends the end date, placed at its own date (R11.6 order). */
interface Extension {
  at: IsoDate
  order: number
  apply: (before: IsoDate) => { result: IsoDate; step: Step }
}

/**
 * R12.1.5 / R12.1.6: the programme's end date from the first granted `INTRO_PROGRAM`:
 * `addMonths(start, decided + Σ granted extension months) − 1 day`, then each granted leave
 * (calendar or working days, overlaps counted once) and each absence after ended parental
 * leave (calendar days), in the order of their dates. Temporary stops, absence and holidays
 * do not extend it (J4, logged). Band breaches only warn (J1). Null until a programme with a
 * start is granted.
 */
export function programmePlan2021(input: Int2021Input, today: IsoDate): ProgrammePlan | null {
  const s = input.snapshot
  const first = earliestStart(grantedOf(s, 'INTRO_PROGRAM'))
  if (!first) return null
  const months = input.registrations?.decisionMonths ?? {}
  const { band, steps, findings } = durationBand(input, today)
  const decided = months[first.id]?.durationMonths ?? null
  let extension = 0
  for (const d of grantedOf(s, 'INTRO_UTVIDA_DELTAKING')) {
    const m = months[d.id]?.extensionMonths ?? null
    if (m === null) steps.push(step('R12.1', 'int21ExtensionMonthsMissing', { decisionDate: d.decisionDate }))
    else extension += m
  }
  if (band) {
    for (const outside of [
      decided === null ? null : bandFinding(band, 'durationMonths', decided, first.startDate),
      bandFinding(band, 'extensionMonths', extension, first.startDate),
    ])
      if (outside) findings.push(outside)
  }
  if (!current(input.registrations?.finalGoal, today)) findings.push(warning('FINAL_GOAL_MISSING', { start: first.startDate }))
  const plan = { start: first.startDate, band, durationMonths: decided, extensionMonths: extension, steps, findings }
  if (decided === null) {
    steps.push(step('R12.1', 'int21DurationMissing', { start: first.startDate }))
    return { ...plan, endDate: null }
  }
  let date = addDays(addMonths(first.startDate, decided), -1)
  steps.push(step('R12.1', 'int21EndBase', { start: first.startDate, months: decided, date }))
  if (extension > 0) {
    const before = date
    date = addDays(addMonths(first.startDate, decided + extension), -1)
    steps.push(step('R12.1', 'int21EndExtended', { months: extension, total: decided + extension, before, result: date }))
  }
  const extensions = [...leaveExtensions(s), ...parentalExtensions(s)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order))
  for (const e of extensions) {
    const applied = e.apply(date)
    date = applied.result
    steps.push(applied.step)
  }
  const stops = grantedOf(s, 'INTRO_MIDLERTIDIG_STANS').length
  const absences = s.registrations.absences.length
  const holidays = s.registrations.holidays.length
  if (stops + absences + holidays > 0) steps.push(step('R12.1', 'decisionJ4', { stops, absences, holidays }))
  steps.push(step('R12.1', 'int21EndResult', { date }))
  return { ...plan, endDate: date }
}

function leaveExtensions(s: PersonSnapshot): Extension[] {
  const leaves = grantedOf(s, 'INTRO_PERMISJON').flatMap((d) =>
    d.startDate && d.endDate ? [{ id: d.id, fromDate: d.startDate, toDate: d.endDate, unit: d.leaveUnit ?? 'kalenderdagar' }] : [],
  )
  return uncoveredInStartOrder(leaves).map(({ period, uncovered }) => {
    const working = period.unit === 'verkedagar'
    const count = (from: IsoDate, to: IsoDate) => (working ? workingDaysBetween(from, to) : calendarDaysInclusive(from, to))
    const days = uncovered ? count(uncovered.fromDate, uncovered.toDate) : 0
    const overlapDays = count(period.fromDate, period.toDate) - days
    return {
      at: period.fromDate,
      order: 0,
      apply: (before: IsoDate) => {
        const result = working ? addWorkingDays(before, days) : addDays(before, days)
        return {
          result,
          step: step('R12.1', working ? 'int21LeaveWorking' : 'int21LeaveCalendar', { from: period.fromDate, to: period.toDate, days, overlapDays, before, result }),
        }
      },
    }
  })
}

function parentalExtensions(s: PersonSnapshot): Extension[] {
  return s.registrations.parentalLeaveAbsences.map((p) => {
    const days = calendarDaysInclusive(p.fromDate, p.toDate)
    return {
      at: p.fromDate,
      order: 2,
      apply: (before: IsoDate) => {
        const result = addDays(before, days)
        return { result, step: step('R12.1', 'int21ParentalAbsence', { from: p.fromDate, to: p.toDate, days, before, result }) }
      },
    }
  })
}

/**
 * R12.1.8 (J16): registered holiday (kind `ferie`; public holidays are not holiday) in working
 * days per programme year — start anniversary to the day before the next. Above the norm →
 * warning. A programme (decided + extension months) under 12 months allows
 * `ceil(25 × months / 12)`.
 */
export function holidayCheck2021(s: PersonSnapshot, plan: ProgrammePlan): { steps: Step[]; findings: Finding2021[] } {
  const steps: Step[] = []
  const findings: Finding2021[] = []
  if (plan.durationMonths === null) return { steps, findings }
  const norm = intValue('INT.intro.holidayWorkingDays', plan.start)
  const total = plan.durationMonths + plan.extensionMonths
  const allowed = total < 12 ? Math.ceil((norm * total) / 12) : norm
  if (total < 12) steps.push(step('R12.1', 'decisionJ16', { norm, months: total, allowed }))
  const holidays = s.registrations.holidays.filter((h) => h.kind === 'ferie')
  if (holidays.length === 0) return { steps, findings }
  const last = holidays.reduce((m, h) => maxDate(m, h.toDate), plan.start)
  for (let k = 0; addYears(plan.start, k) <= last; k++) {
    const from = addYears(plan.start, k)
    const to = addDays(addYears(plan.start, k + 1), -1)
    let days = 0
    for (const h of holidays) if (h.fromDate <= to && h.toDate >= from) days += workingDaysBetween(maxDate(h.fromDate, from), minDate(h.toDate, to))
    if (days === 0) continue
    steps.push(step('R12.1', 'int21HolidayYear', { year: k + 1, from, to, days, allowed }))
    if (days > allowed) findings.push(warning('HOLIDAY_ABOVE_NORM', { year: k + 1, from, to, days, allowed }))
  }
  return { steps, findings }
}

/** R12.1.7: full time is 37.5 hours a week, 30 with self-study (R5.4, R11.8 unchanged). */
export function fullTimeHours2021(selfStudy: boolean, at: IsoDate): { hours: number; rule: string } {
  const p = intParam(selfStudy ? 'INT.intro.fullTimeHoursSelfStudy' : 'INT.intro.fullTimeHours', at)
  return { hours: p.value, rule: p.rule }
}

/** The first day the programme counts as ended (an ending, or a granted permanent stop). */
function endedOn(s: PersonSnapshot): IsoDate | null {
  const days = [...s.registrations.endings.map((e) => e.endDate), ...grantedOf(s, 'INTRO_PERMANENT_STANS').map((d) => d.decisionDate)]
  return days.length ? minDate(days[0], ...days) : null
}

/**
 * R12.1 for one person at `today`: category, start deadline (R12.1.4: exactly R5.1, with the
 * same date as information for the programme decision and competence mapping, J13), the
 * programme's band and end date (as deadline `introCompletion`), and warnings.
 */
export function evaluateIntro2021(input: Int2021Input, today: IsoDate): Intro2021 {
  const s = input.snapshot
  const judged = introCategory2021(input, today)
  const deadlines: Deadline[] = []
  const findings: Finding2021[] = []
  const cat = judged.category
  if (cat && cat.displayState === 'current') {
    const start = introStartDeadline(s, cat, today)
    if (start) deadlines.push({ ...start, explanation: [...start.explanation, step('R12.1', 'decisionJ13', { date: start.date })] })
  }
  const plan = programmePlan2021(input, today)
  if (plan) {
    findings.push(...plan.findings)
    const holidays = holidayCheck2021(s, plan)
    plan.steps.push(...holidays.steps)
    findings.push(...holidays.findings)
    if (plan.endDate) deadlines.push(deadline('introCompletion', plan.endDate, today, endedOn(s), plan.steps))
  }
  const fullTime = fullTimeHours2021(s.plan?.selfStudy ?? false, plan?.start ?? today)
  return { ...judged, deadlines, programme: plan, findings, fullTimeHours: fullTime.hours }
}
