import { describe, expect, test } from 'vitest'
import type { Absence, Decision, Measure, Replacement } from '../domain/registrations'
import type { PersonRegistrations } from '../domain/snapshot'
import { checkCommand } from './check-command'
import { cmd, context, decision, INTRO_GRANTED, NORSK_GRANTED, snapshot } from './check-command.fixture'

const measure = (fromDate: string, toDate: string, hoursPerWeek: number, id = `m-${fromDate}-${hoursPerWeek}`): Measure => ({
  id,
  personId: 'p1',
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate,
  toDate,
  hoursPerWeek,
})
const MARCH = measure('2020-03-02', '2020-03-31', 37.5, 'march')
const leave = decision({ type: 'INTRO_PERMISJON', decisionDate: '2020-02-01', startDate: '2020-02-03', endDate: '2020-02-07', leaveType: 'VELFERD', leaveUnit: 'kalenderdagar' })
const withReg = (reg: Partial<PersonRegistrations>) => snapshot({ decisions: [INTRO_GRANTED, NORSK_GRANTED, leave], measures: [MARCH], ...reg })
const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)
const ETTER = context(['kommuneintro', 'kommuneetterregistrering'])
const add = (...measures: Measure[]) => cmd('intro.addMeasures', { personId: 'p1', measures })

describe('R5.3 measures', () => {
  test.each([
    ['a full-time measure inside the programme is accepted', withReg({ measures: [] }), add(measure('2020-03-02', '2020-06-28', 37.5)), []],
    ['37.5 hours per week is the most', withReg({ measures: [] }), add(measure('2020-03-02', '2020-03-29', 37.75)), ['MEASURE_HOURS_RANGE@measures.0.hoursPerWeek']],
    ['0 hours per week is refused', withReg({ measures: [] }), add(measure('2020-03-02', '2020-03-29', 0)), ['MEASURE_HOURS_RANGE@measures.0.hoursPerWeek']],
    ['from after to is refused', withReg({ measures: [] }), add(measure('2020-03-29', '2020-03-02', 37.5)), ['PERIOD_REVERSED@measures.0.toDate']],
    [
      'a measure past the completion deadline (2021-09-01 + 5 days of leave) is refused',
      withReg({ measures: [] }),
      add(measure('2020-03-02', '2021-09-07', 37.5)),
      ['MEASURE_AFTER_PROGRAMME@measures.0.toDate'],
    ],
    ['a measure up to the completion deadline (2021-09-06) is accepted', withReg({ measures: [] }), add(measure('2020-03-02', '2021-09-06', 37.5)), []],
    ['a measure overlapping granted leave is refused', withReg({ measures: [] }), add(measure('2020-02-01', '2020-03-29', 37.5)), ['MEASURE_OVERLAPS_LEAVE@measures.0.fromDate']],
    [
      'each measure of a batch is named by its index',
      withReg({ measures: [] }),
      add(measure('2020-03-02', '2020-03-29', 20), measure('2020-03-02', '2020-03-29', 40)),
      ['MEASURE_HOURS_RANGE@measures.1.hoursPerWeek'],
    ],
    ['no granted programme → NO_GRANTED_DECISION', snapshot({ decisions: [] }), add(measure('2020-03-02', '2020-03-29', 37.5)), ['NO_GRANTED_DECISION@measures']],
    [
      'after an ending no measure may reach past its end date',
      withReg({ measures: [], endings: [{ id: 'e1', personId: 'p1', endDate: '2020-03-13', reasonCode: 'UTDANNING' }] }),
      add(measure('2020-03-02', '2020-03-29', 37.5)),
      ['MEASURE_AFTER_ENDING@measures.0.toDate'],
    ],
  ])('R5.3 %s', (_name, s, command, expected) => {
    expect(errors(checkCommand(command, s, context()))).toEqual(expected)
  })

  test('R5.3 a measure starting before the programme (2019-09-02) is refused', () => {
    const r = checkCommand(add(measure('2019-09-01', '2019-12-31', 37.5)), withReg({ measures: [] }), ETTER)
    expect(errors(r)).toEqual(['MEASURE_BEFORE_PROGRAMME@measures.0.fromDate'])
  })
})

describe('R5.4 programme average on saving measures', () => {
  test('R5.4 below the norm is a warning naming the average and the weeks', () => {
    const r = checkCommand(add(measure('2020-03-02', '2020-03-15', 20)), withReg({ measures: [] }), context())
    expect(r.errors).toEqual([])
    expect(r.warnings).toEqual([
      { code: 'PROGRAMME_BELOW_NORM', field: 'measures', values: { average: 20, norm: 37.5, weeks: '10/2020, 11/2020', from: '2020-03-02', to: '2020-03-15' } },
    ])
  })

  test.each([
    ['at the norm there is no warning', false, 37.5, 0],
    ['with self-study 32 hours meets the norm of 30', true, 32, 0],
    ['without self-study 32 hours is below the norm', false, 32, 1],
  ])('R5.4 %s', (_name, selfStudy, hours, warnings) => {
    const s = withReg({ measures: [] })
    const r = checkCommand(add(measure('2020-03-02', '2020-03-15', hours)), { ...s, plan: { selfStudy } }, context())
    expect(r.warnings).toHaveLength(warnings)
  })

  test('R5.4 more than 60 offered hours in one ISO week is an error naming the week', () => {
    const r = checkCommand(add(measure('2020-03-09', '2020-03-15', 30)), withReg({}), context())
    expect(r.errors).toEqual([{ code: 'PROGRAMME_WEEK_ABOVE_MAX', field: 'measures', values: { week: '11/2020', hours: 67.5, max: 60 } }])
  })

  const replacement = (ids: string[], hours = 10): Replacement => ({
    id: 'r1',
    personId: 'p1',
    fromDate: '2020-03-09',
    toDate: '2020-03-15',
    replacesMeasureIds: ids,
    groupCode: 'ANDRE',
    measureCode: 'ANNA',
    hoursPerWeek: hours,
  })
  test.each([
    ['replacing a running measure at the norm is accepted', ['march'], 37.5, [], 0],
    ['a replacement with fewer hours warns below the norm', ['march'], 10, [], 1],
    ['a replaced measure must exist', ['nope'], 37.5, ['MEASURE_NOT_FOUND@replacements.0.replacesMeasureIds'], 0],
    ['a replacement must list what it replaces', [], 37.5, ['REQUIRED@replacements.0.replacesMeasureIds'], 0],
  ])('R5.4 replaceMeasures: %s', (_name, ids, hours, expected, warnings) => {
    const r = checkCommand(cmd('intro.replaceMeasures', { personId: 'p1', replacements: [replacement(ids, hours)] }), withReg({}), context())
    expect(errors(r)).toEqual(expected)
    expect(r.warnings).toHaveLength(warnings)
  })

  test('R5.4 a replaced measure must run inside the replacement\u2019s range', () => {
    const april = measure('2020-04-01', '2020-04-30', 37.5, 'april')
    const r = checkCommand(cmd('intro.replaceMeasures', { personId: 'p1', replacements: [replacement(['april'])] }), withReg({ measures: [MARCH, april] }), context())
    expect(errors(r)).toEqual(['REPLACED_MEASURE_NOT_RUNNING@replacements.0.replacesMeasureIds'])
  })

  test.each([
    ['deleting an unknown measure is refused', 'nope', ['MEASURE_NOT_FOUND@id'], 0],
    ['deleting the only measure warns that its range falls below the norm', 'march', [], 1],
  ])('R5.4 deleteMeasure: %s', (_name, id, expected, warnings) => {
    const r = checkCommand(cmd('intro.deleteMeasure', { id, personId: 'p1' }), withReg({}), context())
    expect(errors(r)).toEqual(expected)
    expect(r.warnings).toHaveLength(warnings)
  })
})

const absence = (fromDate: string, toDate: string, rows: Absence['rows']) => cmd('intro.registerAbsence', { id: 'a1', personId: 'p1', fromDate, toDate, rows })

describe('R5.5 absence', () => {
  const s = withReg({
    measures: [MARCH, measure('2020-04-01', '2020-04-30', 37.5, 'april')],
    holidays: [{ id: 'h1', personId: 'p1', fromDate: '2020-02-17', toDate: '2020-02-21', kind: 'ferie' }],
  })
  test.each([
    ['days within the working days of the period are accepted', absence('2020-03-09', '2020-03-13', [{ typeCode: 'EIGENMELDING', days: 3 }]), []],
    ['days and hours in one row are refused', absence('2020-03-09', '2020-03-13', [{ typeCode: 'EIGENMELDING', days: 1, hours: 2 }]), ['ABSENCE_DAYS_OR_HOURS@rows.0.days']],
    ['a row with neither days nor hours is refused', absence('2020-03-09', '2020-03-13', [{ typeCode: 'EIGENMELDING' }]), ['ABSENCE_DAYS_OR_HOURS@rows.0.days']],
    [
      'more days than working days (5) are refused',
      absence('2020-03-09', '2020-03-13', [
        { typeCode: 'EIGENMELDING', days: 3 },
        { typeCode: 'LEGEERKLAERING', days: 3 },
      ]),
      ['ABSENCE_DAYS_EXCEED@rows'],
    ],
    ['hours up to those offered (37.5 × 5/7 = 26.79) are accepted', absence('2020-03-09', '2020-03-13', [{ typeCode: 'EIGENMELDING', hours: 26.75 }]), []],
    ['hours beyond those offered are refused', absence('2020-03-09', '2020-03-13', [{ typeCode: 'EIGENMELDING', hours: 27 }]), ['ABSENCE_HOURS_EXCEED@rows']],
    ['an unknown absence type is refused', absence('2020-03-09', '2020-03-13', [{ typeCode: 'SYK', days: 1 }]), ['ABSENCE_TYPE_UNKNOWN@rows.0.typeCode']],
    ['a period overlapping granted leave is refused', absence('2020-02-07', '2020-02-10', [{ typeCode: 'EIGENMELDING', days: 1 }]), ['ABSENCE_OVERLAPS_LEAVE@fromDate']],
    ['a period overlapping registered holidays is refused', absence('2020-02-21', '2020-02-24', [{ typeCode: 'EIGENMELDING', days: 1 }]), ['ABSENCE_OVERLAPS_HOLIDAY@fromDate']],
    ['absence in the future is refused (R8.3)', absence('2020-03-16', '2020-03-17', [{ typeCode: 'EIGENMELDING', days: 1 }]), ['EVENT_DATE_IN_FUTURE@toDate']],
  ])('R5.5 %s', (_name, command, expected) => {
    expect(errors(checkCommand(command, s, context()))).toEqual(expected)
  })

  test.each([
    ['3 days in Christmas week 23–27 Dec 2019 (25 and 26 are holidays) are accepted', 3, []],
    ['4 days in Christmas week 23–27 Dec 2019 are refused', 4, ['ABSENCE_DAYS_EXCEED@rows']],
  ])('R5.5 %s', (_name, days, expected) => {
    const r = checkCommand(absence('2019-12-23', '2019-12-27', [{ typeCode: 'EIGENMELDING', days }]), s, ETTER)
    expect(errors(r)).toEqual(expected)
  })

  test.each([
    ['"other missing offer" needs a reason', { typeCode: 'ANNA_MANGLANDE_TILBOD' }, ['REASON_REQUIRED@reason']],
    ['"other missing offer" with a reason is accepted', { typeCode: 'ANNA_MANGLANDE_TILBOD', reason: 'Ingen barnehageplass' }, []],
    ['missing childcare needs no reason', { typeCode: 'MANGLANDE_BARNEPASS' }, []],
  ])('R5.5 / D8.3 parental-leave absence: %s', (_name, extra, expected) => {
    const c = cmd('intro.registerParentalLeaveAbsence', { id: 'x1', personId: 'p1', fromDate: '2020-03-02', toDate: '2020-03-06', ...extra })
    expect(errors(checkCommand(c, s, context()))).toEqual(expected)
  })
})

describe('R5.6 ending', () => {
  const end = (extra: Record<string, unknown>) =>
    cmd('intro.registerEnding', { id: 'e1', personId: 'p1', endDate: '2020-03-13', reasonCode: 'ARBEID', hoursPerWeek: 37.5, ...extra })
  const ended = withReg({ endings: [{ id: 'e0', personId: 'p1', endDate: '2020-03-06', reasonCode: 'UTDANNING' }] })
  test.each([
    ['work with hours per week is accepted', withReg({}), end({}), []],
    ['work up to 75 hours per week is accepted', withReg({}), end({ hoursPerWeek: 75 }), []],
    ['work needs hours per week', withReg({}), end({ hoursPerWeek: null }), ['REQUIRED@hoursPerWeek']],
    ['work above 75 hours per week is refused', withReg({}), end({ hoursPerWeek: 75.25 }), ['WORK_HOURS_RANGE@hoursPerWeek']],
    ['the end date may not be after today', withReg({}), end({ endDate: '2020-03-17' }), ['EVENT_DATE_IN_FUTURE@endDate']],
    ['the system value IKKJE_REGISTRERT is refused', withReg({}), end({ reasonCode: 'IKKJE_REGISTRERT' }), ['END_REASON_UNKNOWN@reasonCode']],
    ['PERMANENT_STANS needs a granted permanent stop', withReg({}), end({ reasonCode: 'PERMANENT_STANS' }), ['ENDING_NEEDS_PERMANENT_STOP@reasonCode']],
    ['a second ending is refused', ended, end({}), ['ALREADY_ENDED@endDate']],
    ['re-saving the same ending edits it', ended, end({ id: 'e0' }), []],
    ['no granted programme → NO_GRANTED_DECISION', snapshot({ decisions: [] }), end({}), ['NO_GRANTED_DECISION@endDate']],
    ['after an ending no absence past its end date', ended, absence('2020-03-09', '2020-03-13', [{ typeCode: 'EIGENMELDING', days: 1 }]), ['ABSENCE_AFTER_ENDING@toDate']],
  ])('R5.6 %s', (_name, s, command, expected) => {
    expect(errors(checkCommand(command, s, context()))).toEqual(expected)
  })

  test('R5.6 an end date before the programme start is refused', () => {
    expect(errors(checkCommand(end({ endDate: '2019-09-01' }), withReg({}), ETTER))).toEqual(['ENDING_BEFORE_START@endDate'])
  })
})

describe('R5.7 leave overlap', () => {
  // Granted leaves already held: intro 3–7 Feb 2020 (`leave` above), norsk 2–13 Mar 2020.
  const NORSK_LEAVE = decision({ id: 'nl1', type: 'NORSK_PERMISJON', decisionDate: '2020-02-20', startDate: '2020-03-02', endDate: '2020-03-13', leaveType: 'VELFERD' })
  const held = withReg({ decisions: [INTRO_GRANTED, NORSK_GRANTED, leave, NORSK_LEAVE] })
  const introLeave = (startDate: string, endDate: string, extra: Partial<Decision> = {}) =>
    cmd('decision.register', {
      id: 'new-leave',
      personId: 'p1',
      scheme: 'intro',
      type: 'INTRO_PERMISJON',
      result: 'innvilga',
      decisionDate: '2020-03-10',
      startDate,
      endDate,
      leaveType: 'VELFERD',
      leaveUnit: 'kalenderdagar',
      ...extra,
    })
  const norskLeave = (startDate: string, endDate: string) =>
    cmd('decision.register', {
      id: 'new-nleave',
      personId: 'p1',
      scheme: 'norsk',
      type: 'NORSK_PERMISJON',
      result: 'innvilga',
      decisionDate: '2020-03-10',
      startDate,
      endDate,
      leaveType: 'VELFERD',
    })
  const valuesOf = (r: ReturnType<typeof checkCommand>) => r.errors.find((e) => e.code === 'LEAVE_OVERLAP')?.values
  test.each([
    ['an intro leave overlapping the granted intro leave by one day is refused', introLeave('2020-02-07', '2020-02-14'), ['LEAVE_OVERLAP@startDate']],
    ['an intro leave inside the granted intro leave is refused', introLeave('2020-02-04', '2020-02-05'), ['LEAVE_OVERLAP@startDate']],
    ['an intro leave around the granted intro leave is refused', introLeave('2020-02-01', '2020-02-20'), ['LEAVE_OVERLAP@startDate']],
    ['an intro leave starting the day after the granted one ends is accepted', introLeave('2020-02-08', '2020-02-14'), []],
    ['an intro leave ending the day before the granted one starts is accepted', introLeave('2020-01-27', '2020-02-02'), []],
    [
      'a refused intro leave over the granted one is accepted (only granted leaves clash)',
      introLeave('2020-02-03', '2020-02-07', { result: 'avslag', reasonText: 'Ikkje dokumentert' }),
      [],
    ],
    ['editing the granted leave itself (same id) is not an overlap with itself', introLeave('2020-02-03', '2020-02-10', { id: leave.id }), []],
    ['an intro leave over the norsk leave is accepted (another scheme)', introLeave('2020-03-02', '2020-03-06'), []],
    ['a norsk leave overlapping the granted norsk leave is refused', norskLeave('2020-03-13', '2020-03-16'), ['LEAVE_OVERLAP@startDate']],
    ['a norsk leave over the intro leave is accepted (another scheme)', norskLeave('2020-02-03', '2020-02-07'), []],
  ])('R5.7 %s', (_name, command, expected) => {
    expect(errors(checkCommand(command, held, context(['kommuneintro', 'kommunenorsk', 'kommuneetterregistrering'])))).toEqual(expected)
  })

  test('R5.7 the refusal names the other leave by its dates', () => {
    expect(valuesOf(checkCommand(introLeave('2020-02-06', '2020-02-12'), held, ETTER))).toEqual({ from: '2020-02-03', to: '2020-02-07' })
  })
})
