import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, fromDayNumber, toDayNumber } from '../calendar'
import type { Command } from '../domain/command'
import type { Role } from '../domain/user'
import { checkCommand } from './check-command'
import type { CheckContext } from './checks/context'
import { cmd, context, snapshot } from './check-command.fixture'
import { messages } from '../i18n'
import { osloDate } from './window'

const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)
const contact = (date: string) => cmd('contact.register', { id: 'c1', personId: 'p1', scheme: 'norsk', date })
const week = (isoYear: number, isoWeek: number) =>
  cmd('norsk.saveWeeklyParticipation', { id: 'w1', personId: 'p1', isoYear, isoWeek, norskHours: 5, samfunnHours: 0, absenceHours: 0 })
const at = (recordedAt: string, today: string, roles: Role[] = ['kommunenorsk'], extra: Partial<CheckContext> = {}) => context(roles, { recordedAt, today, ...extra })

describe('R8.1 back-registration window through checkCommand', () => {
  test.each([
    ['exactly 2 months back (16 Jan from 16 Mar) is allowed', contact('2020-01-16'), at('2020-03-16T10:00:00Z', '2020-03-16'), []],
    ['one day earlier is refused', contact('2020-01-15'), at('2020-03-16T10:00:00Z', '2020-03-16'), ['BACK_REGISTRATION_WINDOW@date']],
    ['month end: 31 Mar reaches back to 31 Jan', contact('2020-01-31'), at('2020-03-31T10:00:00Z', '2020-03-31'), []],
    ['month end: 30 Jan is outside from 31 Mar', contact('2020-01-30'), at('2020-03-31T10:00:00Z', '2020-03-31'), ['BACK_REGISTRATION_WINDOW@date']],
    ['month end: 30 Apr reaches back to 29 Feb (leap year)', contact('2020-02-29'), at('2020-04-30T10:00:00Z', '2020-04-30'), []],
    ['year end: 15 Jan reaches back to 15 Nov', contact('2019-11-15'), at('2020-01-15T10:00:00Z', '2020-01-15'), []],
    ['kommuneetterregistrering lifts the window', contact('2019-06-01'), at('2020-03-16T10:00:00Z', '2020-03-16', ['kommunenorsk', 'kommuneetterregistrering']), []],
    ['kommunenirsuperbrukar lifts the window (R11.11)', contact('2019-06-01'), at('2020-03-16T10:00:00Z', '2020-03-16', ['kommunenirsuperbrukar']), []],
    ['a weekly row counts from its Sunday: 2020-W3 ends 19 Jan', week(2020, 3), at('2020-03-16T10:00:00Z', '2020-03-16'), []],
    ['a weekly row counts from its Sunday: 2020-W2 ends 12 Jan', week(2020, 2), at('2020-03-16T10:00:00Z', '2020-03-16'), ['BACK_REGISTRATION_WINDOW@isoWeek']],
  ])('R8.1 %s', (_name, command, ctx, expected) => {
    expect(errors(checkCommand(command, snapshot(), ctx))).toEqual(expected)
  })

  test.each([
    ['23:30 UTC on 15 Mar is 16 Mar in Oslo, so 15 Jan is outside', '2020-03-15T23:30:00Z', ['BACK_REGISTRATION_WINDOW@date']],
    ['22:30 UTC on 15 Mar is still 15 Mar in Oslo, so 15 Jan is inside', '2020-03-15T22:30:00Z', []],
  ])('R11.11 %s', (_name, recordedAt, expected) => {
    expect(errors(checkCommand(contact('2020-01-15'), snapshot(), at(recordedAt, '2020-03-16')))).toEqual(expected)
  })
})

describe('A5 the server judges an offline registration at its recorded time', () => {
  const server = { serverTime: '2020-05-20T08:00:00Z' }
  test.each([
    ['recorded time inside the bounds is trusted', { ...server, lastSyncAt: '2020-03-10T08:00:00Z' }, []],
    ['recorded before the last sync − 5 min is judged at server time', { ...server, lastSyncAt: '2020-04-01T08:00:00Z' }, ['BACK_REGISTRATION_WINDOW@date']],
  ])('A5 %s', (_name, extra, expected) => {
    expect(errors(checkCommand(contact('2020-01-16'), snapshot(), at('2020-03-16T10:00:00Z', '2020-05-20', ['kommunenorsk'], extra)))).toEqual(expected)
  })

  test.each([
    ['before 2000', '1999-06-01T10:00:00Z', 'RECORDED_AT_IMPLAUSIBLE@recordedAt'],
    ['malformed', '16.03.2020 10:00', 'RECORDED_AT_INVALID@recordedAt'],
  ])('A5 a recorded time %s is refused with its own code', (_name, recordedAt, code) => {
    expect(errors(checkCommand(contact('2020-03-10'), snapshot(), at(recordedAt, '2020-03-16')))).toEqual([code])
  })
})

describe('R8.3 event dates in the future', () => {
  test.each([
    ['a contact dated today is accepted', contact('2020-03-16'), []],
    ['a contact dated tomorrow is refused', contact('2020-03-17'), ['EVENT_DATE_IN_FUTURE@date']],
  ])('R8.3 %s', (_name, command, expected) => {
    expect(errors(checkCommand(command, snapshot(), context()))).toEqual(expected)
  })
})

describe('R9 permissions through checkCommand', () => {
  const intro = cmd('contact.register', { id: 'c1', personId: 'p1', scheme: 'intro', date: '2020-03-10' })
  const elsewhere = snapshot({}, { person: { ...snapshot().person, followUpMunicipality: '4601' } })
  const inDistrict = snapshot({}, { person: { ...snapshot().person, followUpDistrict: '030101' } })
  const districtUser = (district: string): CheckContext => ({ ...context(['kommuneintro']), user: { roles: ['kommuneintro'], municipality: '0301', district } })
  test.each([
    ['kommuneintro writes intro for a person it follows up', intro, snapshot(), context(['kommuneintro']), []],
    ['kommuneles reads only', intro, snapshot(), context(['kommuneles']), ['NOT_PERMITTED@command']],
    ['kommunenorsk may not write intro', intro, snapshot(), context(['kommunenorsk']), ['NOT_PERMITTED@command']],
    ['a person followed up elsewhere is out of scope', intro, elsewhere, context(['kommuneintro']), ['OUT_OF_SCOPE@personId']],
    ['a district user reaches its own district', intro, inDistrict, districtUser('030101'), []],
    ['a district user does not reach another district', intro, inDistrict, districtUser('030102'), ['OUT_OF_SCOPE@personId']],
    ['a refusal stops before the rules, so nothing else about the person is reported', contact('2000-01-01'), elsewhere, context(['kommunenorsk']), ['OUT_OF_SCOPE@personId']],
    [
      'a command for another person is refused',
      cmd('contact.register', { id: 'c1', personId: 'p2', scheme: 'intro', date: '2020-03-10' }),
      snapshot(),
      context(['kommuneintro']),
      ['PERSON_MISMATCH@personId'],
    ],
    [
      'a malformed payload is INVALID_INPUT on its field',
      cmd('contact.register', { id: 'c1', personId: 'p1', scheme: 'intro', date: '10.03.2020' }),
      snapshot(),
      context(['kommuneintro']),
      ['INVALID_INPUT@date'],
    ],
  ])('R9 %s', (_name, command, s, ctx, expected) => {
    expect(errors(checkCommand(command, s, ctx))).toEqual(expected)
  })

  test('R9 a person command without a snapshot is PERSON_NOT_FOUND', () => {
    expect(errors(checkCommand(contact('2020-03-10'), null, context()))).toEqual(['PERSON_NOT_FOUND@personId'])
  })
})

describe('R0 / A9 properties of checkCommand', () => {
  const day = fc.integer({ min: toDayNumber('2019-06-01'), max: toDayNumber('2020-06-30') }).map(fromDayNumber)
  const quarter = fc.integer({ min: 0, max: 180 }).map((q) => q / 4)
  const command: fc.Arbitrary<Command> = fc.oneof(
    day.map((d) => contact(d)),
    fc
      .tuple(fc.integer({ min: 2019, max: 2020 }), fc.integer({ min: 1, max: 53 }), quarter, quarter, quarter)
      .map(([y, w, n, s, a]) => cmd('norsk.saveWeeklyParticipation', { id: 'w', personId: 'p1', isoYear: y, isoWeek: w, norskHours: n, samfunnHours: s, absenceHours: a })),
    fc.tuple(day, fc.integer({ min: 0, max: 120 }), quarter).map(([d, len, h]) =>
      cmd('intro.addMeasures', {
        personId: 'p1',
        measures: [{ id: 'm', personId: 'p1', groupCode: 'ARBEID', measureCode: 'X', fromDate: d, toDate: addDays(d, len), hoursPerWeek: h }],
      }),
    ),
    fc
      .tuple(day, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 8 }))
      .map(([d, len, days]) => cmd('intro.registerAbsence', { id: 'a', personId: 'p1', fromDate: d, toDate: addDays(d, len), rows: [{ typeCode: 'EIGENMELDING', days }] })),
    fc
      .tuple(day, fc.constantFrom('ARBEID', 'UTDANNING', 'PERMANENT_STANS', 'X'))
      .map(([d, reasonCode]) => cmd('intro.registerEnding', { id: 'e', personId: 'p1', endDate: d, reasonCode, hoursPerWeek: 20 })),
  )
  const instant = fc
    .integer({ min: 0, max: 24 * 60 - 1 })
    .chain((minute) => day.map((d) => `${d}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`))
  const roles = fc.subarray(['kommuneintro', 'kommunenorsk', 'kommuneetterregistrering', 'kommuneles'] as Role[])

  test('R0 checkCommand is deterministic: the same input gives the same reasons', () => {
    fc.assert(
      fc.property(command, instant, roles, (c, recordedAt, r) => {
        const ctx = context(r, { recordedAt, today: osloDate(recordedAt)! })
        const first = checkCommand(c, snapshot(), ctx)
        const second = checkCommand(structuredClone(c), structuredClone(snapshot()), structuredClone(ctx))
        expect(second).toEqual(first)
        // every reason names its field and has a text in both languages
        for (const r of [...first.errors, ...first.warnings]) {
          expect(r.field, r.code).toBeTruthy()
          expect(Object.keys(messages.nb.reasons)).toContain(r.code)
          expect(Object.keys(messages.nn.reasons)).toContain(r.code)
        }
      }),
      { numRuns: 150 },
    )
  })

  test('A9 the device path and the server path (recorded time trusted) give identical reasons', () => {
    fc.assert(
      fc.property(command, instant, (c, recordedAt) => {
        const device = context(['kommuneintro', 'kommunenorsk'], { recordedAt, today: osloDate(recordedAt)! })
        const server = { ...device, serverTime: recordedAt, lastSyncAt: recordedAt }
        expect(checkCommand(c, snapshot(), server)).toEqual(checkCommand(c, snapshot(), device))
      }),
      { numRuns: 100 },
    )
  })

  test('R11.11 the Oslo date is the UTC date or the day after', () => {
    fc.assert(
      fc.property(instant, (ts) => {
        const utc = ts.slice(0, 10)
        return [utc, addDays(utc, 1)].includes(osloDate(ts)!)
      }),
    )
  })
})
