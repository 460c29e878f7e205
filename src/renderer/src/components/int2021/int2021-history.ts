import type { Int2021FactKind, Int2021Registration } from '../../../../shared/domain'
import type { EducationBackground, Level, NorskPart } from '../../../../shared/rules/int2021/input'
import { DEFAULT_GROUNDS_2021 } from '../../../../shared/rules/int2021/grounds'
import type { RegimeId } from '../../../../shared/rules/int2021/regimes'

/** The registrations of one kind, with the fact narrowed to that kind. */
export type RowOf<K extends Int2021FactKind> = Int2021Registration & { fact: Extract<Int2021Registration['fact'], { kind: K }> }

/**
 * R12.3.2: one kind's history, newest first — by `date`, then `recordedAt` (the device's save
 * time breaks a tie on the same day), as the rules' `current()` reads it, so the row the
 * screen marks as current is the one the rules use.
 */
export function historyOf<K extends Int2021FactKind>(rows: readonly Int2021Registration[], kind: K): RowOf<K>[] {
  return rows.filter((r): r is RowOf<K> => r.fact.kind === kind).sort((a, b) => b.date.localeCompare(a.date) || (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''))
}

/** Kinds that are a list of things done, not a value that changes: no row is "current". */
export const LIST_KINDS: ReadonlySet<Int2021FactKind> = new Set(['programmeElement'])

/**
 * Whether the newest row of its history is marked current on the screen: not in a list of
 * things done, and not a full-time period that ended before `today` (nothing runs then).
 */
export function isCurrent(newest: Int2021Registration, today: string): boolean {
  if (LIST_KINDS.has(newest.fact.kind)) return false
  return !(newest.fact.kind === 'fullTimeUpperSecondary' && newest.fact.toDate && newest.fact.toDate < today)
}

/** R12.0: the 2021 registrations apply to persons under the 2021 act (and its chapter 6A). */
export function isRegime2021(regime: RegimeId | null): boolean {
  return regime === 'INTEGRERING_2021' || regime === 'INT_6A'
}

/**
 * R12.2.6 (UI hint): the norskmål suggested from the education background — listening,
 * reading and writing at the first level, oral at the second.
 */
export function suggestedGoal(background: EducationBackground): Record<NorskPart, Level> {
  const [written, oral]: [Level, Level] = background === 'INGEN_GRUNNSKULE' ? ['A2', 'B1'] : background === 'GRUNNSKULE' ? ['B1', 'B1'] : ['B1', 'B2']
  return { lytting: written, lesing: written, skriftleg: written, munnleg: oral }
}

/**
 * J15: the reference-person condition belongs to grounds that have it (family of a refugee).
 * The evaluation carries no such flag, so the card reads the same ground table the rules
 * read (`DEFAULT_GROUNDS_2021`) for the person's permits.
 */
export function hasReferencePersonCondition(permits: readonly { groundCode: string }[]): boolean {
  return permits.some((p) => DEFAULT_GROUNDS_2021[p.groundCode]?.referencePersonCondition === true)
}

/**
 * Where a refusal's field (`fact.background`, `fact.goal.lytting`, `date`) is shown in the
 * dialog: the last part of the path names the form field; anything else goes to the dialog's
 * alert (e.g. `NOT_IN_REGIME` on `fact.kind`).
 */
export function formFieldOf(field: string | undefined, fields: readonly string[]): string | undefined {
  if (!field) return undefined
  const last = field.split('.').at(-1)!
  return fields.includes(field) ? field : fields.includes(last) && last !== 'kind' ? last : undefined
}
