import { isoWeekRange, weeksInIsoYear, type IsoDate } from '../../calendar'
import type { DeleteRef } from '../../domain/command'
import type { WeeklyParticipation } from '../../domain/registrations'
import type { PersonSnapshot } from '../../domain/snapshot'
import { weeklyRows } from '../categories-norsk-progress'
import { NORSK_BASE_TYPES } from '../deadlines-norsk'
import { paramValue } from '../parameters'
import { earliestStart, grantedOf, latestDecision } from '../queries'
import { onStep, type CheckInput, type Findings } from './context'

/** Monday and Sunday of a row's ISO week, or null (with `INVALID_WEEK`) when it does not exist. */
export function weekOf(f: Findings, row: { isoYear: number; isoWeek: number }): { monday: IsoDate; sunday: IsoDate } | null {
  if (row.isoWeek > weeksInIsoYear(row.isoYear)) {
    f.error('INVALID_WEEK', 'isoWeek', { year: row.isoYear, week: row.isoWeek })
    return null
  }
  return isoWeekRange(row.isoYear, row.isoWeek)
}

/**
 * R6.4 / R11.10 granted total: the hours of the latest granted base decision (or, when it
 * carries none, the category's hours from R3.4) plus every granted needs-based decision.
 */
export function grantedNorskHours(s: PersonSnapshot, categoryHours: number | null): number {
  const base = latestDecision(grantedOf(s, ...NORSK_BASE_TYPES))
  const baseHours = base?.hours ?? categoryHours ?? 0
  return grantedOf(s, 'NORSK_BEHOVSPROVD').reduce((sum, d) => sum + (d.hours ?? 0), baseHours)
}

/**
 * R6.4 / R11.10 `norsk.saveWeeklyParticipation`:
 * - each hour field ≥ 0 in steps of 0.25; their sum ≤ 40;
 * - a granted decision exists (`NO_GRANTED_DECISION`); the week's Sunday is on or after the
 *   first granted start, and its Monday not after today (the current week may be saved);
 * - a week wholly inside a granted NORSK_PERMISJON takes absence hours only;
 * - Norwegian + social-studies hours over all rows (this week replacing its earlier row)
 *   beyond the granted total → error pointing to a needs-based decision (`opts.quota`: the
 *   2003 act only; R12.3.3 drops the quota under the 2021 act).
 * Returns the week's Sunday (its R8.1 event date), or null.
 */
export function checkSaveWeek(input: CheckInput, w: WeeklyParticipation, categoryHours: number | null, opts: { quota: boolean } = { quota: true }): IsoDate | null {
  const { f, snapshot, today } = input
  const step = paramValue('hourStep', today)
  for (const field of ['norskHours', 'samfunnHours', 'absenceHours'] as const) {
    if (!onStep(w[field], step)) f.error('HOURS_STEP', field, { step })
  }
  const max = paramValue('weeklyHoursMax', today)
  const sum = w.norskHours + w.samfunnHours + w.absenceHours
  if (sum > max) f.error('WEEK_HOURS_MAX', 'norskHours', { max, total: sum })
  const week = weekOf(f, w)
  const first = earliestStart(grantedOf(snapshot, ...NORSK_BASE_TYPES, 'NORSK_BEHOVSPROVD'))
  if (!first) {
    f.error('NO_GRANTED_DECISION', 'isoWeek', { scheme: 'norsk' })
    return week?.sunday ?? null
  }
  if (!week) return null
  if (week.sunday < first.startDate) f.error('WEEK_BEFORE_START', 'isoWeek', { start: first.startDate })
  if (week.monday > today) f.error('WEEK_IN_FUTURE', 'isoWeek', { monday: week.monday, today })
  const leave = grantedOf(snapshot, 'NORSK_PERMISJON').find((d) => d.startDate && d.endDate && d.startDate <= week.monday && week.sunday <= d.endDate)
  if (leave && w.norskHours + w.samfunnHours > 0) {
    f.error('WEEK_IN_LEAVE_ABSENCE_ONLY', 'norskHours', { from: leave.startDate ?? '', to: leave.endDate ?? '' })
  }
  if (!opts.quota) return week.sunday
  const granted = grantedNorskHours(snapshot, categoryHours)
  let total = w.norskHours + w.samfunnHours
  for (const r of weeklyRows(snapshot)) {
    if (r.id !== w.id && !(r.isoYear === w.isoYear && r.isoWeek === w.isoWeek)) total += r.norskHours + r.samfunnHours
  }
  if (total > granted) f.error('HOURS_BEYOND_GRANTED', 'norskHours', { granted, total })
  return week.sunday
}

/** `norsk.deleteWeeklyParticipation`: the row must exist; returns its Sunday (R8.1 event date). */
export function checkDeleteWeek(input: CheckInput, ref: DeleteRef): IsoDate | null {
  const row = input.snapshot.registrations.weeklyParticipation.find((r) => r.id === ref.id)
  if (!row) {
    input.f.error('WEEK_NOT_FOUND', 'id', { id: ref.id })
    return null
  }
  return weekOf(input.f, row)?.sunday ?? null
}
