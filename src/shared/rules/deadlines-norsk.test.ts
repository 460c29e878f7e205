import { describe, expect, test } from 'vitest'
import type { Decision, PersonSnapshot } from '../domain'
import { evaluatePerson } from './evaluate'
import { claim, decision, snapshot, week } from './test-fixtures'

const TODAY = '2019-06-01'
const deadline = (s: PersonSnapshot, key: string, today = TODAY) => evaluatePerson(s, today).schemes.norsk.deadlines.find((d) => d.key === key) ?? null
const norsk = (s: PersonSnapshot, today = TODAY) => evaluatePerson(s, today).categories.find((c) => c.scheme === 'norsk')!
const granted = (f: Partial<Decision> = {}) => decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01', hours: 600, ...f })

describe('R6.1 completion (R11.9)', () => {
  test.each<[string, Partial<PersonSnapshot['registrations']>, string]>([
    ['R6.1 550 Norwegian + 50 social-studies hours: gjennomført', { weeklyParticipation: [week(2018, 20, 275, 25), week(2018, 21, 275, 25)] }, 'gjennomfort'],
    ['R6.1 50 social-studies hours short of 0.25: not done', { weeklyParticipation: [week(2018, 20, 600, 49.75)] }, 'current'],
    [
      'R11.9 NORSK_FRITAK_NORSK completes the Norwegian part',
      { weeklyParticipation: [week(2018, 20, 0, 50)], decisions: [granted(), decision('NORSK_FRITAK_NORSK')] },
      'gjennomfort',
    ],
    [
      'R11.9 NORSK_FRITAK_SAMFUNN completes the social-studies part',
      { weeklyParticipation: [week(2018, 20, 550, 0)], decisions: [granted(), decision('NORSK_FRITAK_SAMFUNN')] },
      'gjennomfort',
    ],
    ['R11.9 a test exemption completes neither part', { weeklyParticipation: [week(2018, 20, 550, 0)], decisions: [granted(), decision('NORSK_FRITAK_PROVE')] }, 'current'],
    [
      'R11.9 a refused exemption counts for nothing',
      { weeklyParticipation: [week(2018, 20, 550, 0)], decisions: [granted(), decision('NORSK_FRITAK_SAMFUNN', { result: 'avslag' })] },
      'current',
    ],
    ['R6.4 an edited week replaces its earlier row', { weeklyParticipation: [week(2018, 20, 550, 50), week(2018, 20, 10, 0)] }, 'current'],
    ['R6.1 absence hours do not count', { weeklyParticipation: [week(2018, 20, 500, 50, 60)] }, 'current'],
  ])('%s', (_name, regs, state) => {
    expect(norsk(snapshot({}, { decisions: [granted()], ...regs })).displayState).toBe(state)
  })

  test('R11.9 plikt: 250 Norwegian + 50 social studies complete it', () => {
    const s = snapshot({ ground: 'ARBEID' }, { decisions: [decision('NORSK_PLIKT', { startDate: '2018-03-01' })], weeklyParticipation: [week(2018, 20, 250, 50)] })
    expect(norsk(s).displayState).toBe('gjennomfort')
  })
})

describe('R6.2 deadlines', () => {
  test.each<[string, Partial<PersonSnapshot['registrations']>, string]>([
    ['R6.2 start: category start + 3 months', {}, '2018-04-10'],
    ['R6.2 start: from a claim registered after the category start', { claims: [claim('norsk', '2018-11-30')] }, '2019-02-28'],
    ['R6.2 start: a claim before the category start does not move it', { claims: [claim('norsk', '2018-01-01')] }, '2018-04-10'],
  ])('%s', (_name, regs, expected) => {
    expect(deadline(snapshot({}, regs), 'norskStart', '2018-02-01')?.date).toBe(expected)
  })

  test.each([
    ['R6.2 start overdue after the deadline without a granted start', [], true],
    ['R6.2 start not overdue once a granted start lies before today', [granted({ startDate: '2018-05-01' })], false],
  ])('%s', (_name, decisions, overdue) => {
    expect(deadline(snapshot({}, { decisions }), 'norskStart', '2018-06-01')?.overdue).toBe(overdue)
  })

  test.each<[string, Decision[], string]>([
    ['R6.2 free right: category start + 3 years', [], '2021-01-10'],
    ['R6.2 free right extended by a granted leave (calendar days)', [decision('NORSK_PERMISJON', { startDate: '2018-06-01', endDate: '2018-06-30' })], '2021-02-09'],
    [
      'R6.2 free right extended by a postponed start; overlap counted once',
      [decision('NORSK_UTSETT_OPPSTART', { startDate: '2018-02-01', endDate: '2018-02-10' }), decision('NORSK_PERMISJON', { startDate: '2018-02-06', endDate: '2018-02-15' })],
      '2021-01-25',
    ],
    ['R6.2 a refused leave does not extend the free right', [decision('NORSK_PERMISJON', { result: 'avslag', startDate: '2018-06-01', endDate: '2018-06-30' })], '2021-01-10'],
  ])('%s', (_name, decisions, expected) => {
    expect(deadline(snapshot({}, { decisions }), 'norskFreeRight', '2018-02-01')?.date).toBe(expected)
  })

  test('R6.2 plikt has no free right and no start deadline', () => {
    expect(evaluatePerson(snapshot({ ground: 'ARBEID' }), TODAY).schemes.norsk.deadlines).toEqual([])
  })
})

describe('R6.3 needs-based training (Decision: 5 years)', () => {
  test('R6.3 granted needs-based hours: deadline category start + 5 years', () => {
    const s = snapshot({}, { decisions: [granted(), decision('NORSK_BEHOVSPROVD', { startDate: '2019-01-01', hours: 300 })] })
    const d = deadline(s, 'norskNeedsBased')!
    expect([d.date, d.daysLeft, d.overdue]).toEqual(['2023-01-10', 1319, false])
  })

  test('R6.3 overdue after 5 years with hours left; not when the hours are done', () => {
    const base = { decisions: [granted(), decision('NORSK_BEHOVSPROVD', { startDate: '2019-01-01', hours: 100 })] }
    expect(deadline(snapshot({}, base), 'norskNeedsBased', '2023-01-11')?.overdue).toBe(true)
    expect(deadline(snapshot({}, { ...base, weeklyParticipation: [week(2019, 5, 650, 50)] }), 'norskNeedsBased', '2023-01-11')?.overdue).toBe(false)
  })

  test('R6.3 no needs-based decision: no such deadline', () => {
    expect(deadline(snapshot({}, { decisions: [granted()] }), 'norskNeedsBased')).toBeNull()
  })
})
