import { z } from 'zod'
import { districtCode, isoDate, municipalityCode, rowId } from './common'

/** Registers an address comes from: population register, immigration database, IMDi. */
export const addressSources = ['DSF', 'UDB', 'IMDi'] as const

/** Address with its source register and history (D3). */
export const addressSchema = z.object({
  id: rowId,
  personId: rowId,
  source: z.enum(addressSources),
  street: z.string().min(1).max(200),
  postalCode: z.string().regex(/^\d{4}$/),
  postalPlace: z.string().min(1).max(100),
  municipality: municipalityCode,
  district: districtCode.nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
})
export type Address = z.infer<typeof addressSchema>
