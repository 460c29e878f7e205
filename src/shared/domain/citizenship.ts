import { z } from 'zod'
import { isoDate, rowId } from './common'

/** Citizenship with history (D3). Country as ISO 3166-1 alpha-3, `XXX` stateless. */
export const citizenshipSchema = z.object({
  id: rowId,
  personId: rowId,
  country: z.string().regex(/^[A-Z]{3}$/),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
})
export type Citizenship = z.infer<typeof citizenshipSchema>
