import type { IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import type { Category } from './categories'
import { asylnorskJudgement } from './categories-asylnorsk'
import { introJudgement } from './categories-intro'
import { norskJudgement, type NorskCategoryResult } from './categories-norsk'
import { deadlineAt, storedDeadline, type Deadline, type StoredDeadline } from './deadline'
import { introDeadlines } from './deadlines-intro'
import { norskFreeRightDeadline, norskNeedsBasedDeadline, norskStartDeadline } from './deadlines-norsk'
import type { Step } from './explanation'
import { asylnorskStatus, introStatus, norskStatus, type SchemeStatus } from './status'
import { evaluateIntro2021 } from './int2021/intro'
import { int2021RegistrationsOf } from './int2021/from-snapshot'
import type { Int2021Input } from './int2021/input'
import { receptionCategory2021 } from './int2021/reception'
import { evaluateNorsk2021 } from './int2021/norsk'
import type { RegimeId } from './int2021/regimes'
import { selectRegime, type RegimeChoice } from './int2021/select-regime'

/**
 * Version of the rules that produced a result; stored with every registration a device
 * accepted (architecture.md) — bump it whenever a rule or parameter changes an outcome.
 */
// .2: the 2021 regime log names the rule settings (issue 9 point 5), so stored logs are recomputed.
// .3: the 2021 rules read the registrations, decided months and test results from the snapshot
// (issue 9 point 4), so stored 2021 evaluations are recomputed.
// .4: an asylum application from 2021 gets training in reception (R12.2.8, `mottak_plikt`)
// instead of R3.5's asylnorsk/NKNV, so stored evaluations of those seekers are recomputed.
export const RULES_VERSION = '2017-2021.4'

/** One scheme's status, deadlines and the log of how the status was reached (R0, R4). */
export interface SchemeResult {
  status: SchemeStatus
  deadlines: Deadline[]
  explanation: Step[]
}

/** R12.0.6: the regime of one part of the person and the log that chose it (permit, dates, transition rule). */
export interface RegimeResult {
  regime: RegimeId | null
  explanation: Step[]
}

/** What `evaluatePerson` returns (rules.md R0, R12.0.6). */
export interface Evaluation {
  rulesVersion: string
  /** R12.0: which act governs intro + norsk, and training in reception. */
  regime: { introNorsk: RegimeResult; asylnorsk: RegimeResult }
  categories: Category[]
  schemes: { intro: SchemeResult; norsk: SchemeResult; asylnorsk: SchemeResult }
}

/**
 * What the register stores (issue 8 point 6): the evaluation with deadlines as dates only, so
 * a stored result stays true on later days; `evaluationAt` reads it as of a day.
 */
export interface StoredEvaluation {
  rulesVersion: string
  regime: Evaluation['regime']
  categories: Category[]
  schemes: Record<keyof Evaluation['schemes'], Omit<SchemeResult, 'deadlines'> & { deadlines: StoredDeadline[] }>
}

const SCHEMES = ['intro', 'norsk', 'asylnorsk'] as const

/** The dates-only form of an evaluation, for storing. */
export function storedEvaluation(e: Evaluation): StoredEvaluation {
  const scheme = (r: SchemeResult) => ({ status: r.status, deadlines: r.deadlines.map(storedDeadline), explanation: r.explanation })
  return {
    rulesVersion: e.rulesVersion,
    regime: e.regime,
    categories: e.categories,
    schemes: Object.fromEntries(SCHEMES.map((k) => [k, scheme(e.schemes[k])])) as StoredEvaluation['schemes'],
  }
}

/** R11.5: a stored evaluation as read on `today` — days left and overdue from the stored dates. */
export function evaluationAt(e: StoredEvaluation, today: IsoDate): Evaluation {
  const scheme = (r: StoredEvaluation['schemes']['intro']): SchemeResult => ({ ...r, deadlines: r.deadlines.map((d) => deadlineAt(d, today)) })
  return { ...e, schemes: Object.fromEntries(SCHEMES.map((k) => [k, scheme(e.schemes[k])])) as Evaluation['schemes'] }
}

/**
 * R0 / R12: categories (R3), status (R4) and deadlines (R5.1, R5.2, R6.2, R6.3) of one person
 * at `today`. Pure: everything comes from the snapshot and `today`. The 2021 inputs (R12.3:
 * education background, norskmål, final goal, reference-person condition, decided months,
 * test results) are read from the snapshot (`int2021RegistrationsOf`); `inputs2021` lets a
 * test override a kind or pass settings and grounds.
 * R12.0 first chooses the regime: `INTRO_2003` persons get R3–R11 exactly as before;
 * `INTEGRERING_2021` / `INT_6A` persons get intro and norsk from `int2021` (R12.1, R12.2).
 * A scheme without a category says why first in its explanation (R3.1–R3.5: ground, age,
 * settlement, reception centre), so the empty state can name the reason. Under 2021 the
 * scheme's log opens with the regime step (permit, dates, transition rule, R12.0.6).
 * Start and free-right deadlines are given only while their category is current; the
 * completion and needs-based deadlines whenever their decisions exist.
 */
export function evaluatePerson(snapshot: PersonSnapshot, today: IsoDate, inputs2021: Omit<Int2021Input, 'snapshot'> = {}): Evaluation {
  const input: Int2021Input = { ...inputs2021, registrations: { ...int2021RegistrationsOf(snapshot), ...inputs2021.registrations }, snapshot }
  const selection = selectRegime(input)
  const regime = { introNorsk: regimeResult(selection.introNorsk), asylnorsk: regimeResult(selection.asylnorsk) }
  // R12.0.4: an application from 2021 gets training in reception (R12.2.8: `mottak_plikt`, whose
  // weekly rows are MOTTAK_NORSK / MOTTAK_SAMF, R12.3.1); an earlier one R3.5 / R7 as before.
  const asyl = selection.asylnorsk.regime === 'INTEGRERING_2021' ? reception2021(snapshot, today) : asylnorskJudgement(snapshot, today)
  const asylCats = asyl.category ?? []
  const asylStatus = asylnorskStatus(snapshot, asylCats)
  const asylnorsk: SchemeResult = { status: asylStatus.status, deadlines: [], explanation: [...(asyl.whyNot ?? []), ...asylStatus.steps] }
  const r = selection.introNorsk.regime
  if (r === 'INTEGRERING_2021' || r === 'INT_6A') {
    const intro = evaluateIntro2021(input, today)
    const norsk = evaluateNorsk2021(input, today, r)
    const iStatus = introStatus(snapshot, intro.category, today)
    // R12.2: completion is by test, hours or exemption (the category's state), not R6.1's hours
    const nStatus = norskStatus(snapshot, norsk.category, null, today)
    // R12.0.6: the regime step opens the category's log ("i"), or the scheme's when there is no category
    const log = selection.introNorsk.explanation
    const withLog = (c: Category | null): Category[] => (c ? [{ ...c, explanation: [...log, ...c.explanation] }] : [])
    const schemeLog = (c: Category | null, whyNot: Step[] | null, status: Step[]): Step[] => (c ? status : [...log, ...(whyNot ?? []), ...status])
    return {
      rulesVersion: RULES_VERSION,
      regime,
      categories: [...withLog(intro.category), ...withLog(norsk.category), ...asylCats],
      schemes: {
        intro: { status: iStatus.status, deadlines: intro.deadlines, explanation: schemeLog(intro.category, intro.whyNot, iStatus.steps) },
        norsk: { status: nStatus.status, deadlines: norsk.deadlines, explanation: schemeLog(norsk.category, norsk.whyNot, nStatus.steps) },
        asylnorsk,
      },
    }
  }
  const intro = introJudgement(snapshot, today)
  const norsk = norskJudgement(snapshot, today)
  const categories = [...(intro.category ? [intro.category] : []), ...(norsk.category ? [norsk.category.category] : []), ...asylCats]
  return {
    rulesVersion: RULES_VERSION,
    regime,
    categories,
    schemes: {
      intro: withWhyNot(introScheme(snapshot, intro.category, today), intro.whyNot),
      norsk: withWhyNot(norskScheme(snapshot, norsk.category, today), norsk.whyNot),
      asylnorsk,
    },
  }
}

/** R12.2.8 in the shape of R3.5's judgement (a list of categories, or why there is none). */
function reception2021(s: PersonSnapshot, today: IsoDate): { category: Category[] | null; whyNot: Step[] | null } {
  const r = receptionCategory2021(s, today)
  return { category: r.category ? [r.category] : null, whyNot: r.whyNot }
}

/** R12.0.6 without the permit row itself (the log names it). */
function regimeResult(c: RegimeChoice): RegimeResult {
  return { regime: c.regime, explanation: c.explanation }
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
