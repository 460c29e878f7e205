import { isoWeekRange, type IsoDate } from '../../calendar'
import type { PersonSnapshot } from '../../domain'
import { later, type Category } from '../categories'
import { step, type Step } from '../explanation'
import { ageAt, birthday, groundOf, latestPermitWhere, permitsInOrder } from '../queries'
import type { MottakWeek } from './input'
import { intValue } from './parameters'
import { INTEGRERING_2021 } from './regimes'
import { error, warning, type Finding2021 } from './warnings'

/** R12.2.8: training in reception centres (§ 5) for applications from 2021 (R12.0.4). */
export const regime = INTEGRERING_2021

export type ReceptionCategory = Omit<Category, 'kind'> & { kind: 'mottak_plikt' }

/**
 * R12.2.8: an asylum seeker (latest asylum-seeker row), 18 or older at `today` — unlike the
 * permit categories they grow in —, in an ordinary reception centre, with no decision on the
 * application → `mottak_plikt` from the later of application and 18th birthday. A permit
 * granted on the application closes it on its grant date.
 */
export function receptionCategory2021(s: PersonSnapshot, today: IsoDate): { category: ReceptionCategory | null; whyNot: Step[] | null } {
  const a = latestPermitWhere(s, (g) => g.asylumSeeker)
  if (!a) return { category: null, whyNot: [step('R12.2', 'int21MottakNotAsylumSeeker', {})] }
  const min = intValue('INT.mottak.ageMin', a.validFrom)
  const adult = birthday(s.person.birthDate, min)
  if (adult > today)
    return { category: null, whyNot: [step('R12.2', 'int21MottakUnderAge', { birthDate: s.person.birthDate, age: ageAt(s.person.birthDate, today), min, from: adult })] }
  const centre = s.person.receptionCentre
  if (centre !== 'ordinaert') return { category: null, whyNot: [step('R12.2', 'int21MottakNotOrdinary', { centre })] }
  let decided: IsoDate | null = null
  for (const p of permitsInOrder(s)) {
    const g = groundOf(s, p.groundCode)
    if (g && !g.asylumSeeker && p.validFrom >= a.validFrom && p.grantedDate <= today) {
      decided = p.grantedDate
      break
    }
  }
  const validFrom = later(a.validFrom, adult)
  const explanation = [step('R12.2', 'int21Mottak', { applied: a.validFrom, adult, centre, decided })]
  return {
    category: {
      scheme: 'asylnorsk',
      kind: 'mottak_plikt',
      validFrom,
      displayState: decided ? 'ikkje_gjeldande' : 'current',
      closedAt: decided,
      reason: decided ? 'permit_granted' : null,
      hours: null,
      explanation,
    },
    whyNot: null,
  }
}

/**
 * R12.2.8 in R7.2's shape: the kind's total with `row` in place of any earlier row of the same
 * week (or the same id): above the cap (175 Norwegian / 25 social studies) → error; at or
 * above 90 % of it → warning. Caps by the row's week.
 */
export function mottakHoursCheck(existing: readonly MottakWeek[], row: MottakWeek): Finding2021[] {
  const sunday = isoWeekRange(row.isoYear, row.isoWeek).sunday
  const max = row.kind === 'MOTTAK_NORSK' ? intValue('INT.mottak.norskHours', sunday) : intValue('INT.mottak.samfHours', sunday)
  let total = row.hours
  for (const r of existing) {
    const sameWeek = r.isoYear === row.isoYear && r.isoWeek === row.isoWeek
    if (r.kind === row.kind && r.id !== row.id && !sameWeek) total += r.hours
  }
  const share = intValue('INT.mottak.warningShare', sunday)
  if (total > max) return [error('MOTTAK_HOURS_CAP', { kind: row.kind, max, total })]
  if (total >= max * share) return [warning('MOTTAK_HOURS_NEAR_CAP', { kind: row.kind, max, total })]
  return []
}
