import { z } from 'zod'
import { isoDate, rowId } from './common'

/** A residence permit (opphaldsløyve) from the immigration database, with history (D3). */
export const permitSchema = z.object({
  id: rowId,
  personId: rowId,
  /** Permit ground code, reference data `permitGround` (R3.1), e.g. `UTL28`. */
  groundCode: z.string().min(1).max(40),
  /** Kind of permit as UDB names it, e.g. `Midlertidig opphaldsløyve`. */
  permitType: z.string().min(1).max(100),
  /** Legal basis: the paragraph of the immigration act, e.g. `utlendingsloven § 28 første ledd a`. */
  legalBasis: z.string().min(1).max(200),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  /** Decision date (vedtaksdato) of the permit. */
  grantedDate: isoDate,
})
export type Permit = z.infer<typeof permitSchema>
