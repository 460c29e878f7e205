import { z } from 'zod'
import { isoDate, municipalityCode, rowId } from './common'

/** Settlement (busetting) from the settlement module (D3). */
export const settlementSchema = z.object({
  id: rowId,
  personId: rowId,
  date: isoDate,
  municipality: municipalityCode,
  /** Settled by agreement between IMDi and the municipality (busett etter avtale). */
  byAgreement: z.boolean(),
  /** Family reunification with a settled refugee. */
  familyReunification: z.boolean(),
})
export type Settlement = z.infer<typeof settlementSchema>
