import fc from 'fast-check'
import { addDays, isoWeek, isValidIsoDate, type IsoDate } from '../../../src/shared/calendar'
import type { Command } from '../../../src/shared/domain/command'
import { asylnorskKinds, educationBackgrounds, finalGoals, introDecisionTypes, norskDecisionTypes, norskLevels, programmeElements } from '../../../src/shared/domain/registrations'
import type { DecisionScheme } from '../../../src/shared/domain/scheme'
import { initialCodeLists } from '../../../src/shared/reference/initial-code-lists'
import { END_REASON_CODES, type CheckContext } from '../../../src/shared/rules'
import type { PersonBundle } from '../../../src/shared/sync'
import { demoUsers } from '../../../src/server'

/**
 * Generators of plausible caseworker commands for the A9 parity test: dates around the
 * person's own permit, arrival and settlement dates; codes mostly from the seeded code lists
 * with the odd unknown one; hours mostly on the 0.25 step. Plausible inputs reach the deep
 * rules (deadlines, measures, window), not only the shape check.
 */

const codes = (list: string) => initialCodeLists.filter((e) => e.list === list).map((e) => e.code)
const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values)
/** Mostly a known code, sometimes one no list has. */
const code = (list: string) => fc.oneof({ arbitrary: oneOf(codes(list)), weight: 9 }, { arbitrary: fc.constant('UKJEND_KODE'), weight: 1 })
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })
const id = fc.uuid()
const hours = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 160 }).map((q) => q / 4), weight: 9 }, { arbitrary: fc.constantFrom(0.1, 2.3, 41), weight: 1 })

/** The dates a person's rules turn on: permits, arrival, settlements (plus `today`). */
export function anchorDates(bundle: PersonBundle, today: IsoDate): IsoDate[] {
  const p = bundle.person
  const dates = [today, p.arrivalDate, ...bundle.permits.flatMap((x) => [x.validFrom, x.validTo, x.grantedDate]), ...bundle.settlements.map((s) => s.date)]
  return dates.filter((d): d is IsoDate => typeof d === 'string')
}

/** Around the person's dates, or within the last weeks (inside the R8.1 window), or impossible. */
function dateNear(anchors: IsoDate[], today: IsoDate): fc.Arbitrary<IsoDate> {
  const near = fc.tuple(oneOf(anchors), fc.integer({ min: -400, max: 400 })).map(([a, days]) => addDays(a, days))
  const recent = fc.integer({ min: -45, max: 0 }).map((days) => addDays(today, days))
  return fc.oneof({ arbitrary: near, weight: 15 }, { arbitrary: recent, weight: 15 }, { arbitrary: fc.constant('2025-02-30'), weight: 1 })
}

function decision(personId: string, date: fc.Arbitrary<IsoDate>, ending: fc.Arbitrary<Record<string, unknown>>) {
  return fc.constantFrom<DecisionScheme>('intro', 'norsk').chain((scheme) =>
    fc.record({
      id,
      personId: fc.constant(personId),
      scheme: fc.constant(scheme),
      type: oneOf<string>(scheme === 'intro' ? introDecisionTypes : norskDecisionTypes),
      result: fc.constantFrom('innvilga', 'avslag'),
      decisionDate: date,
      startDate: maybe(date),
      endDate: maybe(date),
      hours: maybe(hours),
      reasonCode: maybe(fc.oneof(code('exemptionReason'), code('postponementReason'))),
      reasonText: maybe(fc.constantFrom('Grunngiving', '')),
      leaveType: maybe(code('leaveType')),
      leaveUnit: maybe(fc.constantFrom('kalenderdagar', 'verkedagar')),
      // R5.4: the self-study mark, also on types and results that refuse it (R4).
      selfStudy: maybe(fc.boolean()),
      // R12.3.1: months around their bounds (0, 1, 12, 13, 60, 61), on every type and regime.
      durationMonths: maybe(fc.constantFrom(0, 1, 6, 24, 60, 61)),
      extensionMonths: maybe(fc.constantFrom(0, 1, 6, 12, 13)),
      ending: maybe(ending),
    }),
  )
}

const level = oneOf(norskLevels)
/** An R12.3.2 fact of any kind; full-time upper secondary's end sometimes before its start. */
const int2021Fact = (date: fc.Arbitrary<IsoDate>) =>
  fc.oneof(
    fc.record({ kind: fc.constant('educationBackground'), background: oneOf(educationBackgrounds) }),
    fc.record({
      kind: fc.constant('norskGoal'),
      goal: fc.oneof(fc.constant('C1_ELLER_KARAKTER_2'), fc.record({ lytting: level, lesing: level, skriftleg: level, munnleg: level })),
    }),
    fc.record({ kind: fc.constant('finalGoal'), goal: oneOf(finalGoals), text: maybe(fc.constant('Sjukepleiar')) }),
    fc.record({ kind: fc.constant('integrationContract') }),
    fc.record({ kind: fc.constant('programmeElement'), element: oneOf(programmeElements) }),
    fc.record({ kind: fc.constant('fullTimeUpperSecondary'), toDate: maybe(date) }),
    fc.record({ kind: fc.constant('referencePersonCondition'), met: fc.boolean() }),
  )

/** A period `from..to`, sometimes reversed (an impossible date stays as it is). */
const period = (date: fc.Arbitrary<IsoDate>) =>
  fc.tuple(date, fc.integer({ min: -5, max: 120 })).map(([from, len]) => ({ fromDate: from, toDate: isValidIsoDate(from) ? addDays(from, len) : from }))

const measure = codes('measure').map((m) => ({ measureCode: m, groupCode: String(initialCodeLists.find((e) => e.list === 'measure' && e.code === m)!.data.group) }))

/** One command for `personId`, of any person-owned type. */
export function commandFor(bundle: PersonBundle, today: IsoDate): fc.Arbitrary<Command> {
  const personId = bundle.person.id
  const date = dateNear(anchorDates(bundle, today), today)
  const own = { id, personId: fc.constant(personId) }
  // Week 53 of 2025 does not exist: the impossible-date case for weekly rows.
  const week = date.map((d) => (isValidIsoDate(d) ? { isoYear: isoWeek(d).year, isoWeek: isoWeek(d).week } : { isoYear: 2025, isoWeek: 53 }))
  const ending = fc.record({ ...own, endDate: date, reasonCode: fc.oneof(oneOf(END_REASON_CODES), fc.constant('UKJEND')), hoursPerWeek: maybe(hours) })
  const measureRow = fc.tuple(period(date), oneOf(measure), hours, id).map(([p, m, h, mid]) => ({ id: mid, personId, ...p, ...m, hoursPerWeek: h }))
  const absenceRow = fc.record({ typeCode: code('absenceType'), days: maybe(hours), hours: maybe(hours) })
  const cmd = <T extends Command['type']>(type: T, payload: fc.Arbitrary<unknown>) => payload.map((p) => ({ type, payload: p }) as Command)
  return fc.oneof(
    cmd('decision.register', decision(personId, date, ending)),
    cmd('contact.register', fc.record({ ...own, scheme: fc.constantFrom('intro', 'norsk'), date })),
    cmd('claim.register', fc.record({ ...own, scheme: fc.constantFrom('intro', 'norsk'), date, kind: fc.constantFrom('NORSKOPPLAERING', 'UTSETT_OPPSTART', 'INTROPROGRAM') })),
    cmd(
      'norsk.saveWeeklyParticipation',
      fc.tuple(fc.record({ ...own, norskHours: hours, samfunnHours: hours, absenceHours: hours }), week).map(([r, w]) => ({ ...r, ...w })),
    ),
    cmd('norsk.deleteWeeklyParticipation', fc.record(own)),
    cmd(
      'intro.addMeasures',
      fc.array(measureRow, { minLength: 1, maxLength: 3 }).map((measures) => ({ personId, measures })),
    ),
    cmd(
      'intro.replaceMeasures',
      fc.tuple(measureRow, fc.array(id, { maxLength: 2 })).map(([m, ids]) => ({ personId, replacements: [{ ...m, replacesMeasureIds: ids }] })),
    ),
    cmd('intro.deleteMeasure', fc.record(own)),
    // An edit of one of the person's measures when there are any (else a missing one).
    cmd(
      'intro.updateMeasure',
      bundle.measures.length ? fc.tuple(measureRow, fc.constantFrom(...bundle.measures.map((m) => m.id))).map(([m, mid]) => ({ ...m, id: mid })) : measureRow,
    ),
    cmd(
      'intro.registerAbsence',
      fc.tuple(fc.record(own), period(date), fc.array(absenceRow, { maxLength: 3 })).map(([o, p, rows]) => ({ ...o, ...p, rows })),
    ),
    cmd(
      'intro.registerHoliday',
      fc.tuple(fc.record(own), period(date), fc.constantFrom('ferie', 'hoegtid')).map(([o, p, kind]) => ({ ...o, ...p, kind })),
    ),
    cmd(
      'intro.registerParentalLeaveAbsence',
      fc.tuple(fc.record({ ...own, typeCode: code('parentalLeaveAbsenceType'), reason: maybe(fc.constant('Barnehage stengd')) }), period(date)).map(([o, p]) => ({ ...o, ...p })),
    ),
    cmd('intro.registerEnding', ending),
    cmd(
      'norsk.registerLanguageTrack',
      fc.record({
        ...own,
        date,
        motherTongue: fc.constantFrom('ara', 'tir', 'ukr'),
        language1: fc.constantFrom('ara', 'nor'),
        language2: maybe(fc.constant('eng')),
        track: fc.constantFrom('1', '2', '3', '4'),
      }),
    ),
    // R12.3.2: every kind of the 2021 act's facts, for 2003 and 2021 persons alike (NOT_IN_REGIME).
    cmd('int2021.register', fc.record({ ...own, date, recordedAt: maybe(fc.constant(`${today}T09:00:00.000Z`)), fact: int2021Fact(date) })),
    // A delete of one of the person's rows when there are any (else a missing one).
    cmd(
      'int2021.delete',
      fc.record({ id: bundle.int2021Registrations.length ? fc.constantFrom(...bundle.int2021Registrations.map((r) => r.id)) : id, personId: fc.constant(personId) }),
    ),
    // Issue 10 point 3: a certificate handed out, of either scheme — for persons who took part and
    // persons who did not (CERTIFICATE_NOT_PARTICIPATED), on dates around the window (R8.1).
    cmd(
      'certificates.recordIssue',
      fc.record({
        ...own,
        scheme: fc.constantFrom('intro', 'norsk'),
        lang: fc.constantFrom('nb', 'nn'),
        contentVersion: fc.constant('1'),
        issuedOn: date,
        issuedAt: fc.constant(`${today}T09:00:00.000Z`),
        issuedBy: fc.constant('norsk'),
        issuerName: maybe(fc.constant('Nils Øvrebø')),
        pendingCount: fc.integer({ min: 0, max: 3 }),
      }),
    ),
    cmd(
      'asylnorsk.saveWeeklyParticipation',
      fc.tuple(fc.record({ ...own, kind: fc.constantFrom(...asylnorskKinds), hours }), week).map(([r, w]) => ({ ...r, ...w })),
    ),
  )
}

/**
 * A check context: a demo user's roles (mostly writers, mostly in the demo municipality 4601), a recorded time
 * mostly within the last two days, else from four months back to two days ahead or before
 * 2000, and now and then the server's A5 inputs.
 */
export function contextFor(now: Date, today: IsoDate): fc.Arbitrary<CheckContext> {
  const ms = now.getTime()
  const at = (from: number, to: number) => fc.integer({ min: from, max: to }).map((t) => new Date(ms + t * 60_000).toISOString())
  const recordedAt = fc.oneof(
    { arbitrary: at(-2 * 1440, 1), weight: 10 },
    { arbitrary: at(-120 * 1440, 2 * 1440), weight: 5 },
    { arbitrary: fc.constant('1999-12-31T12:00:00Z'), weight: 1 },
  )
  // Mostly users who write person data, so most commands reach the rules past R9.
  const writers = demoUsers.filter((u) => ['super', 'etterreg', 'intro', 'norsk'].includes(u.username))
  const someone = fc.oneof({ arbitrary: oneOf(writers), weight: 6 }, { arbitrary: oneOf(demoUsers), weight: 1 })
  const place = fc.oneof({ arbitrary: fc.constant('4601'), weight: 9 }, { arbitrary: fc.constant('0301'), weight: 1 })
  const user = fc.tuple(someone, place).map(([u, municipality]) => ({ roles: u.roles, municipality, district: u.district }))
  return fc.record({
    user,
    recordedAt,
    today: fc.constant(today),
    serverTime: fc.option(fc.constant(now.toISOString()), { nil: undefined }),
    lastSyncAt: fc.option(at(-30 * 1440, 0), { nil: undefined }),
  })
}
