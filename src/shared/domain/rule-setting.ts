import { z } from 'zod'
import type { CodeListEntry } from './code-list'
import { isoDate } from './common'

/**
 * Rule settings (issue 9 point 5, rules-2021.md "Settings"): values a law change may move
 * without a release. They travel as entries of the code list `ruleSetting` (code = the key,
 * `data: { value, changedBy?, reason? }`), so the register's administrator changes them and
 * every device gets them by pull. One zod schema per key says what a value may be.
 */
export const ruleSettingValueSchemas = {
  /** J1: permits granted on or after this day get the 2025 revision; null = not in force. */
  'INT.rev2025.inForceFrom': isoDate.nullable(),
  /** J11: the last grant date of a § 34 permit that still falls under chapter 6A. */
  'INT_6A.lastGrantDate': isoDate,
} as const
export type RuleSettingKey = keyof typeof ruleSettingValueSchemas
export const ruleSettingKeys = Object.keys(ruleSettingValueSchemas) as RuleSettingKey[]

export function isRuleSettingKey(key: string): key is RuleSettingKey {
  return Object.hasOwn(ruleSettingValueSchemas, key)
}

/** The `data` of a `ruleSetting` entry; who changed it and why are kept beside the value. */
export const ruleSettingDataSchema = z.object({
  value: z.string().nullable(),
  changedBy: z.string().max(100).optional(),
  reason: z.string().max(500).optional(),
})
export type RuleSettingData = z.infer<typeof ruleSettingDataSchema>

/** The settings as the snapshot holds them: the keys the register's list has, with their values. */
export const snapshotRuleSettingsSchema = z
  .object({ 'INT.rev2025.inForceFrom': ruleSettingValueSchemas['INT.rev2025.inForceFrom'], 'INT_6A.lastGrantDate': ruleSettingValueSchemas['INT_6A.lastGrantDate'] })
  .partial()
export type SnapshotRuleSettings = z.infer<typeof snapshotRuleSettingsSchema>

/** A value checked against its key's schema: the parsed value, or why it is refused. */
export function parseRuleSettingValue(key: RuleSettingKey, value: unknown): { ok: true; value: string | null } | { ok: false; problem: string } {
  const parsed = ruleSettingValueSchemas[key].safeParse(value)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: parsed.error.issues[0]?.message ?? 'invalid value' }
}

/**
 * The settings from code-list entries (list `ruleSetting`). An entry whose key this release
 * does not know (a newer register) or whose value fails its schema is left out, so the rules
 * use the built-in default and say so — never a guessed value.
 */
export function ruleSettingsFromCodeList(entries: readonly CodeListEntry[]): SnapshotRuleSettings {
  const out: SnapshotRuleSettings = {}
  for (const e of entries) {
    if (e.list !== 'ruleSetting' || !isRuleSettingKey(e.code)) continue
    const data = ruleSettingDataSchema.safeParse(e.data)
    if (!data.success) continue
    const value = parseRuleSettingValue(e.code, data.data.value)
    if (value.ok) (out as Record<string, string | null>)[e.code] = value.value
  }
  return out
}
