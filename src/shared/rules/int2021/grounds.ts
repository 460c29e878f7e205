import type { Ground2021 } from './input'

const AGREEMENT: Ground2021 = { intro: 'rett_og_plikt', needsAgreement: true, referencePersonCondition: false, norskStart: 'GRANT' }
const NO_AGREEMENT: Ground2021 = { ...AGREEMENT, needsAgreement: false }
const NO_INTRO: Ground2021 = { intro: null, needsAgreement: false, referencePersonCondition: false, norskStart: 'GRANT' }

/**
 * R12.1.1 (Decision J7, J12): the 2021 attributes of the permit grounds. The Norwegian groups
 * stay those of R3.1 (the snapshot's `permitGrounds`, J7); this table adds what only the
 * 2021 act has. A ground not listed gives no intro right and starts Norwegian at the grant.
 * Reference data by nature (it belongs in the `permitGround` list's `data` per regime); a
 * caller that has it passes `Int2021Input.grounds`.
 */
export const DEFAULT_GROUNDS_2021: Record<string, Ground2021> = {
  UTL28: AGREEMENT,
  UTL35_3: AGREEMENT,
  UTL38_ASYL: AGREEMENT,
  UTL38_5: { ...AGREEMENT, norskStart: 'FIRST_RENEWAL' },
  UTL34: { ...AGREEMENT, norskStart: 'SETTLEMENT_BY_AGREEMENT' },
  FAM_FLYKTNING: { ...NO_AGREEMENT, referencePersonCondition: true },
  UTL53: NO_AGREEMENT,
}

export function ground2021(grounds: Record<string, Ground2021> | undefined, code: string): Ground2021 {
  return (grounds ?? DEFAULT_GROUNDS_2021)[code] ?? NO_INTRO
}
