import type { Reason, ReasonCode } from '../../api/result'
import { isValidIsoDate, type IsoDate } from '../../calendar'
import type { AsylnorskOffer } from '../../domain/registrations'
import type { PersonSnapshot } from '../../domain/snapshot'
import type { RuleUser } from '../permissions'

/** The context of a check (rules.md R0 + A5). */
export interface CheckContext {
  user: RuleUser
  /** When the caseworker saved it (ISO timestamp with offset); see A5 for the bounds. */
  recordedAt: string
  /** The judge's calendar date, `YYYY-MM-DD`: "today" in R4, R5.6, R6.4, R8.3. */
  today: IsoDate
  /** Server time now; set only when the server judges a synced mutation (A5). */
  serverTime?: string
  /** Server-issued time of the device's last successful sync (A5). */
  lastSyncAt?: string | null
  /** The municipality's existing asylnorsk offers, for `asylnorsk.registerOffer` (R7.1). */
  asylnorskOffers?: readonly AsylnorskOffer[]
}

/** Errors block saving and syncing; warnings are shown and saved with the registration. */
export interface CheckResult {
  errors: Reason[]
  warnings: Reason[]
}

type Values = Reason['values']

/** Collects reasons of one check in order, so the result is deterministic. */
export class Findings {
  readonly errors: Reason[] = []
  readonly warnings: Reason[] = []

  error(code: ReasonCode, field: string, values?: Values): this {
    this.errors.push(values === undefined ? { code, field } : { code, field, values })
    return this
  }

  warn(code: ReasonCode, field: string, values?: Values): this {
    this.warnings.push(values === undefined ? { code, field } : { code, field, values })
    return this
  }

  add(errors: readonly Reason[]): this {
    this.errors.push(...errors)
    return this
  }

  result(): CheckResult {
    return { errors: this.errors, warnings: this.warnings }
  }
}

/** What every per-command check receives. */
export interface CheckInput {
  snapshot: PersonSnapshot
  ctx: CheckContext
  /** The judge's "today" (R8.3 etc.). */
  today: IsoDate
  f: Findings
}

/**
 * Dates must exist (the schema only checks the shape): `INVALID_DATE` per field.
 * Returns false when any is invalid, so later date arithmetic is skipped.
 */
export function datesValid(f: Findings, dates: Record<string, IsoDate | null | undefined>): boolean {
  let ok = true
  for (const [field, d] of Object.entries(dates)) {
    if (d !== null && d !== undefined && !isValidIsoDate(d)) {
      f.error('INVALID_DATE', field, { date: d })
      ok = false
    }
  }
  return ok
}

/** `from ≤ to`, else `PERIOD_REVERSED` on the `to` field. */
export function periodOrdered(f: Findings, from: IsoDate, to: IsoDate, toField: string): boolean {
  if (from <= to) return true
  f.error('PERIOD_REVERSED', toField, { from, to })
  return false
}

/** Inclusive periods overlap. */
export function overlaps(a: { from: IsoDate; to: IsoDate }, b: { from: IsoDate; to: IsoDate }): boolean {
  return a.from <= b.to && b.from <= a.to
}

/** R6.4 / R7.2: hours are multiples of `step` (0.25). */
export function onStep(value: number, step: number): boolean {
  const q = value / step
  return Math.abs(q - Math.round(q)) < 1e-9
}
