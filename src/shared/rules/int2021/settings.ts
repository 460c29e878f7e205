import type { IsoDate } from '../../calendar'
import type { PersonSnapshot } from '../../domain'
import type { Step } from '../explanation'
import { step } from '../explanation'

/**
 * R12 settings: the two values that may change without a release (issue 9 point 5). They come
 * from the synced reference list `ruleSetting`; until the list holds a row, the defaults here
 * apply. Every value carries its origin so the calculation log can say where it came from.
 */
/** `register`: the synced `ruleSetting` list had the key; `default`: the built-in value below. */
export type SettingOrigin = 'default' | 'register'

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
    if (r.key === 'INT.rev2025.inForceFrom' && (r.value === null || isDate(r.value))) out[r.key] = { value: r.value, origin: 'register' }
    if (r.key === 'INT_6A.lastGrantDate' && isDate(r.value)) out[r.key] = { value: r.value, origin: 'register' }
  }
  return out
}

/** The settings the snapshot carries (`snapshotFromBase` reads them from the synced list). */
export function settingsOfSnapshot(s: Pick<PersonSnapshot, 'ruleSettings'>): RuleSettings {
  return settingsFrom(Object.entries(s.ruleSettings ?? {}).map(([key, value]) => ({ key, value: value ?? null })))
}

/**
 * The log step that names every setting with its value and origin (rules-2021.md "Settings":
 * the log shows value and origin), so a caseworker sees which law-change dates were applied.
 */
export function settingsStep(settings: RuleSettings): Step {
  const rev = settings['INT.rev2025.inForceFrom']
  const last = settings['INT_6A.lastGrantDate']
  // `notInForce` is a code the log renders as words (J1's null)
  return step('R12.0', 'int21Settings', { rev2025: rev.value ?? 'notInForce', rev2025Origin: rev.origin, last6A: last.value, last6AOrigin: last.origin })
}
