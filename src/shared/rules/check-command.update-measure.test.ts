import { describe, expect, test } from 'vitest'
import type { Decision, Measure } from '../domain/registrations'
import type { PersonRegistrations } from '../domain/snapshot'
import { checkCommand } from './check-command'
import { cmd, context, decision, INTRO_GRANTED, NORSK_GRANTED, PERSON_ID, snapshot } from './check-command.fixture'
import { commandEffects } from './command-specs'

/**
 * `intro.updateMeasure` (D8.3): editing one stored measure is judged as adding it would be —
 * R5.3 per field, R5.4 over the programme with the edit in place of the stored row, R8.1 on
 * its from date, R9 by the intro role — and writes the same row id.
 */
const measure = (id: string, fromDate: string, toDate: string, hoursPerWeek: number, personId = PERSON_ID): Measure => ({
  id,
  personId,
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate,
  toDate,
  hoursPerWeek,
})
// The fixture's today is 2020-03-16: R8.1's window opens 2020-01-16.
const MARCH = measure('march', '2020-03-02', '2020-03-29', 30)
const SECOND = measure('second', '2020-03-09', '2020-03-15', 25)
const leave: Decision = decision({
  type: 'INTRO_PERMISJON',
  decisionDate: '2020-02-01',
  startDate: '2020-02-03',
  endDate: '2020-02-07',
  leaveType: 'VELFERD',
  leaveUnit: 'kalenderdagar',
})
const withReg = (reg: Partial<PersonRegistrations> = {}) => snapshot({ decisions: [INTRO_GRANTED, NORSK_GRANTED, leave], measures: [MARCH], ...reg })
const update = (m: Measure) => cmd('intro.updateMeasure', m)
const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)

describe('intro.updateMeasure', () => {
  test.each([
    ['R5.3 more hours on the same measure inside the programme is accepted', withReg(), update({ ...MARCH, hoursPerWeek: 37.5 }), []],
    ['R5.3 changing the group and the measure is accepted', withReg(), update({ ...MARCH, groupCode: 'UTDANNING', measureCode: 'GRUNNSKULE', hoursPerWeek: 37.5 }), []],
    ['R5.3 more than 37.5 hours per week is refused beside the hours', withReg(), update({ ...MARCH, hoursPerWeek: 40 }), ['MEASURE_HOURS_RANGE@hoursPerWeek']],
    ['R5.3 0 hours per week is refused beside the hours', withReg(), update({ ...MARCH, hoursPerWeek: 0 }), ['MEASURE_HOURS_RANGE@hoursPerWeek']],
    ['R5.3 from after to is refused beside the to date', withReg(), update({ ...MARCH, fromDate: '2020-03-29', toDate: '2020-03-02' }), ['PERIOD_REVERSED@toDate']],
    ['R5.3 a date that does not exist is refused beside it', withReg(), update({ ...MARCH, toDate: '2020-02-30' }), ['INVALID_DATE@toDate']],
    ['R5.3 moved onto granted leave is refused beside the from date', withReg(), update({ ...MARCH, fromDate: '2020-02-03' }), ['MEASURE_OVERLAPS_LEAVE@fromDate']],
    ['R5.3 moved past the completion deadline is refused beside the to date', withReg(), update({ ...MARCH, toDate: '2021-09-07' }), ['MEASURE_AFTER_PROGRAMME@toDate']],
    [
      'R5.6 moved past an ending is refused beside the to date',
      withReg({ endings: [{ id: 'e1', personId: PERSON_ID, endDate: '2020-03-20', reasonCode: 'UTDANNING' }] }),
      update(MARCH),
      ['MEASURE_AFTER_ENDING@toDate'],
    ],
    ['a measure the person does not have is MEASURE_NOT_FOUND', withReg(), update(measure('gone', '2020-03-02', '2020-03-29', 30)), ['MEASURE_NOT_FOUND@id']],
    [
      'another person’s measure id is MEASURE_NOT_FOUND (the edit cannot move a row)',
      withReg({ measures: [measure('march', '2020-03-02', '2020-03-29', 30, 'p2')] }),
      update(MARCH),
      ['MEASURE_NOT_FOUND@id'],
    ],
    ['R5.4 the edited row does not count against itself: 37.5 on the only measure is no 60-hour week', withReg(), update({ ...MARCH, hoursPerWeek: 37.5 }), []],
    [
      'R5.4 with another measure in week 11, 37.5 + 25 = 62.5 hours is refused beside the hours',
      withReg({ measures: [MARCH, SECOND] }),
      update({ ...MARCH, hoursPerWeek: 37.5 }),
      ['PROGRAMME_WEEK_ABOVE_MAX@hoursPerWeek'],
    ],
    ['R5.4 with another measure in week 11, 35 + 25 = 60 hours is accepted', withReg({ measures: [MARCH, SECOND] }), update({ ...MARCH, hoursPerWeek: 35 }), []],
    [
      'R5.4 moving the other measure off week 11 leaves no week above 60',
      withReg({ measures: [{ ...MARCH, hoursPerWeek: 37.5 }, SECOND] }),
      update({ ...SECOND, fromDate: '2020-04-06', toDate: '2020-04-12' }),
      [],
    ],
  ])('%s', (_name, s, command, expected) => {
    expect(errors(checkCommand(command, s, context()))).toEqual(expected)
  })

  test('R5.4 an edit below the norm warns beside the hours, over the old and the new range', () => {
    const r = checkCommand(update({ ...MARCH, toDate: '2020-03-15', hoursPerWeek: 20 }), withReg(), context())
    expect(r.errors).toEqual([])
    // Weeks 12–13 lost the measure, 10–11 have 20 hours: all four are below the norm of 37.5.
    expect(r.warnings).toEqual([
      {
        code: 'PROGRAMME_BELOW_NORM',
        field: 'hoursPerWeek',
        values: { average: 10, norm: 37.5, weeks: '10/2020, 11/2020, 12/2020, 13/2020', from: '2020-03-02', to: '2020-03-29' },
      },
    ])
  })

  test.each([
    ['R8.1 a from date inside the two-month window is accepted', '2020-01-16', ['kommuneintro'], []],
    ['R8.1 a from date before the window is refused beside it', '2020-01-15', ['kommuneintro'], ['BACK_REGISTRATION_WINDOW@fromDate']],
    ['R8.1 kommuneetterregistrering may edit before the window', '2020-01-15', ['kommuneintro', 'kommuneetterregistrering'], []],
    ['R9 without an intro role the edit is NOT_PERMITTED', '2020-03-02', ['kommunenorsk'], ['NOT_PERMITTED@command']],
  ] as const)('%s', (_name, fromDate, roles, expected) => {
    // No leave here: the window's edge is the only thing judged.
    const s = snapshot({ decisions: [INTRO_GRANTED, NORSK_GRANTED], measures: [{ ...MARCH, fromDate: '2020-01-02' }] })
    const r = checkCommand(update({ ...MARCH, fromDate }), s, context([...roles]))
    expect(errors(r)).toEqual(expected)
  })

  test('the edit keeps the row id: one upsert of the measure, never a second row', () => {
    const edited = { ...MARCH, hoursPerWeek: 20 }
    expect(commandEffects(update(edited), withReg())).toEqual([{ entity: 'measure', op: 'upsert', row: edited }])
  })
})
