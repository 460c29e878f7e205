import type { CodeListEntry } from '../domain/code-list'
import { listOf, type Row } from './entry'

/**
 * Attributes of a permit ground (rules.md R3.1), kept in `data`.
 * `needsSettlementAgreement` is null where the table has "–" (no intro right at all).
 */
export interface PermitGroundData {
  introGroup: 'rett_og_plikt' | null
  norskGroup: 'rett_og_plikt' | 'plikt' | null
  asylumSeeker: boolean
  needsSettlementAgreement: boolean | null
}

function ground(code: string, nb: string, nn: string, data: PermitGroundData, validFrom: string | null = null): Row {
  return { code, nb, nn, data: { ...data }, validFrom }
}

const RIGHT_WITH_AGREEMENT: PermitGroundData = {
  introGroup: 'rett_og_plikt',
  norskGroup: 'rett_og_plikt',
  asylumSeeker: false,
  needsSettlementAgreement: true,
}
const RIGHT_WITHOUT_AGREEMENT: PermitGroundData = { ...RIGHT_WITH_AGREEMENT, needsSettlementAgreement: false }
const NORSK_ONLY: PermitGroundData = {
  introGroup: null,
  norskGroup: 'rett_og_plikt',
  asylumSeeker: false,
  needsSettlementAgreement: null,
}
const NORSK_DUTY: PermitGroundData = { ...NORSK_ONLY, norskGroup: 'plikt' }
const NONE: PermitGroundData = { ...NORSK_ONLY, norskGroup: null }

/** R3.1 initial list. */
export const permitGrounds: CodeListEntry[] = listOf('permitGround', [
  ground('UTL28', 'Flyktning (utl. § 28)', 'Flyktning (utl. § 28)', RIGHT_WITH_AGREEMENT),
  ground('UTL35_3', 'Overføringsflyktning (utl. § 35 tredje ledd)', 'Overføringsflyktning (utl. § 35 tredje ledd)', RIGHT_WITH_AGREEMENT),
  ground('UTL38_ASYL', 'Sterke menneskelige hensyn etter asylsøknad (utl. § 38)', 'Sterke menneskelege omsyn etter asylsøknad (utl. § 38)', RIGHT_WITH_AGREEMENT),
  ground(
    'UTL38_5',
    'Begrenset tillatelse, barnefamilie eller enslig mindreårig (utl. § 38 femte ledd a–b)',
    'Avgrensa løyve, barnefamilie eller einsleg mindreårig (utl. § 38 femte ledd a–b)',
    RIGHT_WITH_AGREEMENT,
    '2018-06-16',
  ),
  ground('UTL34', 'Kollektiv beskyttelse (utl. § 34)', 'Kollektivt vern (utl. § 34)', RIGHT_WITH_AGREEMENT),
  ground(
    'FAM_FLYKTNING',
    'Familieinnvandring med person med flyktningstatus o.l. (utl. kap. 6)',
    'Familieinnvandring med person med flyktningstatus o.l. (utl. kap. 6)',
    RIGHT_WITHOUT_AGREEMENT,
  ),
  ground('UTL53', 'Selvstendig grunnlag (utl. § 53)', 'Sjølvstendig grunnlag (utl. § 53)', RIGHT_WITHOUT_AGREEMENT),
  ground('UTL38', 'Sterke menneskelige hensyn uten asylsøknad (utl. § 38)', 'Sterke menneskelege omsyn utan asylsøknad (utl. § 38)', NORSK_ONLY),
  ground('FAM_NORDISK', 'Familie til norsk eller nordisk borger', 'Familie til norsk eller nordisk borgar', NORSK_ONLY),
  ground('FAM_PERMANENT', 'Familie til person med permanent oppholdstillatelse', 'Familie til person med permanent opphaldsløyve', NORSK_ONLY),
  ground('ARBEID', 'Arbeidstillatelse utenfor EØS/EFTA', 'Arbeidsløyve utanfor EØS/EFTA', NORSK_DUTY),
  ground('FAM_ARBEID', 'Familie til arbeidsinnvandrer utenfor EØS/EFTA', 'Familie til arbeidsinnvandrar utanfor EØS/EFTA', NORSK_DUTY),
  ground('STUDIE', 'Student', 'Student', NONE),
  ground('AU_PAIR', 'Au pair', 'Au pair', NONE),
  ground('EOS', 'EØS/EFTA-borger', 'EØS/EFTA-borgar', NONE),
  ground('ASYLSOKAR', 'Asylsøker uten avgjort søknad', 'Asylsøkar utan avgjord søknad', { ...NONE, asylumSeeker: true }),
])
