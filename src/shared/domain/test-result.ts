import { z } from 'zod'
import { isoDate, rowId } from './common'

/** Test parts (R10): Norskprøven per skill, and the social studies test. */
export const testParts = ['NORSK_LYTTE', 'NORSK_LESE', 'NORSK_SKRIFTLEG', 'NORSK_MUNNLEG', 'SAMFUNNSKUNNSKAP'] as const
/** Levels: CEFR for Norwegian, passed/failed for social studies (R10). */
export const testLevels = ['UNDER_A1', 'A1', 'A2', 'B1', 'B2', 'BESTATT', 'IKKJE_BESTATT'] as const

/** A test result delivered by the national competence agency; read-only (D3). */
export const testResultSchema = z.object({
  id: rowId,
  personId: rowId,
  part: z.enum(testParts),
  level: z.enum(testLevels),
  testDate: isoDate,
})
export type TestResult = z.infer<typeof testResultSchema>
