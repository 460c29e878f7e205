import { describe, expect, test } from 'vitest'
import type { WeeklyParticipation } from '../domain/registrations'
import { cmd, decision, PERSON_ID, snapshot } from './check-command.fixture'
import { commandEffects, commandSpec, commandSpecs } from './command-specs'
import { effectRef, refKey } from './effects'

/** The rows each command writes (A4): the device and the register apply exactly these. */

const week = (w: Partial<WeeklyParticipation> = {}): WeeklyParticipation => ({
  id: 'w-new',
  personId: PERSON_ID,
  isoYear: 2020,
  isoWeek: 10,
  norskHours: 6,
  samfunnHours: 2,
  absenceHours: 0,
  ...w,
})
const registered = week({ id: 'w-old', norskHours: 4 })

describe('R6.4 norsk.saveWeeklyParticipation: one row per person and ISO week', () => {
  test('R6.4 saving an unregistered week writes the row under its own id', () => {
    expect(commandEffects(cmd('norsk.saveWeeklyParticipation', week()), snapshot())).toEqual([{ entity: 'weeklyParticipation', op: 'upsert', row: week() }])
  })

  test('R6.4 saving a week that is already registered edits that row: same id, new hours', () => {
    const s = snapshot({ weeklyParticipation: [registered] })
    expect(commandEffects(cmd('norsk.saveWeeklyParticipation', week()), s)).toEqual([{ entity: 'weeklyParticipation', op: 'upsert', row: week({ id: 'w-old' }) }])
  })

  test('R6.4 editing a row by its id keeps the id', () => {
    const s = snapshot({ weeklyParticipation: [registered] })
    expect(commandEffects(cmd('norsk.saveWeeklyParticipation', week({ id: 'w-old', norskHours: 8 })), s)).toEqual([
      { entity: 'weeklyParticipation', op: 'upsert', row: week({ id: 'w-old', norskHours: 8 }) },
    ])
  })

  test('R6.4 the same week of another year is another row', () => {
    const s = snapshot({ weeklyParticipation: [week({ id: 'w-2019', isoYear: 2019 })] })
    expect(commandEffects(cmd('norsk.saveWeeklyParticipation', week()), s)).toEqual([{ entity: 'weeklyParticipation', op: 'upsert', row: week() }])
  })

  test('R6.4 deleting a week is a tombstone, not a removal', () => {
    const s = snapshot({ weeklyParticipation: [registered] })
    expect(commandEffects(cmd('norsk.deleteWeeklyParticipation', { id: 'w-old', personId: PERSON_ID }), s)).toEqual([{ entity: 'weeklyParticipation', op: 'delete', id: 'w-old' }])
  })
})

describe('R7.2 asylnorsk.saveWeeklyParticipation: one row per person, kind and ISO week', () => {
  const row = { id: 'a-new', personId: PERSON_ID, isoYear: 2020, isoWeek: 10, kind: 'ASYLNORSK' as const, hours: 5 }

  test('R7.2 a registered week of the same kind is edited under its id', () => {
    const s = snapshot({ asylnorsk: [{ ...row, id: 'a-old', hours: 2 }] })
    expect(commandEffects(cmd('asylnorsk.saveWeeklyParticipation', row), s)).toEqual([{ entity: 'asylnorskParticipation', op: 'upsert', row: { ...row, id: 'a-old' } }])
  })

  test('R7.2 the same week of the other kind is a row of its own', () => {
    const s = snapshot({ asylnorsk: [{ ...row, id: 'a-nknv', kind: 'NKNV' }] })
    expect(commandEffects(cmd('asylnorsk.saveWeeklyParticipation', row), s)).toEqual([{ entity: 'asylnorskParticipation', op: 'upsert', row }])
  })
})

describe('R4 decision.register: every decision is a row of its own', () => {
  test('R4 a decision writes one decision row; an earlier decision is left as history', () => {
    const d = decision({ id: 'd-new', type: 'NORSK_PERMISJON', startDate: '2020-01-01', endDate: '2020-02-01', leaveType: 'SJUKDOM' })
    expect(commandEffects(cmd('decision.register', d), snapshot())).toEqual([{ entity: 'decision', op: 'upsert', row: d }])
  })

  test('R5.6 a permanent stop writes its ending in the same command', () => {
    const d = decision({ id: 'd-stop', type: 'INTRO_PERMANENT_STANS', decisionDate: '2020-03-01' })
    const ending = { id: 'e1', personId: PERSON_ID, endDate: '2020-03-01', reasonCode: 'FLYTTA', hoursPerWeek: null }
    expect(commandEffects(cmd('decision.register', { ...d, ending }), snapshot())).toEqual([
      { entity: 'decision', op: 'upsert', row: d },
      { entity: 'ending', op: 'upsert', row: ending },
    ])
  })
})

describe('D6 contacts, claims and language tracks are written as given', () => {
  test.each([
    ['contact.register', 'contact', { id: 'c1', personId: PERSON_ID, scheme: 'norsk', date: '2020-03-01' }],
    ['claim.register', 'claim', { id: 'k1', personId: PERSON_ID, scheme: 'norsk', date: '2020-03-01', kind: 'NORSKOPPLAERING' }],
    ['norsk.registerLanguageTrack', 'languageTrack', { id: 't1', personId: PERSON_ID, date: '2020-03-01', motherTongue: 'tir', language1: 'tir', language2: null, track: '2' }],
  ] as const)('%s upserts one %s row', (type, entity, payload) => {
    expect(commandEffects(cmd(type, payload as never), snapshot())).toEqual([{ entity, op: 'upsert', row: payload }])
  })
})

describe('R7.1 asylnorsk.registerOffer is a command on the municipality', () => {
  test('R7.1 the offer is written without a person snapshot', () => {
    const offer = { id: 'o1', municipality: '0301', year: 2020, kind: 'ASYLNORSK' as const, fromDate: '2020-01-01', toDate: '2020-12-31' }
    expect(commandEffects(cmd('asylnorsk.registerOffer', offer), null)).toEqual([{ entity: 'asylnorskOffer', op: 'upsert', row: offer }])
  })
})

describe('D8.3 intro records', () => {
  test('D8.3 deleting a replacement tombstones the replacement, deleting a measure the measure', () => {
    const rep = { id: 'r1', personId: PERSON_ID, fromDate: '2020-01-01', toDate: '2020-01-31', replacesMeasureIds: ['m1'], groupCode: 'G', measureCode: 'M', hoursPerWeek: 10 }
    const s = snapshot({ replacements: [rep] })
    expect(commandEffects(cmd('intro.deleteMeasure', { id: 'r1', personId: PERSON_ID }), s)).toEqual([{ entity: 'replacement', op: 'delete', id: 'r1' }])
    expect(commandEffects(cmd('intro.deleteMeasure', { id: 'm1', personId: PERSON_ID }), s)).toEqual([{ entity: 'measure', op: 'delete', id: 'm1' }])
  })
})

describe('A4 outbox bookkeeping from effects', () => {
  test('A4 entity refs name the row each effect touches; base-version keys are entity:id', () => {
    const refs = commandEffects(cmd('norsk.saveWeeklyParticipation', week()), snapshot({ weeklyParticipation: [registered] })).map(effectRef)
    expect(refs).toEqual([{ entity: 'weeklyParticipation', id: 'w-old' }])
    expect(refs.map(refKey)).toEqual(['weeklyParticipation:w-old'])
  })

  test('A4 the natural key of a week names person and ISO week; records that may repeat have none', () => {
    expect(commandSpecs['norsk.saveWeeklyParticipation'].naturalKey(week({ isoWeek: 7 }))).toBe(`week:${PERSON_ID}:2020-W07`)
    expect(commandSpec('contact.register').naturalKey({ id: 'c', personId: PERSON_ID, scheme: 'norsk', date: '2020-01-01' })).toBeNull()
  })
})
