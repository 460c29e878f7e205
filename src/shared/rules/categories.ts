import type { IsoDate } from '../calendar'
import type { PermitGroundAttributes, PersonSnapshot, Scheme } from '../domain'
import { step, type Step } from './explanation'
import { groundFor, groundOf } from './queries'

/**
 * Category kinds (R3.2–R3.5; R12.1–R12.2 under the 2021 act). `mottak_plikt`: training in a
 * reception centre under the 2021 act (R12.2.8). `anna_regelverk` is no longer produced
 * (R12.0.5): 2021 persons get their categories from `int2021`.
 */
export type CategoryKind = 'rett_og_plikt' | 'kan_tilbydast' | 'rett' | 'plikt' | 'asylnorsk' | 'nknv' | 'mottak_plikt'

/** R3.6 display state: `current`, or greyed with a suffix. */
export type DisplayState = 'current' | 'ikkje_gjeldande' | 'gjennomfort' | 'friteken' | 'ved_behov'

/** Why a category is not current (text key `reasons.<reason>` in the explanations). */
export type CategoryReason =
  | 'permit_ended'
  | 'permit_changed'
  | 'permit_granted'
  | 'age_limit_passed'
  | 'moved'
  | 'newly_arrived_window_passed'
  | 'free_right_lapsed'
  | 'not_ordinary_reception_centre'
  | 'programme_ended'
  | 'permanent_stop'
  | 'hours_completed'
  | 'exempted'
  | 'needs_based'
  /** R12.2.5: a 2021 deadline passed before the part was done. */
  | 'deadline_passed'

/** Hours of a Norwegian category (R3.4, R11.9). */
export interface NorskHours {
  total: number
  norwegian: number
  socialStudies: number
}

/** One computed category with its calculation log (berekningslogg). */
export interface Category {
  scheme: Scheme
  kind: CategoryKind
  displayState: DisplayState
  /** First day the category holds; null for `anna_regelverk`. */
  validFrom: IsoDate | null
  /** First day the display state other than `current` applies; null while current. */
  closedAt: IsoDate | null
  reason: CategoryReason | null
  /** Norwegian categories only: the hours the category gives. */
  hours: NorskHours | null
  explanation: Step[]
}

/**
 * A category result in one place so every field is always set.
 *
 * R3.6 edge case (**Decision**): a category never closes before it starts. The condition that
 * ends it can fall before the first day it could hold — e.g. a UTL38_5 permit granted after
 * 2018-06-16 to a person settled in 2016 starts the category on 2018-10-07, but the
 * newly-arrived window already passed on 2018-01-21; or a needs-based decision dated before
 * a later arrival. The rule's display state stands (the category never held a single day),
 * and `closedAt` becomes `validFrom`, so the screen never says *valid from* after *not
 * applicable from*; the log keeps the original date in a step of its own.
 */
export function category(
  scheme: Scheme,
  kind: CategoryKind,
  validFrom: IsoDate,
  explanation: Step[],
  state: { displayState: DisplayState; closedAt: IsoDate | null; reason: CategoryReason | null } = {
    displayState: 'current',
    closedAt: null,
    reason: null,
  },
  hours: NorskHours | null = null,
): Category {
  if (state.closedAt !== null && state.closedAt < validFrom) {
    explanation.push(step('R3.6', 'closedBeforeStart', { closedAt: state.closedAt, validFrom }))
    state = { ...state, closedAt: validFrom }
  }
  return { scheme, kind, validFrom, ...state, hours, explanation }
}

/**
 * A scheme's category, or — when there is none — the steps that say why (the UI's empty
 * state; R3.1 ground, R3.2/R3.4/R3.5 age, settlement or reception centre).
 */
export type Judgement<T> = { category: T; whyNot: null } | { category: null; whyNot: Step[] }

export const found = <T>(category: T): Judgement<T> => ({ category, whyNot: null })
export const none = (...whyNot: Step[]): Judgement<never> => ({ category: null, whyNot })

/**
 * R3.1 why no permit gives the scheme's category: no permit at all; a permit granted before
 * its ground took effect (`groundNotInForce`); or grounds that give nothing for the scheme
 * (`noRightKey`, listing the distinct ground codes, unknown codes included).
 */
export function permitWhyNot(s: PersonSnapshot, qualifies: (g: PermitGroundAttributes) => boolean, noRightKey: string): Step[] {
  if (s.permits.length === 0) return [step('R3.1', 'noPermit')]
  const steps: Step[] = []
  const noRight = new Set<string>()
  for (const p of s.permits) {
    const g = groundOf(s, p.groundCode)
    if (g && qualifies(g) && !groundFor(s, p)) {
      steps.push(step('R3.1', 'groundNotInForce', { ground: p.groundCode, groundFrom: g.validFrom ?? null, granted: p.grantedDate }))
    } else if (!g || !qualifies(g)) noRight.add(p.groundCode)
  }
  if (noRight.size > 0) steps.push(step('R3.1', noRightKey, { ground: [...noRight].join(', ') }))
  return steps
}

/** The later of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}
