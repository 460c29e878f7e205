import { z } from 'zod'
import type { CodeListEntry, District, Municipality } from '../domain'
import { codeListNames } from '../domain'
import { empty } from './inputs'

/** Reference data pulled from the register: code lists, municipalities and districts. */
export const referenceSlice = {
  'reference.codeList': { input: z.object({ list: z.enum(codeListNames) }).strict(), output: {} as CodeListEntry[] },
  'reference.municipalities': { input: empty, output: {} as { municipalities: Municipality[]; districts: District[] } },
} as const
