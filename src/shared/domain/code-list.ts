import { z } from 'zod'
import { isoDate } from './common'
import { int4 } from './input-limits'

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
  /** R12 settings a law change may move (issue 9 point 5): code = key, `data.value` (rule-setting.ts). */
  'ruleSetting',
] as const
export const codeListEntrySchema = z.object({
  id: z.string().min(1).max(100),
  list: z.enum(codeListNames),
  // Bounded (issue 11.6): every entry goes to every device.
  code: z.string().min(1).max(60),
  nameNb: z.string().min(1).max(200),
  nameNn: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  sortOrder: int4,
})
export type CodeListEntry = z.infer<typeof codeListEntrySchema>
