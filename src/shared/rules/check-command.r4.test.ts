import { describe, expect, test } from 'vitest'
import type { DecisionCommandPayload } from '../domain/command'
import type { Decision } from '../domain/registrations'
import { checkCommand, offeredDecisionTypes } from './check-command'
import { cmd, context, decision, emptyRegistrations, INTRO_GRANTED, NORSK_GRANTED, snapshot, TODAY } from './check-command.fixture'

const fresh = () => snapshot({ decisions: [] })
const stop = decision({ type: 'INTRO_MIDLERTIDIG_STANS', decisionDate: '2020-03-01', startDate: '2020-03-01', endDate: '2020-04-30' })
const refusedIntro = decision({ type: 'INTRO_PROGRAM', result: 'avslag', reasonText: 'Ønskjer ikkje', decisionDate: '2020-02-01' })
const ending = { id: 'e1', personId: 'p1', endDate: '2020-03-01', reasonCode: 'ARBEID', hoursPerWeek: 37.5 }
const futureNorsk = decision({ type: 'NORSK_RETT_OG_PLIKT', decisionDate: '2020-03-01', startDate: '2020-04-01', hours: 600 })

describe('R4 decision types offered by status', () => {
  const INTRO_DELTAR = ['INTRO_PERMISJON', 'INTRO_UTVIDA_DELTAKING', 'INTRO_MIDLERTIDIG_STANS', 'INTRO_PERMANENT_STANS']
  const FRITAK = ['NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE']
  test.each([
    ['intro kategori_berekna offers the programme only', fresh(), 'intro', ['INTRO_PROGRAM']],
    ['intro deltar offers leave, extension and stops', snapshot(), 'intro', INTRO_DELTAR],
    ['intro stansa offers the permanent stop only', snapshot({ decisions: [INTRO_GRANTED, stop] }), 'intro', ['INTRO_PERMANENT_STANS']],
    ['intro avslag offers the programme again', snapshot({ decisions: [refusedIntro] }), 'intro', ['INTRO_PROGRAM']],
    ['intro avslutta offers nothing', snapshot({ endings: [ending] }), 'intro', []],
    ['norsk kategori_berekna offers the category\u2019s base type, exemptions and postponement', fresh(), 'norsk', ['NORSK_RETT_OG_PLIKT', ...FRITAK, 'NORSK_UTSETT_OPPSTART']],
    ['norsk vedtak_fatta offers exemptions and postponement', snapshot({ decisions: [futureNorsk] }), 'norsk', [...FRITAK, 'NORSK_UTSETT_OPPSTART']],
    ['norsk deltar offers needs-based, exemptions and leave', snapshot(), 'norsk', ['NORSK_BEHOVSPROVD', ...FRITAK, 'NORSK_PERMISJON']],
  ] as const)('R4 %s', (_name, s, scheme, expected) => {
    expect(offeredDecisionTypes(s, scheme, TODAY)).toEqual(expected)
  })

  test('R4 plikt offers NORSK_PLIKT, never needs-based', () => {
    const plikt = snapshot({ decisions: [] }, { permits: [{ groundCode: 'ARBEID', validFrom: '2019-06-01', validTo: null, grantedDate: '2019-06-01' }] })
    expect(offeredDecisionTypes(plikt, 'norsk', TODAY)[0]).toBe('NORSK_PLIKT')
    const granted = { ...plikt, registrations: { ...plikt.registrations, decisions: [decision({ type: 'NORSK_PLIKT', startDate: '2019-09-02', hours: 300 })] } }
    expect(offeredDecisionTypes(granted, 'norsk', TODAY)).not.toContain('NORSK_BEHOVSPROVD')
  })

  test('R4 the social-studies exemption needs a permit granted from 2016', () => {
    const old = snapshot({}, { permits: [{ groundCode: 'UTL28', validFrom: '2015-06-01', validTo: null, grantedDate: '2015-06-01' }] })
    const offered = offeredDecisionTypes(old, 'norsk', TODAY)
    expect(offered).toContain('NORSK_FRITAK_NORSK')
    expect(offered).not.toContain('NORSK_FRITAK_SAMFUNN')
  })

  test('R4 a person without any category is offered nothing', () => {
    const none = snapshot({ ...emptyRegistrations() }, { permits: [] })
    expect([offeredDecisionTypes(none, 'intro', TODAY), offeredDecisionTypes(none, 'norsk', TODAY)]).toEqual([[], []])
  })
})

const reg = (d: Partial<DecisionCommandPayload> & Pick<Decision, 'type'>) => cmd('decision.register', { ...decision({ decisionDate: TODAY, ...d }), ...d })
const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)
const ETTER = context(['kommuneintro', 'kommunenorsk', 'kommuneetterregistrering'])

describe('R4 registerDecision', () => {
  test.each([
    ['a granted programme with a start is accepted', fresh(), reg({ type: 'INTRO_PROGRAM', startDate: '2020-04-01' }), []],
    ['a programme is not offered while the person takes part', snapshot(), reg({ type: 'INTRO_PROGRAM', startDate: '2020-04-01' }), ['DECISION_TYPE_NOT_OFFERED@type']],
    ['a granted programme needs a start date', fresh(), reg({ type: 'INTRO_PROGRAM' }), ['REQUIRED@startDate']],
    ['a refusal needs a reason', fresh(), reg({ type: 'INTRO_PROGRAM', result: 'avslag' }), ['REFUSAL_REASON_REQUIRED@reasonText']],
    ['a refusal with a reason code needs no start', fresh(), reg({ type: 'INTRO_PROGRAM', result: 'avslag', reasonCode: 'EIGE_ONSKE' }), []],
    ['leave needs its unit', snapshot(), reg({ type: 'INTRO_PERMISJON', startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'VELFERD' }), ['REQUIRED@leaveUnit']],
    [
      'planned leave may start in the future',
      snapshot(),
      reg({ type: 'INTRO_PERMISJON', startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'VELFERD', leaveUnit: 'verkedagar' }),
      [],
    ],
    [
      'leave ending before it starts is refused',
      snapshot(),
      reg({ type: 'INTRO_PERMISJON', startDate: '2020-06-01', endDate: '2020-05-31', leaveType: 'VELFERD', leaveUnit: 'kalenderdagar' }),
      ['PERIOD_REVERSED@endDate'],
    ],
    ['extended participation accepts a free-text reason', snapshot(), reg({ type: 'INTRO_UTVIDA_DELTAKING', reasonText: 'Treng meir tid' }), []],
    ['extended participation needs a reason', snapshot(), reg({ type: 'INTRO_UTVIDA_DELTAKING' }), ['REQUIRED@reasonCode']],
    ['an exemption needs a reason code', snapshot(), reg({ type: 'NORSK_FRITAK_NORSK' }), ['REQUIRED@reasonCode']],
    [
      'the decision date may not be in the future',
      fresh(),
      reg({ type: 'INTRO_PROGRAM', startDate: '2020-04-01', decisionDate: '2020-03-17' }),
      ['EVENT_DATE_IN_FUTURE@decisionDate'],
    ],
    [
      'the type must belong to the scheme',
      fresh(),
      reg({ type: 'INTRO_PROGRAM', scheme: 'norsk', startDate: '2020-04-01' }),
      ['DECISION_TYPE_NOT_OFFERED@type', 'DECISION_SCHEME_MISMATCH@type'],
    ],
    ['a date that does not exist is refused', fresh(), reg({ type: 'INTRO_PROGRAM', startDate: '2020-02-30' }), ['INVALID_DATE@startDate']],
  ])('R4 %s', (_name, s, command, expected) => {
    expect(errors(checkCommand(command, s, context()))).toEqual(expected)
  })

  test('R4 re-saving a saved decision (same id) is judged without its earlier version', () => {
    const edit = cmd('decision.register', { ...INTRO_GRANTED, startDate: '2019-09-09' })
    expect(checkCommand(edit, snapshot(), ETTER).errors).toEqual([])
  })
})

describe('R4 / R6.3 needs-based hours and R4 temporary stop length', () => {
  const needs = (hours: number, already = 0) => {
    const granted = already ? [decision({ type: 'NORSK_BEHOVSPROVD', hours: already, startDate: '2020-01-01', decisionDate: '2020-01-01' })] : []
    const s = snapshot({ decisions: [INTRO_GRANTED, NORSK_GRANTED, ...granted] })
    return errors(checkCommand(reg({ type: 'NORSK_BEHOVSPROVD', hours, startDate: '2020-04-01' }), s, context()))
  }
  test.each([
    ['1 hour is the least', 1, 0, []],
    ['0 hours is refused', 0, 0, ['NEEDS_BASED_HOURS_RANGE@hours']],
    ['2400 hours is the most', 2400, 0, []],
    ['2401 hours is refused', 2401, 0, ['NEEDS_BASED_HOURS_RANGE@hours']],
    ['hours already granted count against 2400 (400 left)', 400, 2000, []],
    ['hours already granted count against 2400 (401 too many)', 401, 2000, ['NEEDS_BASED_HOURS_RANGE@hours']],
  ])('R6.3 %s', (_name, hours, already, expected) => {
    expect(needs(hours, already)).toEqual(expected)
  })

  test.each([
    ['exactly three months (16 Mar – 15 Jun) is allowed', '2020-03-16', '2020-06-15', []],
    ['three months and a day is refused', '2020-03-16', '2020-06-16', ['TEMPORARY_STOP_TOO_LONG@endDate']],
    ['over the year end: 1 Dec – 28 Feb is allowed', '2020-12-01', '2021-02-28', []],
  ])('R4 temporary stop: %s', (_name, startDate, endDate, expected) => {
    expect(errors(checkCommand(reg({ type: 'INTRO_MIDLERTIDIG_STANS', startDate, endDate }), snapshot(), context()))).toEqual(expected)
  })
})

describe('R4 / R5.6 permanent stop opens the ending in the same save', () => {
  const endNow = { id: 'e9', personId: 'p1', endDate: TODAY, reasonCode: 'PERMANENT_STANS' }
  test.each([
    ['a permanent stop without its ending is refused', {}, ['PERMANENT_STOP_NEEDS_ENDING@ending']],
    ['a permanent stop with its ending is accepted', { ending: endNow }, []],
    ['the ending is checked by R5.6 under ending.*', { ending: { ...endNow, reasonCode: 'ARBEID' } }, ['REQUIRED@ending.hoursPerWeek']],
    ['the ending may not be in the future', { ending: { ...endNow, endDate: '2020-03-17' } }, ['EVENT_DATE_IN_FUTURE@ending.endDate']],
  ])('R5.6 %s', (_name, extra, expected) => {
    expect(errors(checkCommand(reg({ type: 'INTRO_PERMANENT_STANS', ...extra }), snapshot(), context()))).toEqual(expected)
  })
})
