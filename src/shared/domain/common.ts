import { z } from 'zod'

/** A calendar date `YYYY-MM-DD` (no time zone; rules.md R0). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
export type IsoDate = z.infer<typeof isoDate>

/** Row id: a UUID string issued by whoever created the row (server for base data). */
export const rowId = z.string().min(1).max(64)

/** 4-digit municipality number (kommunenummer), e.g. `3301`. */
export const municipalityCode = z.string().regex(/^\d{4}$/)
/** 6-digit district (bydel) number, e.g. `030101`. */
export const districtCode = z.string().regex(/^\d{6}$/)
