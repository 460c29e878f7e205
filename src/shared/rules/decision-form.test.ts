import { describe, expect, test } from 'vitest'
import { norskDecisionTypes, type Decision, type DecisionType } from '../domain/registrations'
import { checkCommand } from './check-command'
import { cmd, context, decision, snapshot, TODAY } from './check-command.fixture'
import { automaticDecisionHours, decisionFieldStates, decisionFormFields, type DecisionFormField } from './decision-form'
import { evaluatePerson } from './evaluate'
import { offeredDecisionTypesOf, offeredDecisionTypes } from './command-decision'

const required = (type: DecisionType, result: Decision['result']) => decisionFormFields.filter((f) => decisionFieldStates(type, result)[f] === 'required').sort()

describe('R4 decision dialog fields by type and result', () => {
  test.each([
    [
      'R4 a granted right-and-duty decision needs its start; hours are automatic',
      'NORSK_RETT_OG_PLIKT',
      'innvilga',
      ['startDate'],
      { hours: 'auto', endDate: 'optional', leaveType: 'off' },
    ],
    ['R4 a refused right-and-duty decision needs a reason and has no start or hours', 'NORSK_RETT_OG_PLIKT', 'avslag', ['reasonText'], { startDate: 'off', hours: 'off' }],
    ['R4/R6.3 needs-based training needs hours and a start', 'NORSK_BEHOVSPROVD', 'innvilga', ['hours', 'startDate'], { endDate: 'optional' }],
    ['R4 an exemption needs a reason code, has no dates', 'NORSK_FRITAK_NORSK', 'innvilga', ['reasonCode'], { startDate: 'off', hours: 'off', reasonText: 'optional' }],
    ['R4 a postponed start needs start, end and a reason code', 'NORSK_UTSETT_OPPSTART', 'innvilga', ['endDate', 'reasonCode', 'startDate'], { hours: 'off' }],
    ['R4 leave needs start, end and leave type', 'NORSK_PERMISJON', 'innvilga', ['endDate', 'leaveType', 'startDate'], { hours: 'off', leaveUnit: 'off' }],
    ['R4 intro leave also needs its unit', 'INTRO_PERMISJON', 'innvilga', ['endDate', 'leaveType', 'leaveUnit', 'startDate'], {}],
    ['R4 extended participation needs a reason as text', 'INTRO_UTVIDA_DELTAKING', 'innvilga', ['reasonText'], {}],
  ] as const)('%s', (_name, type, result, expected, others) => {
    expect(required(type, result)).toEqual(expected)
    for (const [field, state] of Object.entries(others)) expect(decisionFieldStates(type, result)[field as DecisionFormField]).toBe(state)
  })
})

/** Field errors of the check on a norsk decision with only `fields` filled. */
function fieldErrors(type: DecisionType, result: Decision['result'], fields: readonly DecisionFormField[]): string[] {
  const values: Partial<Decision> = {
    startDate: '2020-03-02',
    endDate: '2020-03-13',
    hours: 10,
    reasonCode: 'KUNNSKAP_NORSK',
    reasonText: 'Grunn',
    leaveType: 'NORSK_VELFERD',
    leaveUnit: 'kalenderdagar',
  }
  const d = decision({ type, result, decisionDate: TODAY, ...Object.fromEntries(fields.map((f) => [f, values[f]])) })
  const r = checkCommand(cmd('decision.register', d), snapshot(), context())
  return r.errors.filter((e) => e.code === 'REQUIRED' || e.code === 'REFUSAL_REASON_REQUIRED').map((e) => e.field ?? '')
}

describe('R4 the starred fields are exactly the ones the check refuses without', () => {
  const cases = norskDecisionTypes.flatMap((type) => (['innvilga', 'avslag'] as const).map((result) => [type, result] as const))
  test.each(cases)('R4 %s %s: all starred filled passes, each one left out is refused at that field', (type, result) => {
    const star = required(type, result)
    expect(fieldErrors(type, result, star)).toEqual([])
    for (const left of star)
      expect(
        fieldErrors(
          type,
          result,
          star.filter((f) => f !== left),
        ),
      ).toContain(left)
  })
})

describe('R4 offered types from an evaluation already computed', () => {
  test.each([
    ['R4 deltar (granted right and duty)', snapshot()],
    ['R4 kategori_berekna (no decision)', snapshot({ decisions: [] })],
  ])('%s: the same types as evaluating afresh', (_name, s) => {
    expect(offeredDecisionTypesOf(s, 'norsk', evaluatePerson(s, TODAY))).toEqual(offeredDecisionTypes(s, 'norsk', TODAY))
  })
})

describe('R3.4 automatic hours of a category decision', () => {
  const ev = evaluatePerson(snapshot({ decisions: [] }), TODAY)
  const total = ev.categories.find((c) => c.scheme === 'norsk')?.hours?.total
  test.each([
    ['R3.4 right and duty takes the category total', 'NORSK_RETT_OG_PLIKT', total],
    ['R3.4 needs-based has no automatic hours', 'NORSK_BEHOVSPROVD', null],
    ['R3.4 an exemption has no hours', 'NORSK_FRITAK_NORSK', null],
  ] as const)('%s', (_name, type, expected) => {
    expect(total).toBeGreaterThan(0)
    expect(automaticDecisionHours(type, ev)).toBe(expected)
  })
  test('R3.4 without a Norwegian category there are no automatic hours', () => {
    expect(automaticDecisionHours('NORSK_RETT_OG_PLIKT', evaluatePerson(snapshot({ decisions: [] }, { permits: [] }), TODAY))).toBeNull()
  })
})

describe('R12.3.1 decision dialog fields by regime', () => {
  const states = (type: DecisionType, result: Decision['result'], regime: 'INTRO_2003' | 'INTEGRERING_2021' | 'INT_6A' | null) => {
    const s = decisionFieldStates(type, result, regime)
    return { durationMonths: s.durationMonths, extensionMonths: s.extensionMonths, hours: s.hours }
  }
  test.each([
    [
      'R12.3.1 2021: a granted programme requires its decided months',
      'INTRO_PROGRAM',
      'innvilga',
      'INTEGRERING_2021',
      { durationMonths: 'required', extensionMonths: 'off', hours: 'off' },
    ],
    ['R12.3.1 6A: the same as 2021', 'INTRO_PROGRAM', 'innvilga', 'INT_6A', { durationMonths: 'required', extensionMonths: 'off', hours: 'off' }],
    ['R12.3.1 2021: a refused programme decides no months', 'INTRO_PROGRAM', 'avslag', 'INTEGRERING_2021', { durationMonths: 'off', extensionMonths: 'off', hours: 'off' }],
    [
      'R12.3.1 2021: a granted extension requires its months',
      'INTRO_UTVIDA_DELTAKING',
      'innvilga',
      'INTEGRERING_2021',
      { durationMonths: 'off', extensionMonths: 'required', hours: 'off' },
    ],
    ['R12.3.1 2021: leave has no months', 'INTRO_PERMISJON', 'innvilga', 'INTEGRERING_2021', { durationMonths: 'off', extensionMonths: 'off', hours: 'off' }],
    [
      'R12.3.1 2021: a Norwegian category decision has no hours (not automatic)',
      'NORSK_RETT_OG_PLIKT',
      'innvilga',
      'INTEGRERING_2021',
      { durationMonths: 'off', extensionMonths: 'off', hours: 'off' },
    ],
    [
      'R12.0.5 2003: no months on a programme; hours automatic as before',
      'NORSK_RETT_OG_PLIKT',
      'innvilga',
      'INTRO_2003',
      { durationMonths: 'off', extensionMonths: 'off', hours: 'auto' },
    ],
    ['R12.0.5 2003: a programme has no months', 'INTRO_PROGRAM', 'innvilga', 'INTRO_2003', { durationMonths: 'off', extensionMonths: 'off', hours: 'off' }],
    [
      'R12.0.5 no regime given reads as 2003 (needs-based hours required)',
      'NORSK_BEHOVSPROVD',
      'innvilga',
      null,
      { durationMonths: 'off', extensionMonths: 'off', hours: 'required' },
    ],
  ] as const)('%s', (_name, type, result, regime, expected) => {
    expect(states(type, result, regime)).toEqual(expected)
  })

  test('R12.0.5 / R3.4 a person under the 2021 act gets no automatic hours', () => {
    const s = snapshot(
      { decisions: [] },
      {
        permits: [{ groundCode: 'UTL28', validFrom: '2024-02-01', validTo: null, grantedDate: '2024-02-01' }],
        settlements: [{ date: '2024-04-15', municipality: '0301', byAgreement: true }],
      },
    )
    const ev = evaluatePerson(s, '2024-06-10')
    expect(ev.regime.introNorsk.regime).toBe('INTEGRERING_2021')
    expect(ev.categories.some((c) => c.scheme === 'norsk')).toBe(true)
    expect(automaticDecisionHours('NORSK_RETT_OG_PLIKT', ev)).toBeNull()
  })
})
