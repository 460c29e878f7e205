import { isoWeekRange, type IsoDate } from '../calendar'
import type { PersonSnapshot, WeeklyParticipation } from '../domain'
import type { NorskHours } from './categories'
import { step, type Step } from './explanation'
import { grantedOf } from './queries'

/** Registered hours against the category's parts (R6.1, R11.9). */
export interface NorskProgress {
  norwegianHours: number
  socialStudiesHours: number
  absenceHours: number
  norwegianDone: boolean
  socialStudiesDone: boolean
  /** Both parts done only by exemption decisions (R3.6 `friteken`). */
  exemptOnly: boolean
  /** First day both parts were done (a week counts on its Sunday), or null. */
  completedAt: IsoDate | null
}

/** One row per ISO week; a later row for the same week replaces an earlier one (R11.10). */
export function weeklyRows(s: PersonSnapshot): WeeklyParticipation[] {
  const byWeek = new Map<string, WeeklyParticipation>()
  for (const w of s.registrations.weeklyParticipation) byWeek.set(`${w.isoYear}-${w.isoWeek}`, w)
  return [...byWeek.values()].sort((a, b) => a.isoYear - b.isoYear || a.isoWeek - b.isoWeek)
}

/** Earliest granted decision date of an exemption type, or null. */
function exemptionDate(s: PersonSnapshot, type: 'NORSK_FRITAK_NORSK' | 'NORSK_FRITAK_SAMFUNN'): IsoDate | null {
  let hit: IsoDate | null = null
  for (const d of grantedOf(s, type)) if (!hit || d.decisionDate < hit) hit = d.decisionDate
  return hit
}

function earliest(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  return a === null ? b : b === null ? a : a < b ? a : b
}

/**
 * R6.1 / R11.9: a part is done when its registered hours reach the category's hours, or a
 * granted exemption of that part exists (NORSK_FRITAK_NORSK → Norwegian, NORSK_FRITAK_SAMFUNN
 * → social studies). A test exemption (NORSK_FRITAK_PROVE) and refused exemptions count for
 * nothing. One pass over the weeks.
 */
export function norskProgress(s: PersonSnapshot, hours: NorskHours): { progress: NorskProgress; steps: Step[] } {
  let norwegian = 0
  let social = 0
  let absence = 0
  let norwegianAt: IsoDate | null = null
  let socialAt: IsoDate | null = null
  for (const w of weeklyRows(s)) {
    norwegian += w.norskHours
    social += w.samfunnHours
    absence += w.absenceHours
    if (norwegianAt === null && norwegian >= hours.norwegian) norwegianAt = isoWeekRange(w.isoYear, w.isoWeek).sunday
    if (socialAt === null && social >= hours.socialStudies) socialAt = isoWeekRange(w.isoYear, w.isoWeek).sunday
  }
  const exemptN = exemptionDate(s, 'NORSK_FRITAK_NORSK')
  const exemptS = exemptionDate(s, 'NORSK_FRITAK_SAMFUNN')
  const doneN = earliest(norwegianAt, exemptN)
  const doneS = earliest(socialAt, exemptS)
  const completedAt = doneN && doneS ? (doneN > doneS ? doneN : doneS) : null
  const steps = [
    step('R6.1', 'norskHoursNorwegian', { registered: norwegian, required: hours.norwegian, exempt: exemptN !== null, done: doneN !== null }),
    step('R6.1', 'norskHoursSocial', { registered: social, required: hours.socialStudies, exempt: exemptS !== null, done: doneS !== null }),
  ]
  return {
    progress: {
      norwegianHours: norwegian,
      socialStudiesHours: social,
      absenceHours: absence,
      norwegianDone: doneN !== null,
      socialStudiesDone: doneS !== null,
      exemptOnly: exemptN !== null && exemptS !== null,
      completedAt,
    },
    steps,
  }
}
