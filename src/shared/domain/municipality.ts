import { z } from 'zod'
import { districtCode, municipalityCode } from './common'

/** Names are bounded (issue 11.6): reference data goes to every device. */
export const municipalitySchema = z.object({ code: municipalityCode, name: z.string().min(1).max(200) })
export type Municipality = z.infer<typeof municipalitySchema>

export const districtSchema = z.object({ code: districtCode, municipality: municipalityCode, name: z.string().min(1).max(200) })
export type District = z.infer<typeof districtSchema>
