import { addDays, addYears, type IsoDate } from '../calendar'
import type { Decision, DecisionType, PermitGroundAttributes, PersonSnapshot, SnapshotPermit } from '../domain'

/** Small read-only questions about a snapshot, shared by categories, status and deadlines. */

/** Full years of age at `at`; a birthday is `addYears(birth, n)` (29 Feb → 28 Feb, R1.4). */
export function ageAt(birthDate: IsoDate, at: IsoDate): number {
  let age = Number(at.slice(0, 4)) - Number(birthDate.slice(0, 4))
  if (addYears(birthDate, age) > at) age--
  return age
}

/** First day the person is `years` old. */
export function birthday(birthDate: IsoDate, years: number): IsoDate {
  return addYears(birthDate, years)
}

/** First day the person is older than `maxAge` full years (the day an "up to max" limit ends). */
export function dayAfterAgeLimit(birthDate: IsoDate, maxAge: number): IsoDate {
  return addYears(birthDate, maxAge + 1)
}

export function permitValidAt(p: SnapshotPermit, at: IsoDate): boolean {
  return p.validFrom <= at && (p.validTo === null || p.validTo >= at)
}

export function groundOf(s: PersonSnapshot, code: string): PermitGroundAttributes | null {
  return s.permitGrounds[code] ?? null
}

/** Permits in the order they took effect (validFrom, then grant date). */
export function permitsInOrder(s: PersonSnapshot): SnapshotPermit[] {
  return [...s.permits].sort((a, b) =>
    a.validFrom === b.validFrom ? (a.grantedDate < b.grantedDate ? -1 : 1) : a.validFrom < b.validFrom ? -1 : 1,
  )
}

/** The permit that governs `at`: the latest-starting permit valid that day. */
export function governingPermit(s: PersonSnapshot, at: IsoDate): SnapshotPermit | null {
  let hit: SnapshotPermit | null = null
  for (const p of permitsInOrder(s)) if (permitValidAt(p, at)) hit = p
  return hit
}

/** The latest-starting permit whose ground satisfies `test`. */
export function latestPermitWhere(
  s: PersonSnapshot,
  test: (g: PermitGroundAttributes) => boolean,
): SnapshotPermit | null {
  let hit: SnapshotPermit | null = null
  for (const p of permitsInOrder(s)) {
    const g = groundOf(s, p.groundCode)
    if (g && test(g)) hit = p
  }
  return hit
}

/**
 * Whether the qualifying permit `q` still governs `today`. When it does not, `closedAt` is the
 * first day it stopped: the day after it expired, or the day a later, non-qualifying permit
 * took over.
 */
export function permitLapse(
  s: PersonSnapshot,
  q: SnapshotPermit,
  qualifies: (g: PermitGroundAttributes) => boolean,
  today: IsoDate,
): { holds: true } | { holds: false; closedAt: IsoDate; reason: 'permit_ended' | 'permit_changed' } {
  const gov = governingPermit(s, today)
  const govQualifies = gov !== null && (groundOf(s, gov.groundCode) ? qualifies(groundOf(s, gov.groundCode)!) : false)
  if (gov && govQualifies) return { holds: true }
  if (gov && gov.validFrom > q.validFrom) return { holds: false, closedAt: gov.validFrom, reason: 'permit_changed' }
  if (q.validTo !== null && q.validTo < today) return { holds: false, closedAt: addDays(q.validTo, 1), reason: 'permit_ended' }
  return { holds: true }
}

/** The latest settlement (a person may be settled again after moving). */
export function latestSettlement(s: PersonSnapshot): PersonSnapshot['settlements'][number] | null {
  let hit: PersonSnapshot['settlements'][number] | null = null
  for (const x of s.settlements) if (!hit || x.date >= hit.date) hit = x
  return hit
}

export function decisionsOf(s: PersonSnapshot, ...types: DecisionType[]): Decision[] {
  return s.registrations.decisions.filter((d) => types.includes(d.type))
}

export function grantedOf(s: PersonSnapshot, ...types: DecisionType[]): Decision[] {
  return decisionsOf(s, ...types).filter((d) => d.result === 'innvilga')
}

/** The decision made last (decision date; on a tie, the one listed last). */
export function latestDecision(list: readonly Decision[]): Decision | null {
  let hit: Decision | null = null
  for (const d of list) if (!hit || d.decisionDate >= hit.decisionDate) hit = d
  return hit
}

/** The granted decision with the earliest start date (R11.6 "first granted programme"). */
export function earliestStart(list: readonly Decision[]): (Decision & { startDate: IsoDate }) | null {
  let hit: (Decision & { startDate: IsoDate }) | null = null
  for (const d of list) {
    if (d.result !== 'innvilga' || !d.startDate) continue
    if (!hit || d.startDate < hit.startDate) hit = d as Decision & { startDate: IsoDate }
  }
  return hit
}

/** A granted period decision (leave, stop, postponement) covering `at`. */
export function activePeriod(list: readonly Decision[], at: IsoDate): Decision | null {
  for (const d of list) {
    if (d.result === 'innvilga' && d.startDate && d.startDate <= at && (!d.endDate || d.endDate >= at)) return d
  }
  return null
}
