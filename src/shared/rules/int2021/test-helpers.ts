/** Builders for the 2021 rule tests, on top of the shared rule fixtures. */
import type { PersonSnapshot, SnapshotPermit } from '../../domain'
import { snapshot, type BaseFacts } from '../test-fixtures'
import type { Int2021Input, Int2021Registrations } from './input'
import { DEFAULT_SETTINGS, type RuleSettings } from './settings'

/** A permit granted on the day it takes effect (or on `granted`). */
export const permit = (groundCode: string, validFrom: string, validTo: string | null = null, granted = validFrom): SnapshotPermit => ({
  groundCode,
  validFrom,
  validTo,
  grantedDate: granted,
})

/** A snapshot with the given facts; `permits` replaces the builder's single permit. */
export function person(f: BaseFacts & { permits?: SnapshotPermit[] }, regs: Partial<PersonSnapshot['registrations']> = {}): PersonSnapshot {
  const s = snapshot(f, regs)
  return f.permits ? { ...s, permits: f.permits } : s
}

export function input(s: PersonSnapshot, registrations: Int2021Registrations = {}, settings: RuleSettings = DEFAULT_SETTINGS): Int2021Input {
  return { snapshot: s, registrations, settings }
}

export const withSetting = (key: keyof RuleSettings, value: string | null): RuleSettings => ({ ...DEFAULT_SETTINGS, [key]: { value, origin: 'register' } })

export const stepKeys = (steps: readonly { key: string }[]): string[] => steps.map((s) => s.key)
