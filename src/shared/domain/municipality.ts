import { z } from 'zod'
import { districtCode, municipalityCode } from './common'

export const municipalitySchema = z.object({ code: municipalityCode, name: z.string().min(1) })
export type Municipality = z.infer<typeof municipalitySchema>

export const districtSchema = z.object({ code: districtCode, municipality: municipalityCode, name: z.string().min(1) })
export type District = z.infer<typeof districtSchema>
