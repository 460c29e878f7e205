import type { IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import { step, type Step } from './explanation'
import { paramValue } from './parameters'
import { groundOf } from './queries'

/** The schemes a category belongs to (D4). */
export type CategoryScheme = 'intro' | 'norsk' | 'asylnorsk'

/**
 * Category kinds (R3.2–R3.5). `anna_regelverk`: the person's first permit is from the later
 * act's time — the category is not computed (Decision, rules.md intro).
 */
export type CategoryKind =
  | 'rett_og_plikt'
  | 'kan_tilbydast'
  | 'rett'
  | 'plikt'
  | 'asylnorsk'
  | 'nknv'
  | 'anna_regelverk'

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

/** Hours of a Norwegian category (R3.4, R11.9). */
export interface NorskHours {
  total: number
  norwegian: number
  socialStudies: number
}

/** One computed category with its calculation log (berekningslogg). */
export interface Category {
  scheme: CategoryScheme
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
 * Decision (rules.md intro): the first permit other than an asylum seeker's decides the
 * regime. Granted on or after `otherRegimeFrom` → the later act; null → this act applies.
 */
export function otherRegime(s: PersonSnapshot): { grantedDate: IsoDate; groundCode: string; from: IsoDate } | null {
  let first: PersonSnapshot['permits'][number] | null = null
  for (const p of s.permits) {
    if (groundOf(s, p.groundCode)?.asylumSeeker) continue
    if (!first || p.grantedDate < first.grantedDate) first = p
  }
  if (!first) return null
  const from = paramValue('otherRegimeFrom', first.grantedDate)
  return first.grantedDate >= from ? { grantedDate: first.grantedDate, groundCode: first.groundCode, from } : null
}

/** The placeholder category shown for a scheme under the later act. */
export function otherRegimeCategory(
  scheme: CategoryScheme,
  regime: { grantedDate: IsoDate; groundCode: string; from: IsoDate },
): Category {
  return {
    scheme,
    kind: 'anna_regelverk',
    displayState: 'current',
    validFrom: null,
    closedAt: null,
    reason: null,
    hours: null,
    explanation: [step('R0', 'otherRegime', { ground: regime.groundCode, granted: regime.grantedDate, from: regime.from })],
  }
}

/** A category result in one place so every field is always set. */
export function category(
  scheme: CategoryScheme,
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
  return { scheme, kind, validFrom, ...state, hours, explanation }
}

/** The later of two dates. */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}
