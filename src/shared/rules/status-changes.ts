import { addDays, type IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import { evaluatePerson, type Evaluation } from './evaluate'

/** The statuses of the three schemes (R4): the part of a stored evaluation that goes stale with the day alone. */
function statusesOf(e: Evaluation): string {
  return `${e.schemes.intro.status}|${e.schemes.norsk.status}|${e.schemes.asylnorsk.status}`
}

/**
 * The days after `today` on which a comparison the status functions make with today
 * (status.ts) can turn: a decision's date (a permanent stop counts from it), a start
 * (`vedtak_fatta` → `deltar`, a leave or stop begins), the day after an end (a leave or stop
 * is over, a Norwegian decision period has ended) and an ending's date (`avslutta`). Between
 * two of these days every such comparison gives the same answer, so the statuses hold.
 * Ascending, without repeats.
 */
export function statusChangeCandidates(s: PersonSnapshot, today: IsoDate): IsoDate[] {
  const days = new Set<IsoDate>()
  for (const d of s.registrations.decisions) {
    days.add(d.decisionDate)
    if (d.startDate) days.add(d.startDate)
    if (d.endDate) days.add(addDays(d.endDate, 1))
  }
  for (const e of s.registrations.endings) days.add(e.endDate)
  return [...days].filter((d) => d > today).sort()
}

/**
 * Issue 8 point 6: the first day after `today` on which evaluating the same snapshot gives
 * another status in some scheme, or null when no registered date changes one. The register
 * stores it beside the evaluation and re-evaluates the person when that day comes, so a
 * stored status stays true without any new data. Each candidate day is judged by
 * `evaluatePerson` itself (a date that changes nothing, e.g. a leave inside an ended
 * programme, is passed over), so this can never disagree with the rules.
 * Not covered: a category lapsing by age or by its window (R3), which turns
 * `kategori_berekna` into `ingen` for a person without decisions; such a stored status stays
 * until the person is evaluated again (a write, an import touching them, `recompute`).
 */
export function statusChangesOn(s: PersonSnapshot, today: IsoDate, evaluation: Evaluation = evaluatePerson(s, today)): IsoDate | null {
  const now = statusesOf(evaluation)
  for (const day of statusChangeCandidates(s, today)) if (statusesOf(evaluatePerson(s, day)) !== now) return day
  return null
}
