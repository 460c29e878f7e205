import { z } from 'zod'
import { isoDate } from './common'

/**
 * Reference data (rules.md R10): owned by the central register, synced to the device.
 * `data` carries list-specific attributes (e.g. a permit ground's `introGroup`).
 */
export const codeListNames = [
  'permitGround',
  'decisionType',
  'measureGroup',
  'measure',
  'absenceType',
  'parentalLeaveAbsenceType',
  'leaveType',
  'endReason',
  'exemptionReason',
  'postponementReason',
  'track',
  'country',
  /** ISO 639-3 languages (Kartlegging, R6.5). */
  'language',
] as const
export const codeListEntrySchema = z.object({
  id: z.string(),
  list: z.enum(codeListNames),
  code: z.string().min(1),
  nameNb: z.string().min(1),
  nameNn: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  sortOrder: z.number().int(),
})
export type CodeListEntry = z.infer<typeof codeListEntrySchema>
