import type { IsoDate } from '../../calendar'

/**
 * R12 settings: the two values that may change without a release (issue 9 point 5). They come
 * from the synced reference list `ruleSetting`; until the list holds a row, the defaults here
 * apply. Every value carries its origin so the calculation log can say where it came from.
 */
export type SettingOrigin = 'default' | 'ruleSetting'

export interface Setting<T> {
  value: T
  origin: SettingOrigin
}

export interface RuleSettings {
  /** J1: the day the 2025 revision applies from (permits granted on or after it); null = not in force. */
  'INT.rev2025.inForceFrom': Setting<IsoDate | null>
  /** J11: the last grant date of a § 34 permit that still falls under chapter 6A. */
  'INT_6A.lastGrantDate': Setting<IsoDate>
}

export const DEFAULT_SETTINGS: RuleSettings = {
  'INT.rev2025.inForceFrom': { value: null, origin: 'default' },
  'INT_6A.lastGrantDate': { value: '2026-06-30', origin: 'default' },
}

/** Rows of the `ruleSetting` list as the caller has them (code = setting key, value as text or null). */
export interface RuleSettingRow {
  key: string
  value: string | null
}

/**
 * The settings in force: each key present in `rows` overrides its default and is marked
 * `ruleSetting`; unknown keys are ignored (a newer register may know more settings than this
 * release does). A malformed date is ignored too — the default stays, never a guessed date.
 */
export function settingsFrom(rows: readonly RuleSettingRow[] = []): RuleSettings {
  const out: RuleSettings = { ...DEFAULT_SETTINGS }
  const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v)
  for (const r of rows) {
    if (r.key === 'INT.rev2025.inForceFrom' && (r.value === null || isDate(r.value))) out[r.key] = { value: r.value, origin: 'ruleSetting' }
    if (r.key === 'INT_6A.lastGrantDate' && isDate(r.value)) out[r.key] = { value: r.value, origin: 'ruleSetting' }
  }
  return out
}
