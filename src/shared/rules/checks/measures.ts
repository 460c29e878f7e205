import type { IsoDate } from '../../calendar'
import type { DeleteRef } from '../../domain/command'
import type { Measure, Replacement } from '../../domain/registrations'
import { programmeAverage } from '../average'
import { paramValue } from '../parameters'
import { datesValid, periodOrdered, type CheckInput } from './context'
import { afterEnding, overlappingLeave, requireProgramme, type ProgrammeFacts } from './programme'

/** The dated, houred part of a measure or a replacement. */
type Span = Pick<Measure, 'fromDate' | 'toDate' | 'hoursPerWeek'>

/**
 * R5.3 for one measure (or replacement) at `prefix` (e.g. `measures.0`):
 * hours/week in (0, 37.5]; from ≤ to; inside the programme (first start … completion
 * deadline; under the 2021 act past the end date only warns, R12.3.3); not starting before
 * the programme; not overlapping granted leave or a temporary stop; not past an ending
 * (R5.6). Returns whether the dates are usable.
 */
function checkSpan({ f }: CheckInput, m: Span, prefix: string, p: ProgrammeFacts): boolean {
  // An edited measure is the whole payload: its fields have no prefix.
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field)
  const max = paramValue('measureMaxHoursPerWeek', m.fromDate)
  if (!(m.hoursPerWeek > 0 && m.hoursPerWeek <= max)) {
    f.error('MEASURE_HOURS_RANGE', at('hoursPerWeek'), { max, hours: m.hoursPerWeek })
  }
  if (!datesValid(f, { [at('fromDate')]: m.fromDate, [at('toDate')]: m.toDate })) return false
  if (!periodOrdered(f, m.fromDate, m.toDate, at('toDate'))) return false
  if (p.start !== null && m.fromDate < p.start) {
    f.error('MEASURE_BEFORE_PROGRAMME', at('fromDate'), { start: p.start })
  }
  if (p.deadline !== null && m.toDate > p.deadline) {
    if (p.pastEndWarns) f.warn('MEASURE_AFTER_END', at('toDate'), { endDate: p.deadline })
    else f.error('MEASURE_AFTER_PROGRAMME', at('toDate'), { deadline: p.deadline })
  }
  const leave = overlappingLeave(p, m.fromDate, m.toDate)
  if (leave) f.error('MEASURE_OVERLAPS_LEAVE', at('fromDate'), { kind: leave.kind, from: leave.fromDate, to: leave.toDate })
  afterEnding(f, p, 'MEASURE_AFTER_ENDING', m.toDate, at('toDate'))
  return true
}

/**
 * R5.4 over the span of what changed: any ISO week above 60 → error; average below the
 * norm → warning naming the average and the weeks below it (at most 12 listed).
 */
function checkAverage(input: CheckInput, measures: Measure[], replacements: Replacement[], span: { fromDate: IsoDate; toDate: IsoDate }, p: ProgrammeFacts, field: string): void {
  const res = programmeAverage(measures, replacements, p.leave, span, { selfStudy: p.selfStudy })
  const name = (w: { isoYear: number; isoWeek: number }) => `${w.isoWeek}/${w.isoYear}`
  for (const w of res.weeksAbove60) {
    input.f.error('PROGRAMME_WEEK_ABOVE_MAX', field, { week: name(w), hours: round2(w.hoursPerWeek ?? 0), max: paramValue('programmeWeekMax', span.fromDate) })
  }
  if (res.belowNorm && res.hoursPerWeek !== null) {
    const listed = res.weeksBelowNorm.slice(0, 12).map(name).join(', ')
    const weeks = res.weeksBelowNorm.length > 12 ? `${listed} …` : listed
    // The period is named: this average covers what the save changed, not the whole programme
    // the summary shows, so the two figures differ and the caseworker must see why.
    input.f.warn('PROGRAMME_BELOW_NORM', field, { average: round2(res.hoursPerWeek), norm: res.norm, weeks, from: span.fromDate, to: span.toDate })
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

function spanOf(items: readonly Span[]): { fromDate: IsoDate; toDate: IsoDate } {
  let fromDate = items[0].fromDate
  let toDate = items[0].toDate
  for (const x of items) {
    if (x.fromDate < fromDate) fromDate = x.fromDate
    if (x.toDate > toDate) toDate = x.toDate
  }
  return { fromDate, toDate }
}

/** R5.3 + R5.4 for `intro.addMeasures`: an edited measure (same id) replaces its earlier row. */
export function checkAddMeasures(input: CheckInput, measures: readonly Measure[], p: ProgrammeFacts): void {
  const before = input.f.errors.length
  if (requireProgramme(input.f, p, 'measures') === null) return
  measures.forEach((m, i) => checkSpan(input, m, `measures.${i}`, p))
  if (input.f.errors.length > before) return
  const ids = new Set(measures.map((m) => m.id))
  const all = [...input.snapshot.registrations.measures.filter((m) => !ids.has(m.id)), ...measures]
  checkAverage(input, all, input.snapshot.registrations.replacements, spanOf(measures), p, 'measures')
}

/**
 * R5.3 + R5.4 for `intro.updateMeasure`: the measure must exist on this person; the edited
 * row is judged as a new one would be, and the 60-hour weeks and the norm are computed with
 * the edit in place of the stored row (it never counts against itself), over the old and the
 * new range together, since both changed. A week above 60 is said beside the hours.
 */
export function checkUpdateMeasure(input: CheckInput, m: Measure, p: ProgrammeFacts): void {
  const { f, snapshot } = input
  const before = f.errors.length
  const stored = snapshot.registrations.measures.find((x) => x.id === m.id && x.personId === m.personId)
  if (!stored) {
    f.error('MEASURE_NOT_FOUND', 'id', { id: m.id })
    return
  }
  if (requireProgramme(f, p, 'id') === null) return
  checkSpan(input, m, '', p)
  if (f.errors.length > before) return
  const all = [...snapshot.registrations.measures.filter((x) => x.id !== m.id), m]
  checkAverage(input, all, snapshot.registrations.replacements, spanOf([stored, m]), p, 'hoursPerWeek')
}

/**
 * R5.3 + R5.4 for `intro.replaceMeasures`: each replacement obeys R5.3, lists at least one
 * measure, and every listed measure exists and runs somewhere inside the replacement's range.
 */
export function checkReplaceMeasures(input: CheckInput, replacements: readonly Replacement[], p: ProgrammeFacts): void {
  const { f, snapshot } = input
  const before = f.errors.length
  if (requireProgramme(f, p, 'replacements') === null) return
  const byId = new Map(snapshot.registrations.measures.map((m) => [m.id, m]))
  replacements.forEach((r, i) => {
    if (!checkSpan(input, r, `replacements.${i}`, p)) return
    if (r.replacesMeasureIds.length === 0) f.error('REQUIRED', `replacements.${i}.replacesMeasureIds`)
    for (const id of r.replacesMeasureIds) {
      const m = byId.get(id)
      if (!m) f.error('MEASURE_NOT_FOUND', `replacements.${i}.replacesMeasureIds`, { id })
      else if (m.fromDate > r.toDate || m.toDate < r.fromDate) {
        f.error('REPLACED_MEASURE_NOT_RUNNING', `replacements.${i}.replacesMeasureIds`, { id, from: m.fromDate, to: m.toDate })
      }
    }
  })
  if (f.errors.length > before) return
  const ids = new Set(replacements.map((r) => r.id))
  const all = [...snapshot.registrations.replacements.filter((r) => !ids.has(r.id)), ...replacements]
  checkAverage(input, snapshot.registrations.measures, all, spanOf(replacements), p, 'replacements')
}

/**
 * `intro.deleteMeasure`: the row must exist (a measure or a replacement); the norm warning of
 * R5.4 is given for the deleted row's range. Its R8.1 event date is the row's from date.
 */
export function checkDeleteMeasure(input: CheckInput, ref: DeleteRef, p: ProgrammeFacts): Span | null {
  const { f, snapshot } = input
  const reg = snapshot.registrations
  const target = reg.measures.find((m) => m.id === ref.id) ?? reg.replacements.find((r) => r.id === ref.id)
  if (!target) {
    f.error('MEASURE_NOT_FOUND', 'id', { id: ref.id })
    return null
  }
  const measures = reg.measures.filter((m) => m.id !== ref.id)
  const replacements = reg.replacements.filter((r) => r.id !== ref.id)
  checkAverage(input, measures, replacements, { fromDate: target.fromDate, toDate: target.toDate }, p, 'id')
  return target
}
