/**
 * Display helpers shared by the screens: dates as dd.mm.åååå (style of the NIR guide),
 * and "which row of a history is current".
 */

/** `YYYY-MM-DD` → `dd.mm.åååå`; anything else is shown as is, empty as an en dash. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso
}

/** An ISO timestamp in local time, `dd.mm.åååå kl. HH:MM`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** Today's date in local time as `YYYY-MM-DD`. */
export function todayIso(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

interface Dated {
  validFrom: string
  validTo: string | null
}

/** Newest first by `validFrom`. */
export function newestFirst<T extends Dated>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.validFrom.localeCompare(a.validFrom))
}

/**
 * The row in force today: started on or before today and not ended before it. When none is
 * in force (all ended, or all in the future), the newest row is shown as "current" so the
 * screen is never blank while history exists; `isInForce` tells the two apart.
 */
export function currentOf<T extends Dated>(rows: readonly T[], today = todayIso()): T | null {
  const sorted = newestFirst(rows)
  return sorted.find((r) => isInForce(r, today)) ?? sorted[0] ?? null
}

export function isInForce(r: Dated, today = todayIso()): boolean {
  return r.validFrom <= today && (r.validTo === null || r.validTo >= today)
}

export function fullName(p: { firstName: string; middleName: string | null; lastName: string }): string {
  return [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ')
}
