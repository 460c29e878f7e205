import { and, asc, eq } from 'drizzle-orm'
import { isRuleSettingKey, parseRuleSettingValue, ruleSettingDataSchema, ruleSettingKeys, type CodeListEntry, type RuleSettingKey } from '../../shared/domain'
import { ruleSettings as initialRuleSettings } from '../../shared/reference/rule-settings'
import { osloDateOfMs } from '../../shared/rules'
import { appendAudit } from '../audit/log'
import { codeLists } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { livePersonIds, recomputeEvaluations } from '../rules/evaluate'
import { nextSeqs, takeChangeLock } from '../sync/change-lock'

/**
 * Issue 9 point 5: the central administrator changes an R12 rule setting on the register (CLI
 * `set-rule-setting`, `PUT /admin/rule-settings/:key`). The setting is a `ruleSetting`
 * code-list entry, so the change is an ordinary synced row change: its version is bumped and
 * it gets a new change seq, and every device pulls it with the reference data.
 */

/** A refusal: its reason in the register's reason shape (`ServerError.reasons`). */
export interface RuleSettingRefusal {
  code: 'RULE_SETTING_UNKNOWN' | 'RULE_SETTING_INVALID_VALUE' | 'RULE_SETTING_REASON_REQUIRED'
  field: 'key' | 'value' | 'reason'
  values: Record<string, string | null>
  message: string
}

export type SetRuleSettingResult =
  | { ok: true; key: RuleSettingKey; oldValue: string | null; value: string | null; changed: boolean; version: number; evaluated: number }
  | { ok: false; reasons: RuleSettingRefusal[] }

/** One setting as the register holds it. */
export interface RuleSettingView {
  key: string
  value: string | null
  version: number
  changedBy: string | null
  reason: string | null
}

/** Longest reason kept (the entry's `data.reason` goes to every device). */
const REASON_MAX = 500

/**
 * The value as given on a command line or in a body: `null`, an empty text, `none` or `null`
 * mean "not set", which only `INT.rev2025.inForceFrom` allows (J1: not in force).
 */
export function valueOfInput(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null
  if (typeof raw === 'string' && ['', 'none', 'null'].includes(raw.trim().toLowerCase())) return null
  return typeof raw === 'string' ? raw.trim() : raw
}

/** Checks a change without writing anything: every refusal at once, each naming its field. */
export function checkRuleSetting(
  key: string,
  rawValue: unknown,
  reason: unknown,
): { ok: true; key: RuleSettingKey; value: string | null; reason: string } | { ok: false; reasons: RuleSettingRefusal[] } {
  const reasons: RuleSettingRefusal[] = []
  let value: string | null = null
  if (!isRuleSettingKey(key)) {
    reasons.push({
      code: 'RULE_SETTING_UNKNOWN',
      field: 'key',
      values: { key, known: ruleSettingKeys.join(', ') },
      message: `unknown rule setting ${key}; known: ${ruleSettingKeys.join(', ')}`,
    })
  } else {
    const parsed = parseRuleSettingValue(key, valueOfInput(rawValue))
    if (parsed.ok) value = parsed.value
    else
      reasons.push({
        code: 'RULE_SETTING_INVALID_VALUE',
        field: 'value',
        values: { key, problem: parsed.problem },
        message: `${key} needs ${key === 'INT.rev2025.inForceFrom' ? 'a date YYYY-MM-DD, or none (not in force)' : 'a date YYYY-MM-DD'}: ${parsed.problem}`,
      })
  }
  // Why it changed is part of the audit trail and goes with the value to every device.
  const why = typeof reason === 'string' ? reason.trim() : ''
  if (why.length === 0 || why.length > REASON_MAX) {
    reasons.push({
      code: 'RULE_SETTING_REASON_REQUIRED',
      field: 'reason',
      values: { max: String(REASON_MAX) },
      message: `give the reason for the change (1–${REASON_MAX} characters), e.g. the Lovdata reference`,
    })
  }
  return reasons.length || !isRuleSettingKey(key) ? { ok: false, reasons } : { ok: true, key, value, reason: why }
}

/**
 * Sets one rule setting, all in one transaction under the change lock: the entry's `data` gets
 * the value, who changed it and why; its version goes up by one and it gets a new change seq
 * (so every device pulls it); the audit log records who, when (the row's time), the old and
 * the new value and the reason; and every live person's stored evaluation is recomputed as of
 * `today`. Why everyone: the settings decide the regime (6A) and the intro age band of any
 * 2021 person, and recomputing all is one pass the register already makes after an import of
 * a rule list (`personsAffected`); finding the few affected persons would duplicate the rules.
 * Setting the value it already has changes nothing and is not audited.
 */
export async function setRuleSetting(
  db: RegisterDb,
  input: { key: string; value: unknown; reason: unknown; actor: { username: string; userId?: string | null }; today?: string },
): Promise<SetRuleSettingResult> {
  const checked = checkRuleSetting(input.key, input.value, input.reason)
  if (!checked.ok) return checked
  const { key, value, reason } = checked
  return db.transaction(async (tx) => {
    await takeChangeLock(tx)
    const id = `ruleSetting:${key}`
    const [row] = await tx.select().from(codeLists).where(eq(codeLists.id, id))
    const old = row && !row.deleted ? ruleSettingDataSchema.safeParse(row.data) : null
    const oldValue = old?.success ? old.data.value : null
    if (row && !row.deleted && old?.success && oldValue === value) return { ok: true as const, key, oldValue, value, changed: false, version: row.version, evaluated: 0 }
    const [seq] = await nextSeqs(tx, 1)
    const data = { value, changedBy: input.actor.username, reason }
    let version: number
    if (row) {
      version = row.version + 1
      await tx.update(codeLists).set({ data, version, seq, deleted: false }).where(eq(codeLists.id, id))
    } else {
      // A register seeded before the list existed gets the entry with its initial names.
      const initial = initialRuleSettings.find((e) => e.code === key)!
      version = 1
      await tx.insert(codeLists).values({ ...initial, data, version, seq })
    }
    const evaluated = await recomputeEvaluations(tx, await livePersonIds(tx), input.today ?? osloDateOfMs(Date.now()))
    await appendAudit(tx, {
      userId: input.actor.userId ?? null,
      username: input.actor.username,
      action: 'ruleSetting.set',
      details: { key, oldValue, newValue: value, reason, version, evaluated },
    })
    return { ok: true as const, key, oldValue, value, changed: true, version, evaluated }
  })
}

/** Every rule setting the register holds (the `ruleSetting` list), in list order. */
export async function listRuleSettings(db: RegisterDb): Promise<RuleSettingView[]> {
  const rows = await db
    .select()
    .from(codeLists)
    .where(and(eq(codeLists.list, 'ruleSetting'), eq(codeLists.deleted, false)))
    .orderBy(asc(codeLists.sortOrder), asc(codeLists.code))
  return rows.map((r: Pick<CodeListEntry, 'code' | 'data'> & { version: number }) => {
    const d = ruleSettingDataSchema.safeParse(r.data)
    return {
      key: r.code,
      value: d.success ? d.data.value : null,
      version: r.version,
      changedBy: d.success ? (d.data.changedBy ?? null) : null,
      reason: d.success ? (d.data.reason ?? null) : null,
    }
  })
}
