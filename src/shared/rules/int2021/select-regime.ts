import type { IsoDate } from '../../calendar'
import type { PersonSnapshot, SnapshotPermit } from '../../domain'
import { step, type Step } from '../explanation'
import { groundFor, latestPermitWhere, permitsInOrder } from '../queries'
import { ground2021 } from './grounds'
import type { Ground2021, Int2021Input } from './input'
import { intValue } from './parameters'
import { INTEGRERING_2021, INTRO_2003, INT_6A, type RegimeId } from './regimes'
import { settingsOfSnapshot, settingsStep, type RuleSettings } from './settings'

/** The regime selection belongs to the 2021 act: it is where the two acts meet (R12.0). */
export const regime = INTEGRERING_2021

/** One regime decision and the log that shows the permit, dates and the rule that decided it (R12.0.6). */
export interface RegimeChoice {
  /** Null: no qualifying permit (no categories, as before) or no asylum-seeker permit. */
  regime: RegimeId | null
  /** The permit (or asylum-seeker row) the choice was made on. */
  permit: SnapshotPermit | null
  explanation: Step[]
}

/** R12.0.6: `regime: { introNorsk, asylnorsk }`. */
export interface RegimeSelection {
  introNorsk: RegimeChoice
  asylnorsk: RegimeChoice
}

type Scheme = 'intro' | 'norsk'

/** R12.0.1: whether a permit's ground gives the scheme a group (asylum-seeker grounds never do). */
export function givesGroup(s: PersonSnapshot, p: SnapshotPermit, scheme: Scheme, grounds?: Record<string, Ground2021>): boolean {
  const g = groundFor(s, p)
  if (!g || g.asylumSeeker) return false
  return scheme === 'norsk' ? g.norskGroup !== null : g.introGroup !== null || ground2021(grounds, p.groundCode).intro !== null
}

/**
 * R12.0.1 (J3): the earliest-granted permit whose ground gives the scheme a group. Renewals
 * and later grounds never change it. On equal grant dates the one that took effect first.
 */
export function qualifyingPermit(s: PersonSnapshot, scheme: Scheme, grounds?: Record<string, Ground2021>): SnapshotPermit | null {
  let hit: SnapshotPermit | null = null
  for (const p of permitsInOrder(s)) if (givesGroup(s, p, scheme, grounds) && (!hit || p.grantedDate < hit.grantedDate)) hit = p
  return hit
}

/** R12.0.1: the person's qualifying permit, the earlier of the two schemes'. */
export function personQualifyingPermit(s: PersonSnapshot, grounds?: Record<string, Ground2021>): SnapshotPermit | null {
  const a = qualifyingPermit(s, 'intro', grounds)
  const b = qualifyingPermit(s, 'norsk', grounds)
  if (!a) return b
  if (!b) return a
  return b.grantedDate < a.grantedDate ? b : a
}

/**
 * R12.0.2 / R12.0.3: one regime for intro and norsk. `INTEGRERING_2021` when the qualifying
 * permit was granted on or after the switch date, or the person arrived on or after it
 * (arrival unknown → grant date alone); else `INTRO_2003`. A § 34 permit granted inside
 * chapter 6A's window is `INT_6A`; granted after the last 6A date, ordinary 2021 rules with
 * the step `6aLapsedAssumed` (J11).
 */
export function introNorskRegime(s: PersonSnapshot, settings: RuleSettings = settingsOfSnapshot(s), grounds?: Record<string, Ground2021>): RegimeChoice {
  const q = personQualifyingPermit(s, grounds)
  if (!q) return { regime: null, permit: null, explanation: [step('R12.0', 'int21RegimeNoPermit', {})] }
  const switchDate = intValue('REGIME_SWITCH_DATE', q.grantedDate)
  const section = intValue('INT.transitionSection', q.grantedDate)
  const arrival = s.person.arrivalDate
  const steps: Step[] = [step('R12.0', 'int21RegimePermit', { ground: q.groundCode, granted: q.grantedDate, arrival })]
  const byGrant = q.grantedDate >= switchDate
  const byArrival = arrival !== null && arrival >= switchDate
  if (!byGrant && !byArrival) {
    steps.push(step('R12.0', 'int21Regime2003', { granted: q.grantedDate, arrival, switchDate, section }))
    return { regime: INTRO_2003.id, permit: q, explanation: steps }
  }
  // J2: the transition section is data; the log cites it as IMDi does
  steps.push(step('R12.0', byGrant ? 'int21Regime2021ByGrant' : 'int21Regime2021ByArrival', { granted: q.grantedDate, arrival, switchDate, section }))
  steps.push(step('R12.0', 'decisionJ2', { section }))
  // Issue 9 point 5: the settings this person's 2021 rules read, with value and origin.
  steps.push(settingsStep(settings))
  if (q.groundCode === 'UTL34') {
    const first = intValue('INT_6A.firstGrantDate', q.grantedDate)
    const last = settings['INT_6A.lastGrantDate']
    if (q.grantedDate >= first && q.grantedDate <= last.value) {
      steps.push(step('R12.0', 'int21Regime6A', { granted: q.grantedDate, first, last: last.value, origin: last.origin }))
      return { regime: INT_6A.id, permit: q, explanation: steps }
    }
    if (q.grantedDate > last.value) steps.push(step('R12.0', '6aLapsedAssumed', { granted: q.grantedDate, last: last.value, origin: last.origin }))
  }
  return { regime: INTEGRERING_2021.id, permit: q, explanation: steps }
}

/**
 * R12.0.4: training in reception follows the date of the asylum application — the latest
 * asylum-seeker row's `validFrom` (Decision). On or after 2021-01-01 → the 2021 act (R12.2.8);
 * earlier → R3.5 / R7. No asylum-seeker row → none.
 */
export function asylnorskRegime(s: PersonSnapshot): RegimeChoice {
  const a = latestPermitWhere(s, (g) => g.asylumSeeker)
  if (!a) return { regime: null, permit: null, explanation: [step('R12.0', 'int21RegimeNoAsylum', {})] }
  const switchDate: IsoDate = intValue('REGIME_SWITCH_DATE', a.validFrom)
  const is2021 = a.validFrom >= switchDate
  return {
    regime: is2021 ? INTEGRERING_2021.id : INTRO_2003.id,
    permit: a,
    explanation: [step('R12.0', is2021 ? 'int21RegimeAsylum2021' : 'int21RegimeAsylum2003', { ground: a.groundCode, applied: a.validFrom, switchDate })],
  }
}

/** R12.0.6: both regime choices of a person. */
export function selectRegime(input: Int2021Input): RegimeSelection {
  return {
    introNorsk: introNorskRegime(input.snapshot, input.settings, input.grounds),
    asylnorsk: asylnorskRegime(input.snapshot),
  }
}
