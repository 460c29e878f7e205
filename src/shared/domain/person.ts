import { z } from 'zod'
import { districtCode, isoDate, municipalityCode, rowId } from './common'

/** Sex as the population register records it. */
export const sexes = ['K', 'M'] as const
/** Kinds of asylum reception centre (R3.5). */
export const receptionCentreKinds = ['ordinaert', 'transitt', 'ankomst'] as const

/**
 * A person in the register (domain.md D3). Base data: owned by the central register,
 * read-only on the device.
 */
export const personSchema = z.object({
  id: rowId,
  /** DUF number, 12 digits (R2.2). An import with a failed check digit is kept and flagged. */
  duf: z.string().regex(/^\d{12}$/),
  dufCheckFailed: z.boolean(),
  /** Fødselsnummer or D-number, 11 digits (R2.1). */
  nationalId: z
    .string()
    .regex(/^\d{11}$/)
    .nullable(),
  /** Old registration number, 6 digits (R2.3). */
  regNumber: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  firstName: z.string().min(1).max(100),
  middleName: z.string().max(100).nullable(),
  lastName: z.string().min(1).max(100),
  birthDate: isoDate,
  sex: z.enum(sexes),
  /** Closed (lukka) data: hidden from `kommuneles` (R9). */
  closed: z.boolean(),
  /** Date of arrival in Norway. */
  arrivalDate: isoDate.nullable(),
  /** Follow-up municipality (oppfølgingskommune), the scope key of sync (A4). */
  followUpMunicipality: municipalityCode,
  followUpDistrict: districtCode.nullable(),
  /** True when the follow-up municipality differs from the address by agreement. */
  followUpByAgreement: z.boolean(),
  /** Asylum reception centre kind while the person lives in one (R3.5). */
  receptionCentre: z.enum(receptionCentreKinds).nullable(),
})
export type Person = z.infer<typeof personSchema>
