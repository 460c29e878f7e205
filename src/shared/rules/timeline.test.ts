import { describe, expect, test } from 'vitest'
import type { PersonRegistrations } from '../domain'
import { evaluatePerson } from './evaluate'
import { timelineOf, type Timeline } from './timeline'
import { absence, claim, decision, leave, measure, parentalAbsence, programme, snapshot, type BaseFacts } from './test-fixtures'

const deadlineOf = (facts: BaseFacts, regs: Partial<PersonRegistrations>, key: 'introStart' | 'introCompletion', today: string) =>
  evaluatePerson(snapshot(facts, regs), today).schemes.intro.deadlines.find((d) => d.key === key)!

const days = (from: string, to: string, n: number) => absence(from, to, [{ typeCode: 'EIGENMELDING', days: n }])

describe('timelineOf: the days of a deadline, from its explanation steps', () => {
  test.each<[string, BaseFacts, Partial<PersonRegistrations>, 'introStart' | 'introCompletion', string, Timeline]>([
    [
      'R5.1 settled by agreement: settlement, deadline, today',
      {},
      {},
      'introStart',
      '2018-05-02',
      {
        marks: [
          { kind: 'settlement', date: '2018-03-01' },
          { kind: 'today', date: '2018-05-02' },
          { kind: 'deadline', date: '2018-06-01' },
        ],
        periods: [],
      },
    ],
    [
      'R5.1 no agreement: the claim counts and the settlement it is checked against shows once',
      { ground: 'FAM_FLYKTNING', byAgreement: false },
      { claims: [claim('intro', '2018-04-10')], decisions: [programme('2018-06-01')] },
      'introStart',
      '2018-07-01',
      {
        marks: [
          { kind: 'settlement', date: '2018-03-01' },
          { kind: 'claim', date: '2018-04-10' },
          { kind: 'programmeStart', date: '2018-06-01' },
          { kind: 'today', date: '2018-07-01' },
          { kind: 'deadline', date: '2018-07-10' },
        ],
        periods: [],
      },
    ],
    [
      'R5.1 a granted start planned after today shows as planned, before the deadline',
      {},
      { decisions: [programme('2018-05-20')] },
      'introStart',
      '2018-05-02',
      {
        marks: [
          { kind: 'settlement', date: '2018-03-01' },
          { kind: 'today', date: '2018-05-02' },
          { kind: 'plannedStart', date: '2018-05-20' },
          { kind: 'deadline', date: '2018-06-01' },
        ],
        periods: [],
      },
    ],
    [
      'R5.1 / R11.5 a granted start planned after the deadline shows beyond it (the deadline is overdue until then)',
      {},
      { decisions: [programme('2018-06-10')] },
      'introStart',
      '2018-06-05',
      {
        marks: [
          { kind: 'settlement', date: '2018-03-01' },
          { kind: 'deadline', date: '2018-06-01' },
          { kind: 'today', date: '2018-06-05' },
          { kind: 'plannedStart', date: '2018-06-10' },
        ],
        periods: [],
      },
    ],
    [
      'R5.1 a start on today is started, not planned',
      {},
      { decisions: [programme('2018-05-02')] },
      'introStart',
      '2018-05-02',
      {
        marks: [
          { kind: 'settlement', date: '2018-03-01' },
          { kind: 'programmeStart', date: '2018-05-02' },
          { kind: 'today', date: '2018-05-02' },
          { kind: 'deadline', date: '2018-06-01' },
        ],
        periods: [],
      },
    ],
    [
      'R5.2 start, the 2-year line and the deadline on it when nothing moves it',
      {},
      { decisions: [programme('2018-03-15')] },
      'introCompletion',
      '2019-06-01',
      {
        marks: [
          { kind: 'programmeStart', date: '2018-03-15' },
          { kind: 'today', date: '2019-06-01' },
          { kind: 'twoYears', date: '2020-03-14' },
          { kind: 'deadline', date: '2020-03-14' },
        ],
        periods: [],
      },
    ],
    [
      'R5.2 / R11.6 the third year, a leave and a parental-leave absence, each where it lies',
      {},
      {
        decisions: [programme('2018-03-15'), decision('INTRO_UTVIDA_DELTAKING'), leave('2018-06-01', '2018-06-10')],
        parentalLeaveAbsences: [parentalAbsence('2018-08-01', '2018-08-02')],
      },
      'introCompletion',
      '2019-06-01',
      {
        marks: [
          { kind: 'programmeStart', date: '2018-03-15' },
          { kind: 'today', date: '2019-06-01' },
          { kind: 'twoYears', date: '2020-03-14' },
          { kind: 'deadline', date: '2021-03-26' },
        ],
        periods: [
          { kind: 'thirdYear', from: '2020-03-15', to: '2021-03-14' },
          { kind: 'leave', from: '2018-06-01', to: '2018-06-10' },
          { kind: 'parentalAbsence', from: '2018-08-01', to: '2018-08-02' },
        ],
      },
    ],
    [
      'R11.7 absence beyond 10 days: each absence as registered and the excess the deadline moved by',
      {},
      {
        decisions: [programme('2018-03-15')],
        measures: [measure('2018-03-15', '2020-03-14', 37.5)],
        absences: [days('2018-05-07', '2018-05-11', 5), days('2018-09-03', '2018-09-14', 7)],
      },
      'introCompletion',
      '2019-06-01',
      {
        marks: [
          { kind: 'programmeStart', date: '2018-03-15' },
          { kind: 'today', date: '2019-06-01' },
          { kind: 'twoYears', date: '2020-03-14' },
          // 12 − 10 = 2 working days from Saturday 14 March 2020
          { kind: 'deadline', date: '2020-03-17' },
        ],
        periods: [
          { kind: 'absence', from: '2018-05-07', to: '2018-05-11' },
          { kind: 'absence', from: '2018-09-03', to: '2018-09-14' },
          { kind: 'absenceExcess', from: '2020-03-15', to: '2020-03-17' },
        ],
      },
    ],
  ])('%s', (_name, facts, regs, key, today, expected) => {
    expect(timelineOf(deadlineOf(facts, regs, key, today))).toEqual(expected)
  })
})
