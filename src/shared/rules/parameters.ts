import type { IsoDate } from '../calendar'

/**
 * Every number of rules.md as a dated parameter (R0: "a change in law is a data change").
 * Each name holds its versions in date order; `param(name, at)` picks the version in force
 * at `at` (the latest whose `from` is on or before it). `rule` cites where the number lives.
 */
export interface DatedParameter<T = number | string> {
  value: T
  /** First date (inclusive) this value applies to. */
  from: IsoDate
  /** Rule number that defines the value, e.g. `R5.2`. */
  rule: string
}

/** Start of time for values that have always applied as far as the rules go. */
const ALWAYS = '1900-01-01'

function always<T extends number | string>(value: T, rule: string): DatedParameter<T extends number ? number : string>[] {
  return [{ value: value as unknown as T extends number ? number : string, from: ALWAYS, rule }]
}

export const PARAMETERS = {
  // R12.0.5: the switch to the 2021 act is `REGIME_SWITCH_DATE` in int2021/parameters.ts

  // R3.2 / R3.3 introduction programme
  introAgeMin: always(18, 'R3.2'),
  introAgeMax: always(55, 'R3.2'),
  introNewlyArrivedYears: always(2, 'R3.2'),

  // R3.4 Norwegian and social studies; age limits looked up at the category's start
  norskAgeMin: always(16, 'R3.4'),
  norskRettOgPliktAgeMax: [
    { value: 55, from: ALWAYS, rule: 'R3.4' },
    { value: 67, from: '2017-01-01', rule: 'R3.4' },
  ] as DatedParameter<number>[],
  /** Before 2017, ages 56–67 gave `rett` only; from 2017 they are within `rett og plikt`. */
  norskRettAgeMax: always(67, 'R3.4'),
  /** Decision: the duty-only group (`plikt`) covers ages 16–55. */
  norskPliktAgeMax: always(55, 'R3.4'),
  /** Hours of `rett og plikt` / `rett`, looked up at the permit's grant date. */
  norskHoursTotal: [
    { value: 300, from: ALWAYS, rule: 'R3.4' },
    { value: 600, from: '2012-01-01', rule: 'R3.4' },
  ] as DatedParameter<number>[],
  norskHoursNorwegian: [
    { value: 250, from: ALWAYS, rule: 'R3.4' },
    { value: 550, from: '2012-01-01', rule: 'R3.4' },
  ] as DatedParameter<number>[],
  norskHoursSocialStudies: always(50, 'R3.4'),
  /** R11.9: `plikt` = 250 Norwegian + 50 social studies. */
  norskPliktHoursTotal: always(300, 'R11.9'),
  norskPliktHoursNorwegian: always(250, 'R11.9'),
  /** NORSK_FRITAK_SAMFUNN is offered for permits from this date (R4). */
  norskSocialExemptionFrom: always('2016-01-01', 'R4'),

  // R3.5 asylum seekers
  asylnorskAgeMin: always(16, 'R3.5'),
  asylnorskHoursMax: always(175, 'R3.5'),
  /** NKNV exists from 2017; before, its maximum is 0. */
  nknvHoursMax: [
    { value: 0, from: ALWAYS, rule: 'R3.5' },
    { value: 50, from: '2017-01-01', rule: 'R3.5' },
  ] as DatedParameter<number>[],
  asylnorskWarningShare: always(0.9, 'R7.2'),

  // R5 introduction programme
  introStartDeadlineMonths: always(3, 'R5.1'),
  introClaimWindowYears: always(2, 'R5.1'),
  introProgrammeYears: always(2, 'R5.2'),
  introExtendedYears: always(1, 'R5.2'),
  /** Decision: valid absence up to this many working days does not move the deadline. */
  introFreeAbsenceDays: always(10, 'R5.2'),
  /** Working days per week, to turn weekly hours into daily hours (R5.2, R11.7). */
  workingDaysPerWeek: always(5, 'R11.7'),
  measureMaxHoursPerWeek: always(37.5, 'R5.3'),
  programmeNorm: always(37.5, 'R5.4'),
  programmeNormSelfStudy: always(30, 'R5.4'),
  programmeWeekMax: always(60, 'R5.4'),
  temporaryStopMaxMonths: always(3, 'R4'),
  endingWorkHoursMax: always(75, 'R5.6'),

  // R6 Norwegian and social studies
  norskStartDeadlineMonths: always(3, 'R6.2'),
  norskFreeRightYears: always(3, 'R6.2'),
  norskSocialStudiesRequired: always(50, 'R6.1'),
  /** Decision: needs-based training within 5 years of the category's start. */
  norskNeedsBasedYears: always(5, 'R6.3'),
  norskNeedsBasedHoursMax: always(2400, 'R6.3'),
  weeklyHoursMax: always(40, 'R6.4'),
  hourStep: always(0.25, 'R6.4'),

  // R8 back-registration
  backRegistrationMonths: always(2, 'R8.1'),
} satisfies Record<string, DatedParameter[]>

export type ParameterName = keyof typeof PARAMETERS
type ValueOf<K extends ParameterName> = (typeof PARAMETERS)[K][number]['value']

/** The version of `name` in force at `at` (dates compare as strings). */
export function param<K extends ParameterName>(name: K, at: IsoDate): DatedParameter<ValueOf<K>> {
  const versions = PARAMETERS[name] as DatedParameter<ValueOf<K>>[]
  let hit = versions[0]
  for (const v of versions) if (v.from <= at) hit = v
  return hit
}

/** Shorthand for `param(name, at).value`. */
export function paramValue<K extends ParameterName>(name: K, at: IsoDate): ValueOf<K> {
  return param(name, at).value
}
