/**
 * The integration act of 2021 (rules-2021.md, R12) as a second regime of the rules module:
 * pure functions over the person snapshot, the optional 2021 inputs (`input.ts`) and `today`.
 * Each rule file exports the `regime` it belongs to. `evaluatePerson` (../evaluate.ts) calls
 * `selectRegime` and, for 2021 and 6A persons, `evaluateIntro2021` / `evaluateNorsk2021` /
 * `receptionCategory2021`; `evaluate2021` gives the same parts with their extra detail.
 */
import type { IsoDate } from '../../calendar'
import { evaluateIntro2021, type Intro2021 } from './intro'
import type { Int2021Input } from './input'
import { evaluateNorsk2021, type Norsk2021 } from './norsk'
import { receptionCategory2021, type ReceptionCategory } from './reception'
import type { Step } from '../explanation'
import { selectRegime, type RegimeSelection } from './select-regime'

export * from './regimes'
export * from './settings'
export * from './input'
export * from './warnings'
export { DEFAULT_GROUNDS_2021, ground2021 } from './grounds'
export { INT_PARAMETERS, intParam, intValue, type IntParameterName } from './parameters'
export { selectRegime, introNorskRegime, asylnorskRegime, qualifyingPermit, personQualifyingPermit, type RegimeChoice, type RegimeSelection } from './select-regime'
export {
  evaluateIntro2021,
  introCategory2021,
  introAgeLimits,
  durationBand,
  bandLimits,
  bandFinding,
  programmePlan2021,
  holidayCheck2021,
  fullTimeHours2021,
  type Intro2021,
  type IntroCategory2021,
  type KanTilbydastReason,
  type DurationBand,
  type ProgrammePlan,
} from './intro'
export { evaluateNorsk2021, suggestedGoal, testsReachGoal, type Norsk2021, type PartResult, type Category2021, type Reason2021 } from './norsk'
export { deadline6A } from './norsk-6a'
export { deadline2021, type Deadline2021, type Deadline2021Key } from './norsk-leave'
export { receptionCategory2021, mottakHoursCheck, type ReceptionCategory } from './reception'

/** Everything the 2021 act computes for one person; a scheme is null where its regime is not 2021. */
export interface Evaluation2021 {
  regime: RegimeSelection
  intro: Intro2021 | null
  norsk: Norsk2021 | null
  reception: { category: ReceptionCategory | null; whyNot: Step[] | null } | null
}

/** R12.0 then R12.1 / R12.2 for the schemes the 2021 act governs. */
export function evaluate2021(input: Int2021Input, today: IsoDate): Evaluation2021 {
  const regime = selectRegime(input)
  const r = regime.introNorsk.regime
  const is2021 = r === 'INTEGRERING_2021' || r === 'INT_6A'
  return {
    regime,
    intro: is2021 ? evaluateIntro2021(input, today) : null,
    norsk: is2021 ? evaluateNorsk2021(input, today, r) : null,
    reception: regime.asylnorsk.regime === 'INTEGRERING_2021' ? receptionCategory2021(input.snapshot, today) : null,
  }
}
export { offeredNorsk2021 } from './offered'
