import type { IsoDate } from '../../calendar'
import type { PersonSnapshot } from '../../domain'
import type { RuleSettings } from './settings'

/**
 * The inputs the 2021 act reads beyond R3–R11 (R12.3), in the rules' own shape. They come
 * from the snapshot (`from-snapshot.ts`: the `int2021.register` rows, the decisions' months,
 * delivered test results), so `evaluatePerson` needs no extra argument; a test may still pass
 * them. Missing input is never guessed: each rule that needs a value logs that it is missing
 * and says what follows (e.g. R12.2.5: 36 months, provisional).
 */

/** R12.3.2 education background (= NIR's "vgs: yes" for `VGS_ELLER_HOGARE`). */
export type EducationBackground = 'INGEN_GRUNNSKULE' | 'GRUNNSKULE' | 'VGS_ELLER_HOGARE'
/** Test levels in order (R12.2.6): under A1 < A1 < A2 < B1 < B2 < C1. */
export const LEVELS = ['UNDER_A1', 'A1', 'A2', 'B1', 'B2', 'C1'] as const
export type Level = (typeof LEVELS)[number]
/** The parts of the Norwegian test; norskmål and results are per part (R12.2.6). */
export const NORSK_PARTS = ['lytting', 'lesing', 'skriftleg', 'munnleg'] as const
export type NorskPart = (typeof NORSK_PARTS)[number]
/** R12.3.2 final goal (sluttmål) of the programme; the list is reference data (Decision). */
export type FinalGoal = 'ARBEID' | 'HOGARE_UTDANNING' | 'FULLFORT_VGO' | 'DELAR_AV_UTDANNING'

/** A registration with history: the current one is the latest by `date`, then `recordedAt` (R12.3.2). */
export interface Dated {
  date: IsoDate
  /** When it was saved (ISO timestamp); only breaks ties on the same `date`. */
  recordedAt?: string
}

export interface EducationBackgroundRow extends Dated {
  background: EducationBackground
}
export interface NorskGoalRow extends Dated {
  /** A level per part, or the higher-education goal `C1_ELLER_KARAKTER_2`. */
  goal: Record<NorskPart, Level> | 'C1_ELLER_KARAKTER_2'
}
export interface FinalGoalRow extends Dated {
  goal: FinalGoal
  text?: string | null
}
export interface ReferencePersonConditionRow extends Dated {
  met: boolean
}
/** One test result of one part (R12.2.6; results are shown, J9). */
export interface NorskTestResult {
  date: IsoDate
  part: NorskPart
  level: Level
}
/** R12.3.1 months on intro decisions (2021 only). */
export interface DecisionMonths {
  /** Granted `INTRO_PROGRAM`: decided months (1–60). */
  durationMonths?: number | null
  /** Granted `INTRO_UTVIDA_DELTAKING`: months added (1–12). */
  extensionMonths?: number | null
}
/** R12.2.8 / R12.3.1 weekly rows of training in reception (new kinds). */
export interface MottakWeek {
  id: string
  isoYear: number
  isoWeek: number
  kind: 'MOTTAK_NORSK' | 'MOTTAK_SAMF'
  hours: number
}

export interface Int2021Registrations {
  educationBackground?: EducationBackgroundRow[]
  norskGoal?: NorskGoalRow[]
  finalGoal?: FinalGoalRow[]
  referencePersonCondition?: ReferencePersonConditionRow[]
  /** Keyed by decision id. */
  decisionMonths?: Record<string, DecisionMonths>
  norskTests?: NorskTestResult[]
  mottakWeeks?: MottakWeek[]
}

/** R12.1.1 / J7 / J12: what a permit ground gives under the 2021 act (reference data). */
export interface Ground2021 {
  intro: 'rett_og_plikt' | null
  /** Intro needs settlement by agreement (else self-settled → `kan tilbydast`, R12.1.3). */
  needsAgreement: boolean
  /** Family of a refugee: the reference-person condition applies (J15). */
  referencePersonCondition: boolean
  /** When the Norwegian category starts (R12.2.2). */
  norskStart: 'GRANT' | 'FIRST_RENEWAL' | 'SETTLEMENT_BY_AGREEMENT'
}

/** Everything the 2021 rules read: the snapshot plus the optional 2021 inputs. */
export interface Int2021Input {
  snapshot: PersonSnapshot
  registrations?: Int2021Registrations
  /** Settings from the `ruleSetting` list; defaults when absent. */
  settings?: RuleSettings
  /** Per-regime ground attributes; `DEFAULT_GROUNDS_2021` when absent. */
  grounds?: Record<string, Ground2021>
}

/** The current row of a history (latest date, then latest `recordedAt`; later in the list on a full tie). */
export function current<T extends Dated>(rows: readonly T[] | undefined, today?: IsoDate): T | null {
  let hit: T | null = null
  for (const r of rows ?? []) {
    if (today && r.date > today) continue
    if (!hit || r.date > hit.date || (r.date === hit.date && (r.recordedAt ?? '') >= (hit.recordedAt ?? ''))) hit = r
  }
  return hit
}
