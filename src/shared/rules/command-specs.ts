import { isoWeekRange, weeksInIsoYear, type IsoDate } from '../calendar'
import { commandPayloadSchemas, type Command, type CommandPayload, type CommandType } from '../domain/command'
import type { AsylnorskOffer } from '../domain/registrations'
import type { PersonSnapshot } from '../domain/snapshot'
import { checkAbsence, checkHoliday, checkParentalLeaveAbsence } from './checks/absence'
import { checkAsylnorskWeek, checkOffer } from './checks/asylnorsk'
import { checkCertificateIssue } from './checks/certificate'
import type { CheckInput, Findings } from './checks/context'
import { checkEnding } from './checks/ending'
import { checkInt2021Delete, checkInt2021Registration, int2021Area } from './checks/int2021'
import { checkClaim, checkContact, checkLanguageTrack } from './checks/kartlegging'
import { checkAddMeasures, checkDeleteMeasure, checkReplaceMeasures, checkUpdateMeasure } from './checks/measures'
import type { ProgrammeFacts } from './checks/programme'
import { checkDeleteWeek, checkSaveWeek } from './checks/weekly-participation'
import { decisionChecks, decisionEventDates } from './command-decision'
import type { Evaluation } from './evaluate'
import type { WriteArea } from './permissions'
import { decisionEffects, saveAsylnorskWeekEffects, saveWeekEffects, tombstone, upsert, type Effect } from './effects'
import type { EventDateCheck } from './window'

/** What a person command's check may ask for, computed at most once per check. */
export interface PersonFacts {
  evaluation(): Evaluation
  programme(): ProgrammeFacts
}

/** Fields shared by every command's description. */
interface SpecBase<T extends CommandType> {
  /** The payload's zod schema (`commandPayloadSchemas`). */
  schema: (typeof commandPayloadSchemas)[T]
  /** R9: the area whose write role the command needs (decisions etc. by their scheme). */
  area: (p: CommandPayload<T>) => WriteArea
  /**
   * A4 duplicate-create detection: two pending creates with the same key conflict
   * (`duplicate_key`); null when a row may exist any number of times.
   */
  naturalKey: (p: CommandPayload<T>) => string | null
}

/** A command on one person: R9 scope is the person's; R8 judges its event dates. */
export interface PersonCommandSpec<T extends CommandType> extends SpecBase<T> {
  permission: 'person'
  /** Every person reference with its field (batch commands hold one per row). */
  personRefs: (p: CommandPayload<T>) => [field: string, personId: string][]
  /** R4–R7: adds the command's reasons to `input.f`. */
  check: (input: CheckInput, p: CommandPayload<T>, facts: PersonFacts) => void
  /** R8.1: the dates the back-registration window judges, each with its field. */
  eventDates: (p: CommandPayload<T>, snapshot: PersonSnapshot) => EventDateCheck[]
  /** The rows an accepted command writes or tombstones, given the person's snapshot it was checked on. */
  effects: (p: CommandPayload<T>, snapshot: PersonSnapshot) => Effect[]
}

/** A command on the municipality (the yearly asylnorsk offer, R7.1): no person, no R8 date. */
export interface MunicipalityCommandSpec<T extends CommandType> extends SpecBase<T> {
  permission: 'municipality'
  municipality: (p: CommandPayload<T>) => string
  check: (f: Findings, p: CommandPayload<T>, existingOffers: readonly AsylnorskOffer[]) => void
  /** The rows an accepted command writes. */
  effects: (p: CommandPayload<T>) => Effect[]
}

export type CommandSpec<T extends CommandType> = PersonCommandSpec<T> | MunicipalityCommandSpec<T>

/** An R8 event date check; `null` dates (unknown rows) are skipped. */
export const eventDate = (date: IsoDate | null | undefined, field: string, mayBeFuture: boolean): EventDateCheck[] => (date ? [{ date, field, mayBeFuture }] : [])

/** A week row's Sunday (its R8.1 event date), or nothing when the week does not exist. */
const weekSunday = (w: { isoYear: number; isoWeek: number }): IsoDate | null => (w.isoWeek > weeksInIsoYear(w.isoYear) ? null : isoWeekRange(w.isoYear, w.isoWeek).sunday)
const pad = (n: number) => String(n).padStart(2, '0')
const own = (p: { personId: string }): [string, string][] => [['personId', p.personId]]
const none = () => null

/**
 * One description per command (issue 6 point 3): everything the device, the register and
 * the screens need to know about a command type, in one place. `satisfies` over every
 * `CommandType` makes a command added to `commandPayloadSchemas` without a description — or
 * with one missing a field — a type error, so nothing falls back to a default.
 */
export const commandSpecs = {
  'decision.register': {
    schema: commandPayloadSchemas['decision.register'],
    permission: 'person',
    area: (p) => p.scheme,
    naturalKey: none,
    personRefs: (p) => (p.ending ? [...own(p), ['ending.personId', p.ending.personId]] : own(p)),
    check: (input, p) => decisionChecks(input, p),
    eventDates: (p) => decisionEventDates(p),
    effects: (p) => decisionEffects(p),
  },
  'contact.register': {
    schema: commandPayloadSchemas['contact.register'],
    permission: 'person',
    area: (p) => p.scheme,
    naturalKey: none,
    personRefs: own,
    check: (input, p) => checkContact(input, p),
    eventDates: (p) => eventDate(p.date, 'date', false),
    effects: (p) => [upsert('contact', p)],
  },
  'claim.register': {
    schema: commandPayloadSchemas['claim.register'],
    permission: 'person',
    area: (p) => p.scheme,
    naturalKey: none,
    personRefs: own,
    check: (input, p) => checkClaim(input, p),
    eventDates: (p) => eventDate(p.date, 'date', false),
    effects: (p) => [upsert('claim', p)],
  },
  'norsk.saveWeeklyParticipation': {
    schema: commandPayloadSchemas['norsk.saveWeeklyParticipation'],
    permission: 'person',
    area: () => 'norsk',
    naturalKey: (p) => `week:${p.personId}:${p.isoYear}-W${pad(p.isoWeek)}`,
    personRefs: own,
    check: (input, p, facts) => {
      const evaluation = facts.evaluation()
      const hours = evaluation.categories.find((x) => x.scheme === 'norsk')?.hours?.total ?? null
      // R12.2.6 / R12.3.3: under the 2021 act weekly hours are R6.4 "without the quota error";
      // the granted-hours ceiling is the 2003 act's (a person with no regime keeps it).
      const regime = evaluation.regime.introNorsk.regime
      checkSaveWeek(input, p, hours, { quota: regime === null || regime === 'INTRO_2003' })
    },
    eventDates: (p) => eventDate(weekSunday(p), 'isoWeek', true),
    effects: saveWeekEffects,
  },
  'norsk.deleteWeeklyParticipation': {
    schema: commandPayloadSchemas['norsk.deleteWeeklyParticipation'],
    permission: 'person',
    area: () => 'norsk',
    naturalKey: none,
    personRefs: own,
    check: (input, p) => void checkDeleteWeek(input, p),
    eventDates: (p, s) => {
      const row = s.registrations.weeklyParticipation.find((r) => r.id === p.id)
      return eventDate(row ? weekSunday(row) : null, 'id', true)
    },
    effects: (p) => [tombstone('weeklyParticipation', p.id)],
  },
  'norsk.registerLanguageTrack': {
    schema: commandPayloadSchemas['norsk.registerLanguageTrack'],
    permission: 'person',
    area: () => 'norsk',
    naturalKey: none,
    personRefs: own,
    check: (input, p) => checkLanguageTrack(input, p),
    eventDates: (p) => eventDate(p.date, 'date', false),
    effects: (p) => [upsert('languageTrack', p)],
  },
  'int2021.register': {
    schema: commandPayloadSchemas['int2021.register'],
    permission: 'person',
    area: (p) => int2021Area(p.fact),
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => checkInt2021Registration(input, p, facts.evaluation()),
    // R8.1: the event date is the row's date (registered, contract signed, element done, school started).
    eventDates: (p) => eventDate(p.date, 'date', false),
    effects: (p) => [upsert('int2021Registration', p)],
  },
  'int2021.delete': {
    schema: commandPayloadSchemas['int2021.delete'],
    permission: 'person',
    // The deleted row's kind is not in the payload: 'kartlegging' lets either write role through
    // here, and `checkInt2021Delete` then judges the row's own area (R9).
    area: () => 'kartlegging',
    naturalKey: none,
    personRefs: own,
    check: (input, p) => void checkInt2021Delete(input, p),
    eventDates: (p, s) => eventDate(s.registrations.int2021Registrations.find((r) => r.id === p.id)?.date, 'id', false),
    effects: (p) => [tombstone('int2021Registration', p.id)],
  },
  'intro.addMeasures': {
    schema: commandPayloadSchemas['intro.addMeasures'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: (p) => [...own(p), ...p.measures.map((m, i): [string, string] => [`measures.${i}.personId`, m.personId])],
    check: (input, p, facts) => checkAddMeasures(input, p.measures, facts.programme()),
    eventDates: (p) => p.measures.flatMap((m, i) => eventDate(m.fromDate, `measures.${i}.fromDate`, true)),
    effects: (p) => p.measures.map((m) => upsert('measure', m)),
  },
  'intro.updateMeasure': {
    schema: commandPayloadSchemas['intro.updateMeasure'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => checkUpdateMeasure(input, p, facts.programme()),
    // R8.1: a measure's event date is its from date — the one the edit saves.
    eventDates: (p) => eventDate(p.fromDate, 'fromDate', true),
    effects: (p) => [upsert('measure', p)],
  },
  'intro.deleteMeasure': {
    schema: commandPayloadSchemas['intro.deleteMeasure'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => void checkDeleteMeasure(input, p, facts.programme()),
    eventDates: (p, s) => {
      const reg = s.registrations
      const target = reg.measures.find((m) => m.id === p.id) ?? reg.replacements.find((r) => r.id === p.id)
      return eventDate(target?.fromDate, 'id', true)
    },
    effects: (p, s) => [tombstone(s.registrations.replacements.some((r) => r.id === p.id) ? 'replacement' : 'measure', p.id)],
  },
  'intro.replaceMeasures': {
    schema: commandPayloadSchemas['intro.replaceMeasures'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: (p) => [...own(p), ...p.replacements.map((r, i): [string, string] => [`replacements.${i}.personId`, r.personId])],
    check: (input, p, facts) => checkReplaceMeasures(input, p.replacements, facts.programme()),
    eventDates: (p) => p.replacements.flatMap((r, i) => eventDate(r.fromDate, `replacements.${i}.fromDate`, true)),
    effects: (p) => p.replacements.map((r) => upsert('replacement', r)),
  },
  'intro.registerAbsence': {
    schema: commandPayloadSchemas['intro.registerAbsence'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => checkAbsence(input, p, facts.programme()),
    eventDates: (p) => eventDate(p.toDate, 'toDate', false),
    effects: (p) => [upsert('absence', p)],
  },
  'intro.registerHoliday': {
    schema: commandPayloadSchemas['intro.registerHoliday'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => checkHoliday(input, p, facts.programme()),
    eventDates: (p) => eventDate(p.toDate, 'toDate', false),
    effects: (p) => [upsert('holiday', p)],
  },
  'intro.registerParentalLeaveAbsence': {
    schema: commandPayloadSchemas['intro.registerParentalLeaveAbsence'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => checkParentalLeaveAbsence(input, p, facts.programme()),
    eventDates: (p) => eventDate(p.toDate, 'toDate', false),
    effects: (p) => [upsert('parentalLeaveAbsence', p)],
  },
  'intro.registerEnding': {
    schema: commandPayloadSchemas['intro.registerEnding'],
    permission: 'person',
    area: () => 'intro',
    naturalKey: none,
    personRefs: own,
    check: (input, p, facts) => checkEnding(input, p, facts.programme()),
    eventDates: (p) => eventDate(p.endDate, 'endDate', false),
    effects: (p) => [upsert('ending', p)],
  },
  'asylnorsk.saveWeeklyParticipation': {
    schema: commandPayloadSchemas['asylnorsk.saveWeeklyParticipation'],
    permission: 'person',
    area: () => 'asylnorsk',
    naturalKey: (p) => `asylnorskWeek:${p.personId}:${p.kind}:${p.isoYear}-W${pad(p.isoWeek)}`,
    personRefs: own,
    check: (input, p, facts) => void checkAsylnorskWeek(input, p, facts.evaluation().categories),
    eventDates: (p) => eventDate(weekSunday(p), 'isoWeek', true),
    effects: saveAsylnorskWeekEffects,
  },
  'asylnorsk.registerOffer': {
    schema: commandPayloadSchemas['asylnorsk.registerOffer'],
    permission: 'municipality',
    area: () => 'asylnorskOffer',
    // R7.1: one offer per municipality, kind and year.
    naturalKey: (p) => `asylnorskOffer:${p.municipality}:${p.kind}:${p.year}`,
    municipality: (p) => p.municipality,
    check: (f, p, existing) => checkOffer(f, p, existing),
    effects: (p) => [upsert('asylnorskOffer', p)],
  },
  'certificates.recordIssue': {
    schema: commandPayloadSchemas['certificates.recordIssue'],
    permission: 'person',
    // R9: issuing a certificate is work in the scheme it certifies.
    area: (p) => p.scheme,
    naturalKey: none,
    personRefs: own,
    check: (input, p) => checkCertificateIssue(input, p),
    // R8.1: the date of issue is the event; a certificate is handed out today, never ahead.
    eventDates: (p) => eventDate(p.issuedOn, 'issuedOn', false),
    effects: (p) => [upsert('certificateIssue', p)],
  },
} satisfies { [T in CommandType]: CommandSpec<T> }

/** The description of one command type. */
export function commandSpec<T extends CommandType>(type: T): CommandSpec<T> {
  return commandSpecs[type] as unknown as CommandSpec<T>
}

/**
 * The rows an accepted command writes (A4): the same on the device and on the register,
 * given the snapshot each side checked it on (null only for a command on the municipality).
 */
export function commandEffects(command: Command, snapshot: PersonSnapshot | null): Effect[] {
  const spec = commandSpec(command.type)
  const payload = command.payload as CommandPayload<CommandType>
  if (spec.permission === 'municipality') return spec.effects(payload)
  if (!snapshot) throw new Error(`${command.type}: effects need the person's snapshot`)
  return spec.effects(payload, snapshot)
}
