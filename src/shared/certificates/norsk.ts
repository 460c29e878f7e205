import { isoWeekRange, minDate } from '../calendar'
import type { TestResult } from '../domain'
import { norskProgress, weeklyRows } from '../rules/categories-norsk-progress'
import { firstNorskStart } from '../rules/deadlines-norsk'
import { LEVELS, type NorskPart } from '../rules/int2021/input'
import { grantedOf } from '../rules/queries'
import { fill, type PartContext, type PartResult } from './part'
import type { NorskFacts } from './types'

const PART_OF_TEST: Partial<Record<TestResult['part'], NorskPart>> = {
  NORSK_LYTTE: 'lytting',
  NORSK_LESE: 'lesing',
  NORSK_SKRIFTLEG: 'skriftleg',
  NORSK_MUNNLEG: 'munnleg',
}
const PARTS: readonly NorskPart[] = ['lytting', 'lesing', 'skriftleg', 'munnleg']

/**
 * Norwegian training on the certificate: the hours the rules count (R6.1 `norskProgress`
 * over `weeklyRows`, one row per ISO week, R11.10), the category's hours (R3.4) under the
 * 2003 act, or under the 2021 act the norskmål the rules logged (R12.2.6) and the best level
 * reached per part; needs-based hours (R4 `NORSK_BEHOVSPROVD`); the latest track (R6.5).
 * Null (refused) when no week has hours of Norwegian or social studies.
 */
export function norskPart(ctx: PartContext): PartResult | null {
  const { t, snapshot, view } = ctx
  const category = view.evaluation.categories.find((c) => c.scheme === 'norsk') ?? null
  const { progress } = norskProgress(snapshot, category?.hours ?? { total: 0, norwegian: 0, socialStudies: 0 })
  const weeks = weeklyRows(snapshot).filter((w) => w.norskHours + w.samfunnHours > 0)
  if (weeks.length === 0) return null
  const firstWeek = isoWeekRange(weeks[0].isoYear, weeks[0].isoWeek).monday
  const last = weeks[weeks.length - 1]
  const decided = firstNorskStart(snapshot)?.startDate
  // The period opens with the granted start when training began on it, else with the first week.
  const period = { from: decided ? minDate(decided, firstWeek) : firstWeek, to: isoWeekRange(last.isoYear, last.isoWeek).sunday }
  const regime = ctx.regimeAt(period.from)
  const needs = grantedOf(snapshot, 'NORSK_BEHOVSPROVD')
  const track = [...view.bundle.languageTracks].sort((a, b) => a.date.localeCompare(b.date)).at(-1)?.track ?? null
  const is2003 = regime === 'INTRO_2003'
  const facts: NorskFacts = {
    hoursCategory: is2003 && category?.hours ? { ...category.hours } : null,
    needsBasedHours: needs.length ? needs.reduce((s, d) => s + (d.hours ?? 0), 0) : null,
    norskGoal: is2003 ? null : loggedGoal(category?.explanation ?? []),
    levelsReached: is2003 ? null : levelsReached(view.bundle.testResults),
    norwegianHours: progress.norwegianHours,
    socialStudiesHours: progress.socialStudiesHours,
    track,
  }
  const rows = []
  if (facts.hoursCategory) {
    const h = facts.hoursCategory
    rows.push({ label: t.labels.hoursCategory, value: fill(t.hoursCategory, { total: ctx.hours(h.total), norwegian: ctx.hours(h.norwegian), social: ctx.hours(h.socialStudies) }) })
  }
  if (!is2003) {
    const goal = facts.norskGoal
    rows.push({ label: t.labels.norskGoal, value: goal === null ? t.goalNotSet : goal === 'C1_ELLER_KARAKTER_2' ? t.goalHigherEducation : goal })
    const reached = PARTS.filter((p) => facts.levelsReached?.[p])
    rows.push({
      label: t.labels.levelsReached,
      value: reached.length ? reached.map((p) => fill(t.levelPart, { part: t.parts[p], level: levelText(ctx, facts.levelsReached![p]!) })).join(', ') : t.levelsNone,
    })
  }
  if (facts.needsBasedHours !== null) rows.push({ label: t.labels.needsBasedHours, value: fill(t.hours, { n: ctx.hours(facts.needsBasedHours) }) })
  rows.push(
    { label: t.labels.norwegianHours, value: fill(t.hours, { n: ctx.hours(facts.norwegianHours) }) },
    { label: t.labels.socialStudiesHours, value: fill(t.hours, { n: ctx.hours(facts.socialStudiesHours) }) },
    { label: t.labels.track, value: track ? ctx.codeName('track', track) : t.trackNone },
  )
  return { period, sections: [{ heading: t.sections.norsk, rows }], measuresTable: null, sectionsAfterTable: [], norsk: facts, intro: null }
}

/**
 * The norskmål as the rules logged it on the category (R12.2.6, step `int21NorskGoal`): the
 * evaluation is what the screens show, and the device has no goal of its own to read.
 */
function loggedGoal(steps: readonly { key: string; values: Record<string, unknown> }[]): string | null {
  const goal = steps.find((s) => s.key === 'int21NorskGoal')?.values.goal
  return typeof goal === 'string' && goal ? goal : null
}

/** The best CEFR level per part of Norskprøven (R12.2.6's order); null for a part never taken. */
function levelsReached(results: readonly TestResult[]): NorskFacts['levelsReached'] {
  const best: Record<NorskPart, string | null> = { lytting: null, lesing: null, skriftleg: null, munnleg: null }
  const rank = (l: string | null) => (l === null ? -1 : (LEVELS as readonly string[]).indexOf(l))
  for (const r of results) {
    const part = PART_OF_TEST[r.part]
    if (part && rank(r.level) > rank(best[part])) best[part] = r.level
  }
  return best
}

function levelText(ctx: PartContext, level: string): string {
  return level === 'UNDER_A1' ? ctx.t.levelUnderA1 : level
}
