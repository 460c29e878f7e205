import { useI18n } from 'vue-i18n'
import type { Reason } from '../../../shared/api'
import { formatDate } from './format'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const DECIMAL = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 })

/**
 * A reason's value as the caseworker reads it: the rules send ISO days and plain numbers;
 * the screens show dd.mm.åååå and a decimal comma (43,1 timar, steg på 0,25).
 */
function readable(v: unknown): unknown {
  if (typeof v === 'string' && ISO_DAY.test(v)) return formatDate(v)
  if (typeof v === 'number' && !Number.isInteger(v)) return DECIMAL.format(v)
  return v
}

/**
 * The one function that turns reason codes into nb/nn text (style.md 6). An unknown code
 * still shows the code itself, so a missing text never hides an error.
 */
export function useReasons() {
  const { t, te } = useI18n()

  /** `code` is a string: codes also arrive from storage (the sync status's last error). */
  function reasonText(r: { code: string; values?: Reason['values'] }): string {
    const key = `reasons.${r.code}`
    const values = Object.fromEntries(Object.entries(r.values ?? {}).map(([k, v]) => [k, readable(v)]))
    return te(key) ? t(key, values as Record<string, unknown>) : t('errors.unknownReason', { code: r.code })
  }

  /**
   * Splits reasons into those shown beside a field and the rest (for the snackbar).
   * `fallbackField` maps codes that the service sends without a field to the field the
   * screen knows they belong to.
   */
  function splitByField(
    reasons: readonly Reason[],
    fields: readonly string[],
    fallbackField: (code: string) => string | undefined = () => undefined,
  ): { byField: Record<string, string[]>; rest: Reason[] } {
    const byField: Record<string, string[]> = Object.fromEntries(fields.map((f) => [f, [] as string[]]))
    const rest: Reason[] = []
    for (const r of reasons) {
      const field = r.field && fields.includes(r.field) ? r.field : fallbackField(r.code)
      if (field && byField[field]) byField[field].push(reasonText(r))
      else rest.push(r)
    }
    return { byField, rest }
  }

  return { reasonText, splitByField }
}
