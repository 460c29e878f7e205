import { describe, expect, test } from 'vitest'
import { storedEvaluationSchema, type PersonRegistrations } from '../domain'
import type { DeadlineKey } from './deadline'
import { evaluatePerson, evaluationAt, storedEvaluation } from './evaluate'
import { decision, ending, programme, snapshot } from './test-fixtures'

/** The intro deadlines of `s` stored (as JSON, dates only) on `storedOn` and read on `readOn`. */
function storedThenRead(s: ReturnType<typeof snapshot>, storedOn: string, readOn: string) {
  const stored = storedEvaluationSchema.parse(JSON.parse(JSON.stringify(storedEvaluation(evaluatePerson(s, storedOn)))))
  return evaluationAt(stored, readOn).schemes.intro.deadlines
}

// Default person: settled by agreement 2018-03-01 → start deadline 2018-06-01 (R5.1).
describe('issue 8 point 6: a stored evaluation reads true on a later day (R11.5)', () => {
  test.each([
    ['R11.5 stored 30 days before, read on the day: 0 days left, not overdue', {}, '2018-05-02', '2018-06-01', 'introStart', 0, false],
    ['R11.5 stored on the day, read the day after without a start: overdue', {}, '2018-06-01', '2018-06-02', 'introStart', -1, true],
    ['R11.5 a start planned after the deadline: still overdue before it', { decisions: [programme('2018-06-10')] }, '2018-06-01', '2018-06-05', 'introStart', -4, true],
    ['R11.5 a start planned after the deadline: met from its day on', { decisions: [programme('2018-06-10')] }, '2018-06-01', '2018-06-10', 'introStart', -9, false],
    [
      'R5.2 completion stored before an ending: overdue after the deadline while not ended',
      { decisions: [programme('2018-03-15')], endings: [ending('2020-04-01', 'FULLFORT')] },
      '2020-03-01',
      '2020-03-20',
      'introCompletion',
      -6,
      true,
    ],
    [
      'R5.2 completion: not overdue from the ending day on',
      { decisions: [programme('2018-03-15')], endings: [ending('2020-04-01', 'FULLFORT')] },
      '2020-03-01',
      '2020-04-01',
      'introCompletion',
      -18,
      false,
    ],
    [
      'R5.2 completion: a granted permanent stop ends it from its decision date (R4)',
      { decisions: [programme('2018-03-15'), decision('INTRO_PERMANENT_STANS', { decisionDate: '2020-03-18' })] },
      '2020-03-01',
      '2020-03-18',
      'introCompletion',
      -4,
      false,
    ],
  ] as [string, Partial<PersonRegistrations>, string, string, DeadlineKey, number, boolean][])('%s', (_name, regs, storedOn, readOn, key, daysLeft, overdue) => {
    const s = snapshot({}, regs)
    const read = storedThenRead(s, storedOn, readOn).find((d) => d.key === key)!
    const fresh = evaluatePerson(s, readOn).schemes.intro.deadlines.find((d) => d.key === key)!
    expect([read.daysLeft, read.overdue]).toEqual([daysLeft, overdue])
    // the same answer as judging afresh on the day it is read
    expect([read.date, read.daysLeft, read.overdue]).toEqual([fresh.date, fresh.daysLeft, fresh.overdue])
  })

  test('the stored form holds dates only: no daysLeft, no overdue', () => {
    const e = storedEvaluation(evaluatePerson(snapshot(), '2018-05-02'))
    expect(e.schemes.intro.deadlines.map((d) => Object.keys(d).sort())).toEqual([['date', 'explanation', 'key', 'metOn']])
  })
})
