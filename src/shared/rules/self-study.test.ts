import { describe, expect, test } from 'vitest'
import { decisionTypes, type Decision, type DecisionType, type Measure } from '../domain/registrations'
import { planFromDecisions, programmePlan } from './average'
import { checkCommand } from './check-command'
import { cmd, context, decision, INTRO_GRANTED, NORSK_GRANTED, snapshot, TODAY } from './check-command.fixture'
import { decisionFieldStates } from './decision-form'

/**
 * R5.4 "Norm: 37.5 (30 when the person's plan is marked sjølvstudium)": the mark is a field of
 * the granted INTRO_PROGRAM decision (R4), the plan is that of the latest granted programme,
 * and the measures' average is judged against the norm it gives.
 */

const selfStudyProgramme = decision({ id: 'intro-self', type: 'INTRO_PROGRAM', startDate: '2019-09-02', selfStudy: true })
const leave = decision({ type: 'INTRO_PERMISJON', decisionDate: '2020-02-01', startDate: '2020-02-03', endDate: '2020-02-07', leaveType: 'VELFERD', leaveUnit: 'kalenderdagar' })
const stop = decision({ type: 'INTRO_MIDLERTIDIG_STANS', decisionDate: '2020-03-01', startDate: '2020-04-01', endDate: '2020-04-30' })
const refusedSelfStudy = decision({ type: 'INTRO_PROGRAM', result: 'avslag', decisionDate: '2020-01-01', startDate: '2020-01-06', reasonText: 'Nei', selfStudy: true })
const laterFullTime = decision({ id: 'intro-later', type: 'INTRO_PROGRAM', decisionDate: '2020-02-01', startDate: '2020-02-03', selfStudy: false })

describe('R4/R5.4 the self-study box in the decision form', () => {
  test('R4 it is offered (optional) on a granted INTRO_PROGRAM only', () => {
    expect(decisionFieldStates('INTRO_PROGRAM', 'innvilga').selfStudy).toBe('optional')
  })
  const others = decisionTypes
    .flatMap((type) => (['innvilga', 'avslag'] as const).map((result) => [type, result] as const))
    .filter(([t, r]) => t !== 'INTRO_PROGRAM' || r !== 'innvilga')
  test.each(others)('R4 %s %s: the box is off (does not apply)', (type, result) => {
    expect(decisionFieldStates(type, result).selfStudy).toBe('off')
  })
})

const register = (d: Partial<Decision> & Pick<Decision, 'type'>) => cmd('decision.register', decision({ decisionDate: TODAY, ...d }))
const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)

describe('R4/R5.4 decision.register judges the self-study mark', () => {
  test.each<[string, DecisionType, Decision['result'], Partial<Decision>, boolean | null, string[]]>([
    ['a granted programme marked self-study is accepted', 'INTRO_PROGRAM', 'innvilga', { startDate: '2020-04-01' }, true, []],
    ['a granted programme not marked is accepted', 'INTRO_PROGRAM', 'innvilga', { startDate: '2020-04-01' }, false, []],
    ['a refused programme marked self-study is refused beside the box', 'INTRO_PROGRAM', 'avslag', { reasonText: 'Nei' }, true, ['SELF_STUDY_NOT_APPLICABLE@selfStudy']],
    [
      'intro leave marked self-study is refused beside the box',
      'INTRO_PERMISJON',
      'innvilga',
      { startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'VELFERD', leaveUnit: 'verkedagar' },
      true,
      ['SELF_STUDY_NOT_APPLICABLE@selfStudy'],
    ],
    [
      'intro leave with the box left false is accepted',
      'INTRO_PERMISJON',
      'innvilga',
      { startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'VELFERD', leaveUnit: 'verkedagar' },
      false,
      [],
    ],
    [
      'a norsk decision marked self-study is refused beside the box',
      'NORSK_PERMISJON',
      'innvilga',
      { startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'NORSK_VELFERD' },
      true,
      ['SELF_STUDY_NOT_APPLICABLE@selfStudy'],
    ],
  ])('R4 %s', (_name, type, result, fields, selfStudy, expected) => {
    // The programme is only offered before the person takes part (R4), so it is judged on a fresh person.
    const s = type === 'INTRO_PROGRAM' ? snapshot({ decisions: [NORSK_GRANTED] }) : snapshot()
    expect(errors(checkCommand(register({ type, result, ...fields, selfStudy }), s, context()))).toEqual(expected)
  })
})

describe('R5.4 the plan is the latest granted programme’s', () => {
  test.each<[string, Decision[], boolean]>([
    ['no programme decision → not self-study', [NORSK_GRANTED], false],
    ['a granted programme saved before the field existed (null) → not self-study', [{ ...INTRO_GRANTED, selfStudy: null }], false],
    ['a granted programme marked self-study → self-study', [selfStudyProgramme, NORSK_GRANTED], true],
    ['a leave granted after it does not change the plan', [selfStudyProgramme, leave], true],
    ['a temporary stop granted after it does not change the plan', [stop, selfStudyProgramme], true],
    ['a refused programme marked self-study is not a plan', [INTRO_GRANTED, refusedSelfStudy], false],
    ['a later programme not marked replaces the earlier self-study plan', [selfStudyProgramme, laterFullTime], false],
    ['the answer does not depend on row order', [laterFullTime, selfStudyProgramme], false],
    ['a later programme marked self-study replaces a full-time plan', [INTRO_GRANTED, { ...laterFullTime, selfStudy: true }], true],
  ])('R5.4 %s', (_name, decisions, selfStudy) => {
    expect(planFromDecisions(decisions)).toEqual({ selfStudy })
    // A snapshot without `plan` (a report's bulk rows) reads the same decisions.
    expect(programmePlan(snapshot({ decisions }))).toEqual({ selfStudy })
  })
})

const week = (hoursPerWeek: number): Measure => ({
  id: `m${hoursPerWeek}`,
  personId: 'p1',
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate: '2020-03-02',
  toDate: '2020-03-15',
  hoursPerWeek,
})
const addMeasure = (hours: number) => cmd('intro.addMeasures', { personId: 'p1', measures: [week(hours)] })
const belowNorm = (r: ReturnType<typeof checkCommand>) => r.warnings.filter((w) => w.code === 'PROGRAMME_BELOW_NORM').map((w) => w.values?.norm)

describe('R5.4 the norm measures are judged against follows the decision’s mark', () => {
  test.each<[string, Decision[], number, number[]]>([
    ['self-study programme: 32 hours a week meets the norm of 30', [selfStudyProgramme, NORSK_GRANTED], 32, []],
    ['self-study programme: 28 hours a week is below the norm of 30', [selfStudyProgramme, NORSK_GRANTED], 28, [30]],
    ['self-study programme with a leave: still the norm of 30', [selfStudyProgramme, NORSK_GRANTED, leave], 28, [30]],
    ['full-time programme: 32 hours a week is below the norm of 37.5', [INTRO_GRANTED, NORSK_GRANTED], 32, [37.5]],
  ])('R5.4 %s', (_name, decisions, hours, norms) => {
    const s = snapshot({ decisions })
    const withPlan = { ...s, plan: planFromDecisions(decisions) }
    expect(belowNorm(checkCommand(addMeasure(hours), withPlan, context()))).toEqual(norms)
  })
})
