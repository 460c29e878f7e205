import type { CodeListEntry } from '../domain/code-list'
import { decisionTypes } from './decision-types'
import { permitGrounds } from './permit-grounds'
import { absenceTypes, endReasons, exemptionReasons, leaveTypes, measureGroups, measures, parentalLeaveAbsenceTypes, postponementReasons, tracks } from './programme-lists'
import { listOf } from './entry'
import { languages } from './languages'
import { ruleSettings } from './rule-settings'

/** Common countries of citizenship (ISO 3166-1 alpha-3); `XXX` = stateless. */
const countries: CodeListEntry[] = listOf('country', [
  { code: 'SYR', nb: 'Syria', nn: 'Syria' },
  { code: 'AFG', nb: 'Afghanistan', nn: 'Afghanistan' },
  { code: 'ERI', nb: 'Eritrea', nn: 'Eritrea' },
  { code: 'UKR', nb: 'Ukraina', nn: 'Ukraina' },
  { code: 'SOM', nb: 'Somalia', nn: 'Somalia' },
  { code: 'IRQ', nb: 'Irak', nn: 'Irak' },
  { code: 'IRN', nb: 'Iran', nn: 'Iran' },
  { code: 'ETH', nb: 'Etiopia', nn: 'Etiopia' },
  { code: 'SDN', nb: 'Sudan', nn: 'Sudan' },
  { code: 'COD', nb: 'Kongo, Den demokratiske republikken', nn: 'Kongo, Den demokratiske republikken' },
  { code: 'MMR', nb: 'Myanmar', nn: 'Myanmar' },
  { code: 'NOR', nb: 'Norge', nn: 'Noreg' },
  { code: 'XXX', nb: 'Statsløs', nn: 'Statslaus' },
])

/**
 * The initial reference data (rules.md R3.1, R4, R10): owned by the central register, which
 * seeds it once; later changes come by import and sync. Ids are `list:code`.
 */
export const initialCodeLists: CodeListEntry[] = [
  ...permitGrounds,
  ...decisionTypes,
  ...measureGroups,
  ...measures,
  ...absenceTypes,
  ...parentalLeaveAbsenceTypes,
  ...leaveTypes,
  ...endReasons,
  ...exemptionReasons,
  ...postponementReasons,
  ...tracks,
  ...countries,
  ...languages,
  ...ruleSettings,
]
