import type { ReasonCode } from '../../api/result'
import type { IsoDate } from '../../calendar'
import type { Ending } from '../../domain/registrations'
import type { PersonSnapshot } from '../../domain/snapshot'
import { leaveAndStopPeriods, programmePlan, type PeriodOff } from '../average'
import { is2021Regime, type RegimeId } from '../int2021/regimes'
import { earliestStart, grantedOf } from '../queries'
import type { Findings } from './context'

/** What the intro checks (R5.3–R5.6) need to know about the person's programme. */
export interface ProgrammeFacts {
  /** Start of the first granted INTRO_PROGRAM (R11.6), or null when none is granted. */
  start: IsoDate | null
  /** Completion deadline (R5.2) as `evaluatePerson` computes it, or null; under 2021 the end date (R12.1.6). */
  deadline: IsoDate | null
  /**
   * R12.3.3: under the 2021 act a measure running past the end date only warns
   * (`MEASURE_AFTER_END`) — the end date moves with every extension and leave, so a measure
   * planned beyond it is often right; under 2003 it stays an error (R5.3).
   */
  pastEndWarns: boolean
  /** The latest registered ending, whatever its date (R5.6: nothing after it). */
  ending: Ending | null
  /** Granted leave and temporary stops (R5.3, R5.4). */
  leave: PeriodOff[]
  selfStudy: boolean
}

export function programmeFacts(s: PersonSnapshot, deadline: IsoDate | null, regime: RegimeId | null = null): ProgrammeFacts {
  let ending: Ending | null = null
  for (const e of s.registrations.endings) if (!ending || e.endDate > ending.endDate) ending = e
  return {
    start: earliestStart(grantedOf(s, 'INTRO_PROGRAM'))?.startDate ?? null,
    deadline,
    pastEndWarns: is2021Regime(regime),
    ending,
    leave: leaveAndStopPeriods(s.registrations.decisions),
    selfStudy: programmePlan(s).selfStudy,
  }
}

/**
 * R5.3 / R11.10: registrations that belong to a programme need a granted one;
 * `NO_GRANTED_DECISION` once, on `field`. Returns the start when there is one.
 */
export function requireProgramme(f: Findings, p: ProgrammeFacts, field: string): IsoDate | null {
  if (p.start === null) f.error('NO_GRANTED_DECISION', field, { scheme: 'intro' })
  return p.start
}

/** R5.6: after an ending, nothing may reach past its end date. */
export function afterEnding(f: Findings, p: ProgrammeFacts, code: ReasonCode, toDate: IsoDate, field: string, ownEndingId?: string): void {
  if (p.ending && p.ending.id !== ownEndingId && toDate > p.ending.endDate) {
    f.error(code, field, { endDate: p.ending.endDate })
  }
}

/** The first granted leave or stop overlapping `from..to`, if any. */
export function overlappingLeave(p: ProgrammeFacts, from: IsoDate, to: IsoDate): PeriodOff | null {
  return p.leave.find((l) => l.fromDate <= to && from <= l.toDate) ?? null
}
