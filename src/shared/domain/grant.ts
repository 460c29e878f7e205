import { z } from 'zod'
import { isoDate, municipalityCode, rowId } from './common'

/** Kinds of grant paid for a person. */
export const grantKinds = ['NORSKTILSKOT_PERSON', 'NORSKTILSKOT_RESULTAT', 'INTEGRERINGSTILSKOT'] as const

/** A grant paid for the person (norsktilskot utbetalt); read-only (D3, screen Tilskot). */
export const grantSchema = z.object({
  id: rowId,
  personId: rowId,
  municipality: municipalityCode,
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(grantKinds),
  amountNok: z.number().int().min(0),
  paidDate: isoDate,
})
export type Grant = z.infer<typeof grantSchema>
