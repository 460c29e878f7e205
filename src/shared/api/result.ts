import type { reasons } from '../i18n/messages/reasons'

/**
 * Every reason code there is: the keys of the message catalogue, so a code without nb and nn
 * text does not compile (issue 6 point 6), and the catalogue is where new codes are added.
 */
export type ReasonCode = keyof typeof reasons.nb

/**
 * Results of every handler (style.md 6, architecture.md A2): expected failures are
 * reason codes naming the field they belong to; bugs are exceptions that reach the UI as
 * `internal`.
 */
export interface Reason {
  /** Reason code; nb/nn texts in `shared/i18n` under `reasons.<code>`. */
  code: ReasonCode
  /** The input field the reason belongs to, so a dialog can show it beside that field. */
  field?: string
  /** Values interpolated into the text. */
  values?: Record<string, string | number | boolean | null>
  severity?: 'error' | 'warning'
}

export type Result<T> = { ok: true; value: T } | { ok: false; reasons: Reason[] }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: ReasonCode, field?: string, values?: Reason['values']): Result<T> {
  const reason: Reason = { code }
  if (field !== undefined) reason.field = field
  if (values !== undefined) reason.values = values
  return { ok: false, reasons: [reason] }
}

export function failWith<T = never>(reasons: Reason[]): Result<T> {
  return { ok: false, reasons }
}
