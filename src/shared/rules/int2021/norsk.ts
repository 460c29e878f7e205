import { addDays, addMonths, addYears, isoWeekRange, maxDate, type IsoDate } from '../../calendar'
import type { PermitGroundAttributes, PersonSnapshot, SnapshotPermit, WeeklyParticipation } from '../../domain'
import { category, later, permitWhyNot, type Category, type CategoryReason, type DisplayState } from '../categories'
import { weeklyRows } from '../categories-norsk-progress'
import { norskStartDeadline } from '../deadlines-norsk'
import { step, type Step } from '../explanation'
import { ageAt, birthday, earliestStart, grantedOf, groundFor, permitLapse, permitsInOrder } from '../queries'
import { ground2021 } from './grounds'
import { current, LEVELS, NORSK_PARTS, type EducationBackground, type Int2021Input, type Level, type NorskGoalRow, type NorskPart } from './input'
import { deadline6A } from './norsk-6a'
import { deadline2021, withNorskLeave, type Deadline2021 } from './norsk-leave'
import { intValue } from './parameters'
import { INTEGRERING_2021, type RegimeId } from './regimes'
import { qualifyingPermit } from './select-regime'
import { warning, type Finding2021 } from './warnings'

/** R12.2: Norwegian and social studies under the 2021 act (ch. 6); chapter 6A's deadline lives in `norsk-6a.ts`. */
export const regime = INTEGRERING_2021

/** R12.2.5: why a 2021 category is no longer current, beside R3.6's reasons. */
export type Reason2021 = CategoryReason | 'deadline_passed'

export type Category2021 = Omit<Category, 'reason'> & { reason: Reason2021 | null }

type State = { displayState: DisplayState; closedAt: IsoDate | null; reason: Reason2021 | null }

/** One part of the training (R12.2.5, R12.2.6). */
export interface PartResult {
  /** Last day of the part's deadline; null for `plikt` or while the clock is not running. */
  deadline: IsoDate | null
  /** R12.2.5: background missing → 36 months, marked provisional. */
  provisional: boolean
  /** First day the part was done (test, hours or exemption), or null. */
  doneAt: IsoDate | null
  /** The deadline passed before the part was done (J8: that never completes it). */
  closed: boolean
}

export interface Norsk2021 {
  category: Category2021 | null
  whyNot: Step[] | null
  /** R12.2.2: the day the category starts (after a postponement: the claim), null while postponed without claim. */
  start: IsoDate | null
  /** R12.2.4: the day the deadline clocks run from, or null while not running. */
  anchor: IsoDate | null
  norwegian: PartResult | null
  socialStudies: PartResult | null
  /** R12.2.6: the UI's hint for norskmål from the background. */
  suggestedGoal: Record<NorskPart, Level> | null
  deadlines: Deadline2021[]
  findings: Finding2021[]
}

const EMPTY = { start: null, anchor: null, norwegian: null, socialStudies: null, suggestedGoal: null, deadlines: [], findings: [] }
const noneWith = (...whyNot: Step[]): Norsk2021 => ({ category: null, whyNot, ...EMPTY })

/** R12.2.6: the suggested norskmål (listening, reading, writing; oral) by background. */
export function suggestedGoal(background: EducationBackground | null): Record<NorskPart, Level> | null {
  if (!background) return null
  const [written, oral]: [Level, Level] = background === 'INGEN_GRUNNSKULE' ? ['A2', 'B1'] : background === 'GRUNNSKULE' ? ['B1', 'B1'] : ['B1', 'B2']
  return { lytting: written, lesing: written, skriftleg: written, munnleg: oral }
}

const rank = (l: Level): number => LEVELS.indexOf(l)

/**
 * R12.2.6 / J8: the first day a test result reached the goal in every part (the best result
 * per part counts, each part on the day it first reached its level). `C1_ELLER_KARAKTER_2`
 * needs C1 everywhere. No goal → never done by tests.
 */
export function testsReachGoal(input: Int2021Input, goal: NorskGoalRow['goal'] | null, today: IsoDate): IsoDate | null {
  if (!goal) return null
  const target: Record<NorskPart, Level> = goal === 'C1_ELLER_KARAKTER_2' ? { lytting: 'C1', lesing: 'C1', skriftleg: 'C1', munnleg: 'C1' } : goal
  let all: IsoDate | null = null
  for (const part of NORSK_PARTS) {
    let first: IsoDate | null = null
    for (const t of input.registrations?.norskTests ?? []) {
      if (t.part === part && t.date <= today && rank(t.level) >= rank(target[part]) && (!first || t.date < first)) first = t.date
    }
    if (!first) return null
    all = all ? maxDate(all, first) : first
  }
  return all
}

/** Earliest granted decision date of a type on or before `today`. */
function grantedOn(s: PersonSnapshot, type: 'NORSK_FRITAK_NORSK' | 'NORSK_FRITAK_SAMFUNN', today: IsoDate): IsoDate | null {
  let hit: IsoDate | null = null
  for (const d of grantedOf(s, type)) if (d.decisionDate <= today && (!hit || d.decisionDate < hit)) hit = d.decisionDate
  return hit
}

/** The Sunday of the ISO week in which registered hours of one kind first reached `hours`. */
function hoursReachedOn(rows: readonly WeeklyParticipation[], kind: 'norskHours' | 'samfunnHours', hours: number): { total: number; at: IsoDate | null } {
  let total = 0
  let at: IsoDate | null = null
  for (const w of rows) {
    total += w[kind]
    if (at === null && total >= hours) at = isoWeekRange(w.isoYear, w.isoWeek).sunday
  }
  return { total, at }
}

const earliest = (...dates: (IsoDate | null)[]): IsoDate | null => dates.reduce<IsoDate | null>((a, b) => (a === null ? b : b === null ? a : a < b ? a : b), null)

/**
 * R12.2.2: when the category starts by the ground's `norskStart`: the later of grant and
 * arrival; the grant of the next permit with the same ground (the first renewal); or the
 * settlement by agreement. Null with a log step when that day has not come.
 */
function ordinaryStart(input: Int2021Input, q: SnapshotPermit, regimeId: RegimeId, steps: Step[]): IsoDate | null {
  const s = input.snapshot
  const byAgreement = s.settlements.filter((x) => x.byAgreement).sort((a, b) => (a.date < b.date ? -1 : 1))[0]
  const how = regimeId === 'INT_6A' ? 'SETTLEMENT_BY_AGREEMENT' : ground2021(input.grounds, q.groundCode).norskStart
  if (how === 'SETTLEMENT_BY_AGREEMENT') {
    if (!byAgreement) return null
    steps.push(step('R12.2', 'int21NorskStartSettlement', { settlement: byAgreement.date }))
    return byAgreement.date
  }
  if (how === 'FIRST_RENEWAL') {
    const renewal = permitsInOrder(s).find((p) => p !== q && p.groundCode === q.groundCode && p.grantedDate > q.grantedDate)
    if (!renewal) return null
    steps.push(step('R12.2', 'int21NorskStartRenewal', { ground: q.groundCode, renewal: renewal.grantedDate }))
    return renewal.grantedDate
  }
  const arrival = s.person.arrivalDate
  const start = arrival ? later(q.grantedDate, arrival) : q.grantedDate
  steps.push(step('R12.2', 'int21NorskStartGrant', { granted: q.grantedDate, arrival, start }))
  return start
}

/**
 * R12.2.2: a granted `NORSK_UTSETT_OPPSTART` moves the start to the next `NORSKOPPLAERING`
 * claim after the postponement began; a claim later than the ordinary start + 10 years gives
 * nothing. Returns the effective start, or null while the claim has not come.
 */
function postponedStart(s: PersonSnapshot, ordinary: IsoDate, steps: Step[]): IsoDate | null {
  const postponed = earliestStart(grantedOf(s, 'NORSK_UTSETT_OPPSTART'))
  if (!postponed) return ordinary
  const years = intValue('INT.norsk.postponedStartMaxYears', ordinary)
  const limit = addYears(ordinary, years)
  const claims = s.registrations.claims.filter((c) => c.scheme === 'norsk' && c.kind === 'NORSKOPPLAERING' && c.date >= postponed.startDate).map((c) => c.date)
  const claim = earliest(...claims)
  if (claim && claim <= limit) {
    steps.push(step('R12.2', 'int21NorskPostponedClaim', { postponed: postponed.startDate, claim }))
    return claim
  }
  steps.push(step('R12.2', claim ? 'int21NorskPostponedClaimTooLate' : 'int21NorskPostponedNoClaim', { postponed: postponed.startDate, claim, limit, years }))
  return null
}

/**
 * R12.2 for one person at `today`. `regimeId` comes from R12.0 (`INTEGRERING_2021` or
 * `INT_6A`). Categories `rett og plikt` / `plikt` (6A: `rett`) by age on the qualifying grant
 * date (18–66, no growing in), `(ikkje gjeldande)` from the 67th birthday; the deadline
 * clocks from the anchor (R12.2.4); completion by test ≥ norskmål, hours or exemption.
 */
export function evaluateNorsk2021(input: Int2021Input, today: IsoDate, regimeId: RegimeId = 'INTEGRERING_2021'): Norsk2021 {
  const s = input.snapshot
  const q = qualifyingPermit(s, 'norsk', input.grounds)
  const hasGroup = (g: PermitGroundAttributes): boolean => g.norskGroup !== null
  if (!q) return noneWith(...permitWhyNot(s, hasGroup, 'norskGroundNoRight'))
  const group = groundFor(s, q)!.norskGroup!
  const min = intValue('INT.norsk.ageMin', q.grantedDate)
  const end = intValue('INT.norsk.ageEnd', q.grantedDate)
  const age = ageAt(s.person.birthDate, q.grantedDate)
  const ageStep = step('R12.2', 'int21NorskAgeAtGrant', { birthDate: s.person.birthDate, granted: q.grantedDate, age, min, max: end - 1 })
  if (age < min || age >= end) return noneWith(ageStep, step('R12.2', age < min ? 'int21NorskUnderAgeAtGrant' : 'int21NorskOverAgeAtGrant', { age, min, max: end - 1 }))
  const is6A = regimeId === 'INT_6A'
  const kind = is6A ? 'rett' : group
  const steps: Step[] = [step('R12.2', is6A ? 'int21NorskPermit6A' : 'int21NorskPermit', { ground: q.groundCode, group: kind, granted: q.grantedDate }), ageStep]
  const ordinary = ordinaryStart(input, q, regimeId, steps)
  if (!ordinary) return noneWith(...steps, step('R12.2', 'int21NorskNoStartYet', { ground: q.groundCode }))
  const start = postponedStart(s, ordinary, steps)

  const background = is6A ? null : (current(input.registrations?.educationBackground, today)?.background ?? null)
  const goal = current(input.registrations?.norskGoal, today)?.goal ?? null
  const findings: Finding2021[] = []

  // R12.2.4: which day the clocks run from
  const rev2023 = intValue('INT.norsk.rev2023From', ordinary)
  let anchor: IsoDate | null = null
  if (start && kind === 'rett_og_plikt') {
    if (start < rev2023) {
      anchor = start
      steps.push(step('R12.2', 'int21AnchorCategoryStart', { start, rev2023 }))
    } else {
      // J5: "offer of start" = the start of the first granted NORSK_RETT_OG_PLIKT
      anchor = earliestStart(grantedOf(s, 'NORSK_RETT_OG_PLIKT'))?.startDate ?? null
      steps.push(step('R12.2', anchor ? 'decisionJ5' : 'int21AnchorNotRunning', { start, rev2023, anchor }))
    }
  }

  // R12.2.6: completion of each part
  const testsDone = testsReachGoal(input, goal, today)
  const exemptN = grantedOn(s, 'NORSK_FRITAK_NORSK', today)
  const exemptS = grantedOn(s, 'NORSK_FRITAK_SAMFUNN', today)
  const pliktHours = intValue('INT.norsk.pliktHours', q.grantedDate)
  // one pass to dedupe the weeks (R11.10), shared by both parts
  const weeks = weeklyRows(s)
  const norwegianHours = hoursReachedOn(weeks, 'norskHours', pliktHours)
  const norwegianDone = earliest(testsDone, exemptN, kind === 'plikt' ? norwegianHours.at : null)
  steps.push(
    step('R12.2', goal ? 'int21NorskGoal' : 'int21NorskNoGoal', {
      goal: goal === null ? null : typeof goal === 'string' ? goal : NORSK_PARTS.map((p) => goal[p]).join('/'),
      testsDone,
      exempt: exemptN,
    }),
  )
  if (kind === 'plikt') steps.push(step('R12.2', 'int21NorskPliktHours', { registered: norwegianHours.total, required: pliktHours, at: norwegianHours.at }))
  const samfHours = intValue('INT.samf.hours', q.grantedDate)
  const social = hoursReachedOn(weeks, 'samfunnHours', samfHours)
  // Chapter 6A has one deadline and no social-studies part (R12.2.7)
  const socialDone = is6A ? null : earliest(social.at, exemptS)
  if (!is6A) steps.push(step('R12.2', 'decisionJ6', { registered: social.total, required: samfHours, at: social.at, exempt: exemptS }))

  // R12.2.5 / R12.2.7: the deadlines
  const deadlines: Deadline2021[] = []
  let norwegian: PartResult = { deadline: null, provisional: false, doneAt: norwegianDone, closed: false }
  let socialStudies: PartResult | null = is6A ? null : { deadline: null, provisional: false, doneAt: socialDone, closed: false }
  const close = (p: PartResult): PartResult => ({ ...p, closed: p.deadline !== null && today > p.deadline && !(p.doneAt !== null && p.doneAt <= p.deadline) })
  if (start) {
    const sd = norskStartDeadline(s, start, today)
    deadlines.push({ ...sd, explanation: [step('R12.2', 'int21NorskStartDeadline', {}), ...sd.explanation] })
  }
  if (is6A) {
    const d = deadline6A(s)
    norwegian = close({ ...norwegian, deadline: d.date })
    if (d.date) deadlines.push(deadline2021('norsk6A', d.date, today, metIn(norwegian), d.steps))
    else steps.push(...d.steps)
  } else if (anchor && socialStudies) {
    const vgs = background === 'VGS_ELLER_HOGARE'
    const months = vgs ? intValue('INT.norsk.months.vgs', anchor) : intValue('INT.norsk.months.other', anchor)
    const provisional = background === null
    if (provisional) findings.push(warning('BACKGROUND_MISSING', { months }))
    const nSteps: Step[] = [
      step('R12.2', provisional ? 'int21NorskDeadlineProvisional' : 'int21NorskDeadlineBase', { anchor, background, months, date: addDays(addMonths(anchor, months), -1) }),
    ]
    const nDate = withNorskLeave(s, addDays(addMonths(anchor, months), -1), nSteps, 'norwegian')
    norwegian = close({ ...norwegian, deadline: nDate, provisional })
    deadlines.push(deadline2021('norskNorwegian2021', nDate, today, metIn(norwegian), nSteps))
    const sMonths = intValue('INT.samf.months', anchor)
    const sBase = addDays(addMonths(anchor, sMonths), -1)
    const sSteps: Step[] = [step('R12.2', 'int21SocialDeadlineBase', { anchor, months: sMonths, date: sBase })]
    // Leave extends social studies only for categories from the 2023 change (R12.2.5)
    const sDate = start && start >= rev2023 ? withNorskLeave(s, sBase, sSteps, 'socialStudies') : sBase
    if (!(start && start >= rev2023)) sSteps.push(step('R12.2', 'int21SocialLeaveNotCounted', { start, rev2023 }))
    socialStudies = close({ ...socialStudies, deadline: sDate })
    deadlines.push(deadline2021('norskSocialStudies2021', sDate, today, metIn(socialStudies), sSteps))
  } else if (kind === 'plikt') steps.push(step('R12.2', 'int21PliktNoDeadline', {}))

  const validFrom = start ?? ordinary
  const state = norskState2021(
    s,
    today,
    {
      q,
      norwegian,
      socialStudies,
      exemptOnly: exemptN !== null && testsDone === null && (kind !== 'plikt' || norwegianHours.at === null) && (is6A || (exemptS !== null && social.at === null)),
    },
    steps,
  )
  const cat = category('norsk', kind, validFrom, steps, { displayState: state.displayState, closedAt: state.closedAt, reason: null })
  return {
    category: { ...cat, reason: state.reason },
    whyNot: null,
    start,
    anchor,
    norwegian,
    socialStudies,
    suggestedGoal: is6A ? null : suggestedGoal(background),
    deadlines,
    findings,
  }
}

/** A part meets its deadline on the day it was done, if that is on or before the deadline (J8). */
function metIn(p: PartResult): IsoDate | null {
  return p.doneAt !== null && p.deadline !== null && p.doneAt <= p.deadline ? p.doneAt : null
}

interface StateFacts {
  q: SnapshotPermit
  norwegian: PartResult
  socialStudies: PartResult | null
  exemptOnly: boolean
}

/**
 * R12.2 display state, first match wins: both parts done → `gjennomført` (`friteken` when
 * only exemptions did it, R3.6 kept); the 67th birthday; the permit lapsing (R3.6); no part
 * open and one closed undone → `ikkje gjeldande`, `deadline_passed`.
 */
function norskState2021(s: PersonSnapshot, today: IsoDate, f: StateFacts, steps: Step[]): State {
  const parts = [f.norwegian, ...(f.socialStudies ? [f.socialStudies] : [])]
  const doneAll = parts.every((p) => p.doneAt !== null && p.doneAt <= today && !p.closed)
  if (doneAll) {
    const closedAt = parts.reduce((m, p) => maxDate(m, p.doneAt!), parts[0].doneAt!)
    steps.push(step('R12.2', f.exemptOnly ? 'int21NorskExempted' : 'int21NorskCompleted', { closedAt }))
    return { displayState: f.exemptOnly ? 'friteken' : 'gjennomfort', closedAt, reason: f.exemptOnly ? 'exempted' : 'hours_completed' }
  }
  const endAge = intValue('INT.norsk.ageEnd', f.q.grantedDate)
  const ends = birthday(s.person.birthDate, endAge)
  if (ends <= today) {
    steps.push(step('R12.2', 'int21NorskAge67', { age: endAge, closedAt: ends }))
    return { displayState: 'ikkje_gjeldande', closedAt: ends, reason: 'age_limit_passed' }
  }
  const lapse = permitLapse(s, f.q, (g) => g.norskGroup !== null, today)
  if (!lapse.holds) {
    steps.push(step('R12.2', lapse.reason === 'permit_ended' ? 'int21PermitEnded' : 'int21PermitChanged', { closedAt: lapse.closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt: lapse.closedAt, reason: lapse.reason }
  }
  const open = parts.some((p) => !p.closed && !(p.doneAt !== null && p.deadline !== null && p.doneAt <= p.deadline) && !(p.deadline === null))
  const anyClosed = parts.some((p) => p.closed)
  if (anyClosed && !open) {
    // the day the last part stopped being open: done, or the day after its deadline
    const closedAt = parts.reduce<IsoDate>((m, p) => maxDate(m, p.closed ? addDays(p.deadline!, 1) : p.doneAt!), '0000-01-01')
    steps.push(step('R12.2', 'int21NorskDeadlinePassed', { closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt, reason: 'deadline_passed' }
  }
  return { displayState: 'current', closedAt: null, reason: null }
}
