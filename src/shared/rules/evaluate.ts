import type { IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import { otherRegime, otherRegimeCategory, type Category } from './categories'
import { asylnorskJudgement } from './categories-asylnorsk'
import { introJudgement } from './categories-intro'
import { norskJudgement, type NorskCategoryResult } from './categories-norsk'
import { deadlineAt, storedDeadline, type Deadline, type StoredDeadline } from './deadline'
import { introDeadlines } from './deadlines-intro'
import { norskFreeRightDeadline, norskNeedsBasedDeadline, norskStartDeadline } from './deadlines-norsk'
import type { Step } from './explanation'
import { asylnorskStatus, introStatus, norskStatus, type SchemeStatus } from './status'

/**
 * Version of the rules that produced a result; stored with every registration a device
 * accepted (architecture.md) — bump it whenever a rule or parameter changes an outcome.
 */
export const RULES_VERSION = '2017-2020.3'

/** One scheme's status, deadlines and the log of how the status was reached (R0, R4). */
export interface SchemeResult {
  status: SchemeStatus
  deadlines: Deadline[]
  explanation: Step[]
}

/** What `evaluatePerson` returns (rules.md R0). */
export interface Evaluation {
  rulesVersion: string
  categories: Category[]
  schemes: { intro: SchemeResult; norsk: SchemeResult; asylnorsk: SchemeResult }
}

/**
 * What the register stores (issue 8 point 6): the evaluation with deadlines as dates only, so
 * a stored result stays true on later days; `evaluationAt` reads it as of a day.
 */
export interface StoredEvaluation {
  rulesVersion: string
  categories: Category[]
  schemes: Record<keyof Evaluation['schemes'], Omit<SchemeResult, 'deadlines'> & { deadlines: StoredDeadline[] }>
}

const SCHEMES = ['intro', 'norsk', 'asylnorsk'] as const

/** The dates-only form of an evaluation, for storing. */
export function storedEvaluation(e: Evaluation): StoredEvaluation {
  const scheme = (r: SchemeResult) => ({ status: r.status, deadlines: r.deadlines.map(storedDeadline), explanation: r.explanation })
  return { rulesVersion: e.rulesVersion, categories: e.categories, schemes: Object.fromEntries(SCHEMES.map((k) => [k, scheme(e.schemes[k])])) as StoredEvaluation['schemes'] }
}

/** R11.5: a stored evaluation as read on `today` — days left and overdue from the stored dates. */
export function evaluationAt(e: StoredEvaluation, today: IsoDate): Evaluation {
  const scheme = (r: StoredEvaluation['schemes']['intro']): SchemeResult => ({ ...r, deadlines: r.deadlines.map((d) => deadlineAt(d, today)) })
  return { ...e, schemes: Object.fromEntries(SCHEMES.map((k) => [k, scheme(e.schemes[k])])) as Evaluation['schemes'] }
}

/**
 * R0: categories (R3), status (R4) and deadlines (R5.1, R5.2, R6.2, R6.3) of one person at
 * `today`. Pure: everything comes from the snapshot and `today`.
 * A scheme without a category says why first in its explanation (R3.1–R3.5: ground, age,
 * settlement, reception centre), so the empty state can name the reason.
 * Start and free-right deadlines are given only while their category is current; the
 * completion and needs-based deadlines whenever their decisions exist. Under the later act
 * (first permit from 2021, Decision) intro and norsk categories are `anna_regelverk` with no
 * deadlines; status still follows the registered decisions.
 */
export function evaluatePerson(snapshot: PersonSnapshot, today: IsoDate): Evaluation {
  const regime = otherRegime(snapshot)
  const asyl = asylnorskJudgement(snapshot, today)
  const asylCats = asyl.category ?? []
  const asylStatus = asylnorskStatus(snapshot, asylCats)
  const asylnorsk: SchemeResult = { status: asylStatus.status, deadlines: [], explanation: [...(asyl.whyNot ?? []), ...asylStatus.steps] }
  if (regime) {
    const intro = otherRegimeCategory('intro', regime)
    const norsk = otherRegimeCategory('norsk', regime)
    const iStatus = introStatus(snapshot, null, today)
    const nStatus = norskStatus(snapshot, null, null, today)
    return {
      rulesVersion: RULES_VERSION,
      categories: [intro, norsk, ...asylCats],
      schemes: {
        intro: { status: iStatus.status, deadlines: [], explanation: [...intro.explanation, ...iStatus.steps] },
        norsk: { status: nStatus.status, deadlines: [], explanation: [...norsk.explanation, ...nStatus.steps] },
        asylnorsk,
      },
    }
  }
  const intro = introJudgement(snapshot, today)
  const norsk = norskJudgement(snapshot, today)
  const categories = [...(intro.category ? [intro.category] : []), ...(norsk.category ? [norsk.category.category] : []), ...asylCats]
  return {
    rulesVersion: RULES_VERSION,
    categories,
    schemes: {
      intro: withWhyNot(introScheme(snapshot, intro.category, today), intro.whyNot),
      norsk: withWhyNot(norskScheme(snapshot, norsk.category, today), norsk.whyNot),
      asylnorsk,
    },
  }
}

/** A scheme without a category opens its log with why (R3.1–R3.5), before its status (R4). */
function withWhyNot(scheme: SchemeResult, whyNot: Step[] | null): SchemeResult {
  return whyNot ? { ...scheme, explanation: [...whyNot, ...scheme.explanation] } : scheme
}

function introScheme(s: PersonSnapshot, cat: Category | null, today: IsoDate): SchemeResult {
  const judged = introStatus(s, cat, today)
  const current = cat && cat.displayState === 'current' ? cat : null
  const all = introDeadlines(s, current, today)
  return { status: judged.status, deadlines: all, explanation: judged.steps }
}

function norskScheme(s: PersonSnapshot, res: NorskCategoryResult | null, today: IsoDate): SchemeResult {
  const judged = norskStatus(s, res?.category ?? null, res?.progress ?? null, today)
  const deadlines: Deadline[] = []
  if (res) {
    const { category: cat, progress } = res
    const completed = progress.norwegianDone && progress.socialStudiesDone
    if (cat.displayState === 'current' && cat.kind !== 'plikt') {
      deadlines.push(norskStartDeadline(s, cat.validFrom!, today), norskFreeRightDeadline(s, cat.validFrom!, completed, today))
    }
    const registered = progress.norwegianHours + progress.socialStudiesHours
    const needs = cat.kind === 'plikt' ? null : norskNeedsBasedDeadline(s, cat.validFrom!, { hours: cat.hours!.total, registered }, today)
    if (needs) deadlines.push(needs)
  }
  return { status: judged.status, deadlines, explanation: judged.steps }
}
