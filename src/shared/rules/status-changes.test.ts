import { describe, expect, test } from 'vitest'
import { addDays, type IsoDate } from '../calendar'
import type { Decision, Ending, PersonSnapshot } from '../domain'
import { decision, NORSK_GRANTED, PERSON_ID, snapshot } from './check-command.fixture'
import { evaluatePerson } from './evaluate'
import { statusChangesOn } from './status-changes'

/**
 * Issue 8 point 6: `statusChangesOn` is the first day after `today` on which the statuses
 * (R4) change with no new data. Checked day by day against `evaluatePerson` itself: at
 * `statusChangesOn` a status differs from today's, and on no day in between does one.
 */
const statuses = (s: PersonSnapshot, day: IsoDate) => {
  const e = evaluatePerson(s, day).schemes
  return { intro: e.intro.status, norsk: e.norsk.status, asylnorsk: e.asylnorsk.status }
}

const ending = (endDate: IsoDate): Ending => ({ id: 'e1', personId: PERSON_ID, endDate, reasonCode: 'ARBEID', hoursPerWeek: 30 })

/** A programme granted to start later, a month's leave, an ending; Norwegian granted from 2019 (unchanged throughout). */
function person(extra: Decision[] = []): PersonSnapshot {
  return snapshot({
    decisions: [
      NORSK_GRANTED,
      decision({ type: 'INTRO_PROGRAM', decisionDate: '2020-02-03', startDate: '2020-03-02' }),
      decision({ type: 'INTRO_PERMISJON', decisionDate: '2020-05-15', startDate: '2020-06-01', endDate: '2020-06-30', leaveType: 'FODSEL', leaveUnit: 'kalenderdagar' }),
      ...extra,
    ],
    endings: [ending('2020-09-15')],
  })
}

/** Walks from `from` by `statusChangesOn`, checking every day on the way; returns each change as [day, intro status]. */
function walk(s: PersonSnapshot, from: IsoDate): [IsoDate, string][] {
  const changes: [IsoDate, string][] = []
  let day = from
  for (let next = statusChangesOn(s, day); next !== null; next = statusChangesOn(s, day)) {
    const before = statuses(s, day)
    for (let d = addDays(day, 1); d < next; d = addDays(d, 1)) expect(statuses(s, d), `${d} lies before ${next}`).toEqual(before)
    expect(statuses(s, next), `${next} changes a status`).not.toEqual(before)
    changes.push([next, statuses(s, next).intro])
    day = next
  }
  // null: no status changes for a long while after the last change
  for (let d = addDays(day, 1); d <= addDays(day, 400); d = addDays(d, 30)) expect(statuses(s, d)).toEqual(statuses(s, day))
  return changes
}

describe('statusChangesOn (issue 8 point 6, R4)', () => {
  test('R4 future start, leave and ending: each change comes on its day — start, leave begins, leave over, ending — and nothing between', () => {
    expect(statuses(person(), '2020-01-15').intro).toBe('vedtak_fatta')
    expect(walk(person(), '2020-01-15')).toEqual([
      ['2020-03-02', 'deltar'],
      ['2020-06-01', 'permisjon'],
      ['2020-07-01', 'deltar'],
      ['2020-09-15', 'avslutta'],
    ])
  })

  test.each([
    ['the leave decision’s own date (granted ahead of the leave) changes nothing', '2020-05-01', [], '2020-06-01'],
    [
      'a temporary stop after the ending changes nothing: the ending comes first and holds',
      '2020-08-01',
      [decision({ type: 'INTRO_MIDLERTIDIG_STANS', decisionDate: '2020-08-03', startDate: '2020-10-01', endDate: '2020-10-31' })],
      '2020-09-15',
    ],
    [
      'a permanent stop counts from its decision date (R4), before the ending',
      '2020-07-15',
      [decision({ type: 'INTRO_PERMANENT_STANS', decisionDate: '2020-08-20' })],
      '2020-08-20',
    ],
    ['on the ending day itself the next change is none', '2020-09-15', [], null],
    [
      'a stop running into a leave gives stansa then permisjon',
      '2020-05-20',
      [decision({ type: 'INTRO_MIDLERTIDIG_STANS', decisionDate: '2020-05-10', startDate: '2020-05-25', endDate: '2020-05-31' })],
      '2020-05-25',
    ],
  ] as const)('R4 %s', (_name, today, extra, expected) => {
    const s = person([...extra])
    expect(statusChangesOn(s, today)).toBe(expected)
    if (expected) expect(statuses(s, expected)).not.toEqual(statuses(s, today))
  })

  test('R4 without decisions or endings no registered date changes a status: null', () => {
    expect(statusChangesOn(snapshot({ decisions: [] }), '2020-01-15')).toBeNull()
  })
})
