import { z } from 'zod'
import { isoDate, municipalityCode, rowId } from './common'
import { INT4_MAX } from './input-limits'

/** Kinds of grant paid for a person. */
export const grantKinds = ['NORSKTILSKOT_PERSON', 'NORSKTILSKOT_RESULTAT', 'INTEGRERINGSTILSKOT'] as const

/** A grant paid for the person (norsktilskot utbetalt); read-only (D3, screen Tilskot). */
export const grantSchema = z.object({
  id: rowId,
  personId: rowId,
  municipality: municipalityCode,
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(grantKinds),
  /** Whole kroner; the column is a 4-byte integer (issue 11.6: out of range is bad input, not a 500). */
  amountNok: z.number().int().min(0).max(INT4_MAX),
  paidDate: isoDate,
})
export type Grant = z.infer<typeof grantSchema>
