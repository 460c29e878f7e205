/** The shared rules (rules.md): pure functions over a person snapshot and `today`. */
export { RULES_VERSION, evaluatePerson, evaluationAt, storedEvaluation, type Evaluation, type SchemeResult, type StoredEvaluation } from './evaluate'
export { statusChangeCandidates, statusChangesOn } from './status-changes'
export type { Category, CategoryKind, CategoryReason, DisplayState, NorskHours } from './categories'
export { deadlineAt, type Deadline, type DeadlineKey, type StoredDeadline } from './deadline'
export { timelineOf, type Timeline, type TimelineMark, type TimelinePeriod } from './timeline'
export type { SchemeStatus } from './status'
export { renderExplanation, formatStepValue, type Step, type StepValue, type RenderedStep, type ExplanationMessages } from './explanation'
export { PARAMETERS, param, paramValue, type DatedParameter, type ParameterName } from './parameters'
export { checkCommand, checkParsedCommand, offeredDecisionTypes, offeredDecisionTypesOf, type CheckContext, type CheckResult } from './check-command'
export { decisionFieldStates, decisionFormFields, automaticDecisionHours, reasonListOf, type FieldState, type DecisionFormField } from './decision-form'
export { commandEffects, commandSpec, commandSpecs, type CommandSpec, type PersonCommandSpec, type MunicipalityCommandSpec } from './command-specs'
export { effectRef, refKey, type Effect, type EntityRef } from './effects'
export {
  programmeAverage,
  programmeNorm,
  programmePlan,
  leaveAndStopPeriods,
  absencesAndLeaveOf,
  type PeriodOff,
  type ProgrammeAverage,
  type ProgrammePlan,
  type WeekAverage,
} from './average'
export {
  hasWriteRole,
  inScope,
  mayWrite,
  maySeeClosedData,
  writesPersonData,
  liftsBackRegistrationWindow,
  permissionReasons,
  type RuleUser,
  type PersonScope,
  type WriteArea,
} from './permissions'
export {
  clockDiffers,
  osloDate,
  osloDateOfMs,
  parseTimestamp,
  judgedTime,
  backRegistrationLimit,
  eventDateReasons,
  type TimeContext,
  type JudgedTime,
  type EventDateCheck,
} from './window'
export { END_REASON_CODES } from './checks/ending'
// R12.3.2: which write area (R9) each 2021 registration needs, for the screens' role checks.
export { int2021Area } from './checks/int2021'
export { allowedAsylnorskKinds, asylnorskKindCap } from './checks/asylnorsk'
export { snapshotFromBase, emptyRegistrations } from './snapshot-builder'
// The identifier and calendar rules (R1, R2) are part of the module's public face too.
export { validateNationalId, birthDateFromNationalId, validateDuf, classifySearch } from '../ids'
export { isoWeek, isoWeekRange, isPublicHoliday, workingDaysBetween, addWorkingDays, addMonths } from '../calendar'
