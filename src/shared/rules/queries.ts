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

/**
 * R3.1: the attributes a permit's ground gives that permit, or null when the ground is
 * unknown or was not yet in force when the permit was granted (a ground's `validFrom`, e.g.
 * `UTL38_5` from 2018-06-16: a permit granted earlier gets nothing by that ground).
 */
export function groundFor(s: PersonSnapshot, p: SnapshotPermit): PermitGroundAttributes | null {
  const g = groundOf(s, p.groundCode)
  return g && (!g.validFrom || p.grantedDate >= g.validFrom) ? g : null
}

/** Permits in the order they took effect (validFrom, then grant date). */
export function permitsInOrder(s: PersonSnapshot): SnapshotPermit[] {
  return [...s.permits].sort((a, b) => (a.validFrom === b.validFrom ? (a.grantedDate < b.grantedDate ? -1 : 1) : a.validFrom < b.validFrom ? -1 : 1))
}

/** The permit that governs `at`: the latest-starting permit valid that day. */
export function governingPermit(s: PersonSnapshot, at: IsoDate): SnapshotPermit | null {
  let hit: SnapshotPermit | null = null
  for (const p of permitsInOrder(s)) if (permitValidAt(p, at)) hit = p
  return hit
}

/** The latest-starting permit whose ground satisfies `test`. */
export function latestPermitWhere(s: PersonSnapshot, test: (g: PermitGroundAttributes) => boolean): SnapshotPermit | null {
  let hit: SnapshotPermit | null = null
  for (const p of permitsInOrder(s)) {
    const g = groundFor(s, p)
    if (g && test(g)) hit = p
  }
  return hit
}

/**
 * R3.2 / R3.6: the unbroken run of qualifying permits that ends with `q`. A renewal (or a
 * change to another qualifying ground) that continues, adjoins or overlaps the permit
 * governing the day before it belongs to the same spell, so the category keeps its start.
 * A day without a permit, or governed by a non-qualifying one, starts a new spell.
 * Returned oldest first; `q` is last.
 */
export function permitSpell(s: PersonSnapshot, q: SnapshotPermit, qualifies: (g: PermitGroundAttributes) => boolean): SnapshotPermit[] {
  const spell = [q]
  for (;;) {
    const before = governingPermit(s, addDays(spell[0].validFrom, -1))
    const g = before && groundFor(s, before)
    if (!before || !g || !qualifies(g)) return spell
    spell.unshift(before)
  }
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
  const govGround = gov && groundFor(s, gov)
  const govQualifies = govGround ? qualifies(govGround) : false
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
