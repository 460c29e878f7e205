import { describe, expect, test } from 'vitest'
import type { Int2021Fact, Int2021Registration } from '../domain/registrations'
import type { PersonSnapshot } from '../domain/snapshot'
import type { Role } from '../domain/user'
import { checkCommand, type CheckContext } from './check-command'
import { commandEffects } from './command-specs'
import { snapshot, type BaseFacts } from './test-fixtures'

/**
 * R12.3.2 / R12.3.3: the registrations of the 2021 act through `checkCommand` — the R9 area
 * by kind, `NOT_IN_REGIME` for a person under the 2003 act (R12.0.5), R8.1 on the event date,
 * and every error in one pass (R0). Real rules on real snapshots.
 */
const TODAY = '2021-06-01'
const P = 'p-1'
const P2021: BaseFacts = { permitFrom: '2021-02-01', settled: '2021-03-01' }
const P2003: BaseFacts = { permitFrom: '2020-12-31', settled: '2021-01-15' }
const P6A: BaseFacts = { ground: 'UTL34', permitFrom: '2021-02-01', settled: '2021-03-01' }
const FAMILY: BaseFacts = { ground: 'FAM_FLYKTNING', permitFrom: '2021-02-01', settled: '2021-03-01', byAgreement: false }

const ctx = (roles: Role[] = ['kommuneintro', 'kommunenorsk'], extra: Partial<CheckContext> = {}): CheckContext => ({
  user: { roles, municipality: '0301', district: null },
  recordedAt: `${TODAY}T10:00:00Z`,
  today: TODAY,
  ...extra,
})
const row = (fact: Int2021Fact, date = '2021-05-20', id = 'r1'): Int2021Registration => ({ id, personId: P, date, recordedAt: `${date}T09:00:00Z`, fact })
const register = (r: Int2021Registration) => ({ type: 'int2021.register' as const, payload: r })
const del = (id: string, personId = P) => ({ type: 'int2021.delete' as const, payload: { id, personId } })
const codes = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)
const person = (f: BaseFacts, rows: Int2021Registration[] = []): PersonSnapshot => snapshot(f, { int2021Registrations: rows })

const BACKGROUND: Int2021Fact = { kind: 'educationBackground', background: 'GRUNNSKULE' }
const NORSK_GOAL: Int2021Fact = { kind: 'norskGoal', goal: { lytting: 'B1', lesing: 'B1', skriftleg: 'A2', munnleg: 'B1' } }
const FINAL_GOAL: Int2021Fact = { kind: 'finalGoal', goal: 'ARBEID', text: null }
const CONTRACT: Int2021Fact = { kind: 'integrationContract' }
const ELEMENT: Int2021Fact = { kind: 'programmeElement', element: 'LIVSMEISTRING' }
const VGS = (toDate: string | null): Int2021Fact => ({ kind: 'fullTimeUpperSecondary', toDate })
const REF = (met: boolean): Int2021Fact => ({ kind: 'referencePersonCondition', met })

describe('R12.3.2 who registers what (R9 area by kind)', () => {
  test.each<[string, Int2021Fact, Role[], string[]]>([
    ['education background by an intro caseworker (intro or norsk)', BACKGROUND, ['kommuneintro'], []],
    ['education background by a norsk caseworker (intro or norsk)', BACKGROUND, ['kommunenorsk'], []],
    ['education background not by a read-only user', BACKGROUND, ['kommuneles'], ['NOT_PERMITTED@command']],
    ['norskmål by a norsk caseworker', NORSK_GOAL, ['kommunenorsk'], []],
    ['norskmål not by an intro caseworker', NORSK_GOAL, ['kommuneintro'], ['NOT_PERMITTED@command']],
    ['full-time upper secondary not by an intro caseworker', VGS('2021-06-20'), ['kommuneintro'], ['NOT_PERMITTED@command']],
    ['final goal by an intro caseworker', FINAL_GOAL, ['kommuneintro'], []],
    ['final goal not by a norsk caseworker', FINAL_GOAL, ['kommunenorsk'], ['NOT_PERMITTED@command']],
    ['integration contract not by a norsk caseworker', CONTRACT, ['kommunenorsk'], ['NOT_PERMITTED@command']],
    ['programme element by the superuser', ELEMENT, ['kommunenirsuperbrukar'], []],
  ])('R12.3.2 %s', (_name, fact, roles, expected) => {
    expect(codes(checkCommand(register(row(fact)), person(P2021), ctx(roles)))).toEqual(expected)
  })
})

describe('R12.0.5 / R12.3.3 checks of int2021.register', () => {
  test.each<[string, PersonSnapshot, Int2021Registration, string[]]>([
    ['a 2021 person: education background accepted', person(P2021), row(BACKGROUND), []],
    ['a chapter 6A person: final goal accepted', person(P6A), row(FINAL_GOAL), []],
    ['R12.0.5 a 2003 person: refused NOT_IN_REGIME beside the kind', person(P2003), row(BACKGROUND), ['NOT_IN_REGIME@fact.kind']],
    ['R12.0.5 a person with no qualifying permit has no regime: NOT_IN_REGIME', person({ ...P2021, ground: 'ASYLSOKAR' }), row(CONTRACT), ['NOT_IN_REGIME@fact.kind']],
    ['R8.1 the event date may be today', person(P2021), row(CONTRACT, TODAY), []],
    ['R8.1 the event date may not be in the future', person(P2021), row(ELEMENT, '2021-06-02'), ['EVENT_DATE_IN_FUTURE@date']],
    ['R8.1 the 2-month back-registration window applies', person(P2021), row(ELEMENT, '2021-03-01'), ['BACK_REGISTRATION_WINDOW@date']],
    ['a date that does not exist is refused beside it', person(P2021), row(BACKGROUND, '2021-02-30'), ['INVALID_DATE@date']],
    ['full-time upper secondary with no end is accepted', person(P2021), row(VGS(null)), []],
    ['full-time upper secondary ending the day it starts is accepted', person(P2021), row(VGS('2021-05-20')), []],
    ['full-time upper secondary ending before it starts is refused beside the end', person(P2021), row(VGS('2021-05-19')), ['PERIOD_REVERSED@fact.toDate']],
    ['J15 the reference-person condition for family of a refugee', person(FAMILY), row(REF(false)), []],
    ['J15 the reference-person condition for a refugee (no such condition) is refused', person(P2021), row(REF(true)), ['REFERENCE_CONDITION_NOT_APPLICABLE@fact.met']],
    ['an edit keeping the kind is accepted', person(P2021, [row(BACKGROUND)]), row({ kind: 'educationBackground', background: 'VGS_ELLER_HOGARE' }), []],
    ['an edit changing the kind of a saved row is refused', person(P2021, [row(NORSK_GOAL)]), row(BACKGROUND), ['INT2021_KIND_CHANGED@fact.kind']],
    [
      'R0 every error in one pass: 2003 person, end before start, future date',
      person(P2003),
      row(VGS('2021-06-01'), '2021-06-03'),
      ['NOT_IN_REGIME@fact.kind', 'PERIOD_REVERSED@fact.toDate', 'EVENT_DATE_IN_FUTURE@date'],
    ],
    ['a row of another person is refused before any rule', person(P2021), { ...row(BACKGROUND), personId: 'p-2' }, ['PERSON_MISMATCH@personId']],
  ])('%s', (_name, s, r, expected) => {
    expect(codes(checkCommand(register(r), s, ctx()))).toEqual(expected)
  })

  test('R12.3.2 an accepted registration writes its row as given; a delete tombstones it', () => {
    const r = row(FINAL_GOAL)
    expect(commandEffects(register(r), person(P2021))).toEqual([{ entity: 'int2021Registration', op: 'upsert', row: r }])
    expect(commandEffects(del('r1'), person(P2021, [r]))).toEqual([{ entity: 'int2021Registration', op: 'delete', id: 'r1' }])
  })
})

describe('int2021.delete', () => {
  const goal = row(NORSK_GOAL, '2021-05-20', 'g1')
  test.each<[string, PersonSnapshot, ReturnType<typeof del>, Role[], string[]]>([
    ['the person’s own row is deleted by its area’s role', person(P2021, [goal]), del('g1'), ['kommunenorsk'], []],
    ['R9 a norskmål row is not deleted by an intro caseworker', person(P2021, [goal]), del('g1'), ['kommuneintro'], ['NOT_PERMITTED@id']],
    ['a row the person does not have is refused like other deletes', person(P2021, [goal]), del('other'), ['kommunenorsk'], ['INT2021_NOT_FOUND@id']],
    ['a delete naming another person is refused', person(P2021, [goal]), del('g1', 'p-2'), ['kommunenorsk'], ['PERSON_MISMATCH@personId']],
    ['a row left from before a permit correction (now 2003) may still be deleted', person(P2003, [goal]), del('g1'), ['kommunenorsk'], []],
    [
      'R8.1 a row older than the back-registration window is not deleted',
      person(P2021, [{ ...goal, date: '2021-02-01' }]),
      del('g1'),
      ['kommunenorsk'],
      ['BACK_REGISTRATION_WINDOW@id'],
    ],
  ])('%s', (_name, s, c, roles, expected) => {
    expect(codes(checkCommand(c, s, ctx(roles)))).toEqual(expected)
  })
})
