import { z } from 'zod'

/** The message of a well-shaped date that does not exist (the rules turn it into `INVALID_DATE`). */
export const NOT_A_CALENDAR_DATE = 'not a date in the calendar'

/** True for a date that exists in the calendar: `2024-02-29` yes, `2024-02-30`/`2024-13-01`/`0000-01-01` no. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
}

/**
 * A calendar date `YYYY-MM-DD` (no time zone; rules.md R0). Issue 11.6: a date that does not
 * exist is refused here, so every schema gets it (PostgreSQL's `date` would fail with a 500).
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  // A wrong shape is reported once, by the regex.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isCalendarDate(s), NOT_A_CALENDAR_DATE)
export type IsoDate = z.infer<typeof isoDate>

/** Row id: a UUID string issued by whoever created the row (server for base data). */
export const rowId = z.string().min(1).max(64)

/** 4-digit municipality number (kommunenummer), e.g. `3301`. */
export const municipalityCode = z.string().regex(/^\d{4}$/)
/** 6-digit district (bydel) number, e.g. `030101`. */
export const districtCode = z.string().regex(/^\d{6}$/)
