import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Decision, PersonSnapshot } from '../domain'
import { evaluatePerson } from './evaluate'
import { absence, claim, decision, leave, measure, parentalAbsence, programme, snapshot } from './test-fixtures'

const TODAY = '2019-06-01'

function deadlineOf(s: PersonSnapshot, key: string, today = TODAY) {
  return evaluatePerson(s, today).schemes.intro.deadlines.find((d) => d.key === key) ?? null
}
const completion = (decisions: Decision[], more: Partial<PersonSnapshot['registrations']> = {}) => deadlineOf(snapshot({}, { decisions, ...more }), 'introCompletion')?.date

describe('R5.1 start deadline (R11.5)', () => {
  test.each([
    ['R5.1 settled by agreement: settlement + 3 months', {}, [], '2018-06-01'],
    ['R5.1 month-end settlement clamps: 30 Nov + 3 months = 28 Feb', { settled: '2018-11-30' }, [], '2019-02-28'],
    ['R5.1 no agreement: claim + 3 months', { ground: 'FAM_FLYKTNING', byAgreement: false }, [claim('intro', '2018-04-10')], '2018-07-10'],
    ['R11.5 a claim before settlement still gives claim + 3 months', { ground: 'FAM_FLYKTNING', byAgreement: false }, [claim('intro', '2018-02-01')], '2018-05-01'],
    ['R5.1 the earliest claim counts', { ground: 'UTL53', byAgreement: false }, [claim('intro', '2018-09-01'), claim('intro', '2018-05-31')], '2018-08-31'],
  ])('%s', (_name, facts, claims, expected) => {
    expect(deadlineOf(snapshot(facts, { claims }), 'introStart', '2018-04-15')?.date).toBe(expected)
  })

  test.each([
    ['R11.5 no agreement and no claim: no start deadline yet', { ground: 'FAM_FLYKTNING', byAgreement: false }, []],
    ['R5.1 a claim later than settlement + 2 years gives no right', { ground: 'FAM_FLYKTNING', byAgreement: false, settled: '2018-03-01' }, [claim('intro', '2020-03-02')]],
    ['R5.1 kan tilbydast (self-settled) has no start deadline', { byAgreement: false }, [claim('intro', '2018-04-10')]],
  ])('%s', (_name, facts, claims) => {
    expect(deadlineOf(snapshot(facts, { claims }), 'introStart', '2018-04-15')).toBeNull()
  })

  test('R5.1 claim exactly on settlement + 2 years still gives a deadline after the window', () => {
    const s = snapshot({ ground: 'FAM_FLYKTNING', byAgreement: false, settled: '2018-03-01' }, { claims: [claim('intro', '2020-03-01')] })
    expect(deadlineOf(s, 'introStart', '2020-03-02')?.date).toBe('2020-06-01')
  })

  test.each([
    ['R11.5 days left counts calendar days to the deadline', '2018-05-02', [], 30, false],
    ['R11.5 days left is 0 on the day and not overdue', '2018-06-01', [], 0, false],
    ['R11.5 overdue the day after without a start', '2018-06-02', [], -1, true],
    ['R11.5 not overdue when a granted start lies on or before today', '2018-06-02', [programme('2018-06-02')], -1, false],
    ['R11.5 overdue when the granted start is after today', '2018-06-02', [programme('2018-06-10')], -1, true],
  ])('%s', (_name, today, decisions, daysLeft, overdue) => {
    const d = deadlineOf(snapshot({}, { decisions }), 'introStart', today)!
    expect([d.daysLeft, d.overdue]).toEqual([daysLeft, overdue])
  })
})

describe('R5.2 completion deadline (R11.6)', () => {
  test.each([
    ['R5.2 start + 2 years − 1 day', [programme('2018-03-15')], '2020-03-14'],
    ['R5.2 year end: 1 Jan start ends 31 Dec', [programme('2018-01-01')], '2019-12-31'],
    ['R5.2 29 Feb start: clamps to 28 Feb, then − 1 day', [programme('2016-02-29')], '2018-02-27'],
    ['R11.6 the earliest granted start counts, not the first listed', [programme('2018-05-01'), programme('2018-03-15')], '2020-03-14'],
    ['R11.6 a refused programme is not the first granted', [programme('2018-01-01', { result: 'avslag' }), programme('2018-03-15')], '2020-03-14'],
    ['R5.2 extended participation adds 1 year', [programme('2018-03-15'), decision('INTRO_UTVIDA_DELTAKING', { decisionDate: '2019-12-01' })], '2021-03-14'],
    ['R11.6 extended participation counts once however many', [programme('2018-03-15'), decision('INTRO_UTVIDA_DELTAKING'), decision('INTRO_UTVIDA_DELTAKING')], '2021-03-14'],
    ['R5.2 refused extended participation adds nothing', [programme('2018-03-15'), decision('INTRO_UTVIDA_DELTAKING', { result: 'avslag' })], '2020-03-14'],
  ])('%s', (_name, decisions, expected) => {
    expect(completion(decisions)).toBe(expected)
  })

  test('R5.2 no granted programme: no completion deadline', () => {
    expect(completion([programme('2018-03-15', { result: 'avslag' })])).toBeUndefined()
  })

  test.each([
    ['R5.2 leave in calendar days adds its days', [leave('2018-05-03', '2018-05-12')], '2020-03-24'],
    ['R5.2 leave in working days counts Mon–Fri and skips Whit Monday (9 days)', [leave('2018-05-21', '2018-06-03', 'verkedagar')], '2020-03-26'],
    ['R5.2 leave in working days does not count 17 May', [leave('2018-05-14', '2018-05-18', 'verkedagar')], '2020-03-19'],
    ['R5.2 leave in working days does not count Easter (7 of 10 weekdays in 2018)', [leave('2018-03-26', '2018-04-06', 'verkedagar')], '2020-03-24'],
    ['R11.6 overlapping leaves count shared days once', [leave('2018-05-01', '2018-05-10'), leave('2018-05-06', '2018-05-15')], '2020-03-29'],
    ['R11.6 a leave inside another adds nothing', [leave('2018-05-01', '2018-05-31'), leave('2018-05-06', '2018-05-15')], '2020-04-14'],
    ['R5.2 refused leave adds nothing', [{ ...leave('2018-05-03', '2018-05-12'), result: 'avslag' as const }], '2020-03-14'],
  ])('%s', (_name, leaves, expected) => {
    expect(completion([programme('2018-03-15'), ...leaves])).toBe(expected)
  })

  test.each([
    ['R1.5 walking working days skips 17 May (Fri 2019)', '2017-05-15', '2019-05-22'],
    ['R1.5 walking working days skips Easter 2019', '2017-04-17', '2019-04-26'],
  ])('%s', (_name, start, expected) => {
    // a 5-working-day leave (Mon–Fri 4–8 Sep 2017) walked from the base deadline
    expect(completion([programme(start), leave('2017-09-04', '2017-09-08', 'verkedagar')])).toBe(expected)
  })

  test('R5.2 leave after extended participation still moves the deadline', () => {
    const ds = [programme('2018-03-15'), decision('INTRO_UTVIDA_DELTAKING'), leave('2020-05-04', '2020-05-08')]
    expect(completion(ds)).toBe('2021-03-19')
  })

  test('R11.6 tie on the same date: leave before parental-leave absence', () => {
    // base Sat 2020-03-14: +1 working day = Mon 16, then +2 days = Wed 18 (the other order gives Tue 17)
    const s = [programme('2018-03-15'), leave('2018-05-03', '2018-05-03', 'verkedagar')]
    expect(completion(s, { parentalLeaveAbsences: [parentalAbsence('2018-05-03', '2018-05-04')] })).toBe('2020-03-18')
  })

  test('R11.6 extensions apply in the order of their cause dates', () => {
    const s = [programme('2018-03-15'), leave('2018-05-03', '2018-05-03', 'verkedagar')]
    expect(completion(s, { parentalLeaveAbsences: [parentalAbsence('2018-05-01', '2018-05-02')] })).toBe('2020-03-17')
  })

  test.each([
    ['R5.2 parental-leave absence adds its calendar days', [parentalAbsence('2018-06-01', '2018-06-10')], '2020-03-24'],
    ['R5.2 each parental-leave absence counts on its own', [parentalAbsence('2018-06-01', '2018-06-10'), parentalAbsence('2018-08-01', '2018-08-01')], '2020-03-25'],
  ])('%s', (_name, parentalLeaveAbsences, expected) => {
    expect(completion([programme('2018-03-15')], { parentalLeaveAbsences })).toBe(expected)
  })
})

describe('R5.2 valid absence beyond 10 working days (R11.6, R11.7)', () => {
  const full = measure('2018-03-15', '2020-03-14', 37.5)
  const days = (from: string, to: string, n: number, typeCode = 'EIGENMELDING') => absence(from, to, [{ typeCode, days: n }])
  const hours = (from: string, to: string, h: number) => absence(from, to, [{ typeCode: 'LEGEERKLARING', hours: h }])
  test.each([
    ['R5.2 12 valid days: the 2 above 10 are walked in working days', [days('2018-04-02', '2018-04-13', 6), days('2018-05-02', '2018-05-11', 6)], [full], '2020-03-17'],
    ['R5.2 exactly 10 valid days: no extension', [days('2018-04-02', '2018-04-13', 10)], [full], '2020-03-14'],
    ['R10 invalid absence (UGYLDIG) does not count', [days('2018-04-02', '2018-04-20', 12, 'UGYLDIG')], [full], '2020-03-14'],
    [
      'R11.7 hours become days at average hours ÷ 5 (22.5 h at 37.5 = 3 days; 8 + 3 = 11)',
      [days('2018-04-02', '2018-04-13', 8), hours('2018-05-02', '2018-05-11', 22.5)],
      [full],
      '2020-03-16',
    ],
    ['R11.7 10.5 days round down to no extension', [days('2018-04-02', '2018-04-13', 10), hours('2018-05-02', '2018-05-11', 3.75)], [full], '2020-03-14'],
    ['R11.7 11.5 days round down to 1 working day', [days('2018-04-02', '2018-04-13', 11), hours('2018-05-02', '2018-05-11', 3.75)], [full], '2020-03-16'],
    [
      "R11.7 the average is that absence period's own (30 h/week → 6 h/day; 66 h = 11 days)",
      [hours('2018-06-04', '2018-06-29', 66)],
      [measure('2018-06-01', '2018-06-30', 30), measure('2018-07-01', '2018-12-31', 10)],
      '2020-03-16',
    ],
    ['R11.7 hours without any offered hours cannot be converted and count 0', [hours('2018-06-04', '2018-06-29', 200)], [], '2020-03-14'],
  ])('%s', (_name, absences, measures, expected) => {
    expect(completion([programme('2018-03-15')], { absences, measures })).toBe(expected)
  })

  test('R11.6 the excess is one step at the absence that took the total past 10', () => {
    const ds = [programme('2018-03-15'), leave('2018-05-02', '2018-05-02', 'verkedagar')]
    // absence crossing 10 starts 2018-04-30, before the leave: excess (2) walked first, then the leave (1)
    const s = snapshot({}, { decisions: ds, measures: [full], absences: [days('2018-04-02', '2018-04-13', 6), days('2018-04-30', '2018-04-30', 6)] })
    const d = deadlineOf(s, 'introCompletion')!
    expect(d.date).toBe('2020-03-18')
    expect(d.explanation.map((x) => x.key)).toEqual(['introCompletionBase', 'introAbsence', 'introAbsence', 'introAbsenceExcess', 'introLeaveWorking', 'introCompletionResult'])
  })
})

describe('R5.2 property: more leave never moves the deadline earlier', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2018, 2, 15 + n)).toISOString().slice(0, 10))
  const leaveArb = (unit: 'kalenderdagar' | 'verkedagar') =>
    fc.tuple(day, fc.integer({ min: 0, max: 60 })).map(([from, len]) => {
      const to = new Date(Date.parse(from) + len * 86_400_000).toISOString().slice(0, 10)
      return leave(from, to, unit)
    })
  test.each(['kalenderdagar', 'verkedagar'] as const)('R5.2 adding a %s leave never moves the completion deadline earlier', (unit) => {
    fc.assert(
      fc.property(fc.array(leaveArb(unit), { maxLength: 5 }), leaveArb(unit), (leaves, extra) => {
        const before = completion([programme('2018-03-15'), ...leaves])!
        const after = completion([programme('2018-03-15'), ...leaves, extra])!
        expect(after >= before).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
