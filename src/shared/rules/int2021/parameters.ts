import type { IsoDate } from '../../calendar'
import type { DatedParameter } from '../parameters'

/**
 * R12.4: every number of the 2021 act as a dated parameter (same shape and lookup as
 * `../parameters.ts`; a row ends where the next row of its key starts). Kept beside the
 * regime's rules so a law change is a new row here, not an edit in the 2003 table.
 * Two values are settings (reference data, list `ruleSetting`): see `settings.ts`.
 */
const ALWAYS = '1900-01-01'
const one = <T extends number | string>(value: T, from: IsoDate, rule: string): DatedParameter<T>[] => [{ value, from, rule }]

export const INT_PARAMETERS = {
  REGIME_SWITCH_DATE: one('2021-01-01', ALWAYS, 'R12.0'),
  /** J2: IMDi cites the transition rule as § 51 (Karnov: § 52); data, not text. */
  'INT.transitionSection': one('§ 51', ALWAYS, 'R12.0'),
  'INT.intro.ageMin': one(18, '2021-01-01', 'R12.1'),
  /** 55 until the 2025 revision; the revision's 60 comes from the setting (J1), see `introAgeMax`. */
  'INT.intro.ageMax': one(55, '2021-01-01', 'R12.1'),
  'INT.intro.ageMaxRev2025': one(60, '2021-01-01', 'R12.1'),
  'INT.intro.residenceMaxYears': one(2, '2021-01-01', 'R12.1'),
  'INT.intro.familyRefPersonMaxYears': one(5, '2021-01-01', 'R12.1'),
  'INT.intro.startDeadlineMonths': one(3, '2021-01-01', 'R12.1'),
  'INT.intro.band.VGS.min': one(3, '2021-01-01', 'R12.1'),
  'INT.intro.band.VGS.max': one(6, '2021-01-01', 'R12.1'),
  'INT.intro.band.VGS.extension': one(6, '2021-01-01', 'R12.1'),
  'INT.intro.band.VGO.min': one(3, '2021-01-01', 'R12.1'),
  'INT.intro.band.VGO.max': one(36, '2021-01-01', 'R12.1'),
  'INT.intro.band.VGO.extension': one(12, '2021-01-01', 'R12.1'),
  'INT.intro.band.ANNA.min': one(3, '2021-01-01', 'R12.1'),
  'INT.intro.band.ANNA.max': one(24, '2021-01-01', 'R12.1'),
  'INT.intro.band.ANNA.extension': one(12, '2021-01-01', 'R12.1'),
  'INT.intro.fullTimeHours': one(37.5, '2021-01-01', 'R12.1'),
  'INT.intro.fullTimeHoursSelfStudy': one(30, '2021-01-01', 'R12.1'),
  'INT.intro.holidayWorkingDays': one(25, '2021-01-01', 'R12.1'),
  'INT.intro.tempStopMaxMonths': one(3, '2021-01-01', 'R12.1'),
  'INT.norsk.ageMin': one(18, '2021-01-01', 'R12.2'),
  /** The category ends on this birthday (R12.2.1). */
  'INT.norsk.ageEnd': one(67, '2021-01-01', 'R12.2'),
  'INT.norsk.months.vgs': one(18, '2021-01-01', 'R12.2'),
  'INT.norsk.months.other': one(36, '2021-01-01', 'R12.2'),
  'INT.norsk.rev2023From': one('2023-08-01', ALWAYS, 'R12.2'),
  /** Decision (R6.2 carried over): start within 3 months of the category's start or a later claim. */
  'INT.norsk.startDeadlineMonths': one(3, '2021-01-01', 'R12.2'),
  'INT.norsk.pliktHours': one(300, '2021-01-01', 'R12.2'),
  'INT.norsk.postponedStartMaxYears': one(10, '2021-01-01', 'R12.2'),
  'INT.samf.hours': one(75, '2021-01-01', 'R12.2'),
  'INT.samf.months': one(12, '2021-01-01', 'R12.2'),
  /** Reception centres (§ 5): looked up by the asylum application date. */
  'INT.mottak.norskHours': one(175, '2021-01-01', 'R12.2'),
  'INT.mottak.samfHours': one(25, '2021-01-01', 'R12.2'),
  'INT.mottak.ageMin': one(18, '2021-01-01', 'R12.2'),
  'INT.mottak.warningShare': one(0.9, '2021-01-01', 'R12.2'),
  'INT_6A.firstGrantDate': one('2022-03-11', ALWAYS, 'R12.0'),
  'INT_6A.norsk.months': one(12, '2022-06-15', 'R12.2'),
} satisfies Record<string, DatedParameter[]>

export type IntParameterName = keyof typeof INT_PARAMETERS
type ValueOf<K extends IntParameterName> = (typeof INT_PARAMETERS)[K][number]['value']

/**
 * The version of `name` in force at `at`. Before a key's first row the first row applies:
 * callers only ask for dates the regime covers (R12.0 selected it), and a 6A permit granted
 * before 2022-06-15 still gets the 12 months its decision started under.
 */
export function intParam<K extends IntParameterName>(name: K, at: IsoDate): DatedParameter<ValueOf<K>> {
  const versions = INT_PARAMETERS[name] as DatedParameter<ValueOf<K>>[]
  let hit = versions[0]
  for (const v of versions) if (v.from <= at) hit = v
  return hit
}

export function intValue<K extends IntParameterName>(name: K, at: IsoDate): ValueOf<K> {
  return intParam(name, at).value
}
