import { describe, expect, test } from 'vitest'
import type { Reason, SyncProblem } from '../../../shared/api'
import type { CommandType } from '../../../shared/domain'
import { compareRows, fieldRows, fixLocation, groupByPerson, int2021Kind, matchesSyncFilter, type SyncFilter } from './syncProblems'

function problem(over: Partial<SyncProblem> & Pick<SyncProblem, 'mutationId' | 'seq'>): SyncProblem {
  return {
    command: 'norsk.saveWeeklyParticipation',
    personId: 'p1',
    personName: 'Kari Hansen',
    verdict: 'rejected',
    conflictKind: null,
    payload: { id: 'w1', personId: 'p1', isoYear: 2025, isoWeek: 7, norskHours: 6, samfunnHours: 2, absenceHours: 0 },
    reasons: [],
    register: [],
    base: [],
    causeMutationId: null,
    recordedAt: '2025-02-14T10:00:00+01:00',
    decidedAt: null,
    ...over,
  }
}

describe('A4 "Rett og send på nytt" opens the screen whose dialog registers the command', () => {
  const all = () => true
  test.each<[string, CommandType, Record<string, unknown>, unknown]>([
    ['a Norwegian week on Deltaking norsk', 'norsk.saveWeeklyParticipation', {}, { name: 'person-deltaking-norsk', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['a deleted week on Deltaking norsk', 'norsk.deleteWeeklyParticipation', {}, { name: 'person-deltaking-norsk', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['a language track on Kartlegging', 'norsk.registerLanguageTrack', {}, { name: 'person-kartlegging', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['a norsk decision on Norsk', 'decision.register', { scheme: 'norsk' }, { name: 'person-norsk', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['a norsk contact on Norsk', 'contact.register', { scheme: 'norsk' }, { name: 'person-norsk', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['a norsk claim on Norsk', 'claim.register', { scheme: 'norsk' }, { name: 'person-norsk', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['an intro decision on Intro', 'decision.register', { scheme: 'intro' }, { name: 'person-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['an intro contact on Intro', 'contact.register', { scheme: 'intro' }, { name: 'person-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['an ending on Intro', 'intro.registerEnding', {}, { name: 'person-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['measures on Deltaking intro', 'intro.addMeasures', {}, { name: 'person-deltaking-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['an intro absence on Deltaking intro', 'intro.registerAbsence', {}, { name: 'person-deltaking-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['a holiday on Deltaking intro', 'intro.registerHoliday', {}, { name: 'person-deltaking-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['an asylnorsk week on Deltaking Asylnorsk', 'asylnorsk.saveWeeklyParticipation', {}, { name: 'person-asylnorsk', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    ['the yearly offer on Kommunar', 'asylnorsk.registerOffer', {}, { name: 'municipalities', query: { fix: 'm1' } }],
    [
      'R12.3.2 education background on Kartlegging',
      'int2021.register',
      { fact: { kind: 'educationBackground' } },
      { name: 'person-kartlegging', params: { personId: 'p1' }, query: { fix: 'm1' } },
    ],
    ['R12.3.2 norskmål on Kartlegging', 'int2021.register', { fact: { kind: 'norskGoal' } }, { name: 'person-kartlegging', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    [
      'R12.3.2 full-time upper secondary on Norsk',
      'int2021.register',
      { fact: { kind: 'fullTimeUpperSecondary' } },
      { name: 'person-norsk', params: { personId: 'p1' }, query: { fix: 'm1' } },
    ],
    ['R12.3.2 final goal on Intro', 'int2021.register', { fact: { kind: 'finalGoal' } }, { name: 'person-intro', params: { personId: 'p1' }, query: { fix: 'm1' } }],
    [
      'R12.3.2 the reference-person condition on Intro',
      'int2021.register',
      { fact: { kind: 'referencePersonCondition' } },
      { name: 'person-intro', params: { personId: 'p1' }, query: { fix: 'm1' } },
    ],
  ])('%s', (_, command, payload, expected) => {
    expect(fixLocation({ command, payload, personId: 'p1', mutationId: 'm1' }, all)).toEqual(expected)
  })

  test('R12.3.2 a deleted 2021 registration is fixed where its row (as it was when deleted) is registered', () => {
    const base = [{ entity: 'int2021Registration', id: 'r1', version: 1, row: { id: 'r1', fact: { kind: 'programmeElement' } } }]
    const p = { command: 'int2021.delete' as const, payload: { id: 'r1', personId: 'p1' }, personId: 'p1', mutationId: 'm1', base, register: [] }
    expect(fixLocation(p as never, all)).toEqual({ name: 'person-intro', params: { personId: 'p1' }, query: { fix: 'm1' } })
  })

  test('R12.3.2 the kind that names a 2021 registration: from its fact, or for a delete from the row it started from', () => {
    const base = [{ entity: 'int2021Registration' as const, id: 'r1', version: 1, row: { id: 'r1', fact: { kind: 'finalGoal' } } }]
    expect(int2021Kind({ command: 'int2021.register', payload: { fact: { kind: 'norskGoal' } } })).toBe('norskGoal')
    expect(int2021Kind({ command: 'int2021.delete', payload: { id: 'r1', personId: 'p1' }, base, register: [] })).toBe('finalGoal')
    expect(int2021Kind({ command: 'int2021.delete', payload: { id: 'r1', personId: 'p1' }, base: [], register: [] })).toBeUndefined()
  })

  test('no location when the screen is not in this build (the button is disabled and says why)', () => {
    expect(fixLocation({ command: 'norsk.registerLanguageTrack', payload: {}, personId: 'p1', mutationId: 'm1' }, (n) => n !== 'person-kartlegging')).toBeNull()
  })
})

describe('A4 the Sync problems list is grouped by person, dependants under their cause', () => {
  test('groups by person in the order of the work, with dependency_rejected under the rejection it follows', () => {
    const cause = problem({ mutationId: 'a', seq: 1 })
    const other = problem({ mutationId: 'b', seq: 2, personId: 'p2', personName: 'Ola Nordmann' })
    const dep = problem({ mutationId: 'c', seq: 3, verdict: 'dependency_rejected', causeMutationId: 'a' })
    const depOfDep = problem({ mutationId: 'd', seq: 4, verdict: 'dependency_rejected', causeMutationId: 'c' })
    const groups = groupByPerson([depOfDep, other, dep, cause])
    expect(groups.map((g) => [g.personId, g.nodes.map((n) => [n.problem.mutationId, n.dependents.map((d) => d.mutationId)])])).toEqual([
      ['p1', [['a', ['c', 'd']]]],
      ['p2', [['b', []]]],
    ])
  })

  test('a dependant whose cause is already resolved stands on its own', () => {
    const groups = groupByPerson([problem({ mutationId: 'c', seq: 3, verdict: 'dependency_rejected', causeMutationId: 'gone' })])
    expect(groups[0]!.nodes.map((n) => n.problem.mutationId)).toEqual(['c'])
  })

  test('the municipality offer (no person) is its own group', () => {
    const groups = groupByPerson([problem({ mutationId: 'o', seq: 1, personId: null, personName: null, command: 'asylnorsk.registerOffer' })])
    expect(groups.map((g) => g.personId)).toEqual([null])
  })
})

describe("A4 the caseworker's input field by field, the register's reason beside the field it concerns", () => {
  const payload = { id: 'w1', personId: 'p1', isoYear: 2025, isoWeek: 7, norskHours: 60, samfunnHours: 2, absenceHours: 0 }
  const r = (code: string, field?: string): Reason => ({ code, ...(field ? { field } : {}) }) as Reason
  test.each<[string, Reason[], Record<string, string[]>, string[]]>([
    ['R9 a person moved meanwhile: the reason stands on the person row, which is shown only then', [r('OUT_OF_SCOPE', 'personId')], { personId: ['OUT_OF_SCOPE'] }, []],
    ['a reason on a field stands beside that field, the person row stays hidden', [r('HOURS_TOO_MANY', 'norskHours')], { norskHours: ['HOURS_TOO_MANY'] }, []],
    ['a dotted path belongs to its top field', [r('X', 'norskHours.0')], { norskHours: ['X'] }, []],
    ['a reason without a field, or on a field the input lacks, is shown above the table', [r('STALE_BASE'), r('Y', 'nothing')], {}, ['STALE_BASE', 'Y']],
  ])('%s', (_, reasons, beside, general) => {
    const out = fieldRows(payload, reasons)
    expect(out.rows.map((x) => x.field)).toEqual([...(beside.personId ? ['personId'] : []), 'isoYear', 'isoWeek', 'norskHours', 'samfunnHours', 'absenceHours'])
    expect(Object.fromEntries(out.rows.filter((x) => x.reasons.length).map((x) => [x.field, x.reasons.map((y) => y.code)]))).toEqual(beside)
    expect(out.general.map((x) => x.code)).toEqual(general)
  })
})

describe('A4 a conflict side by side: yours / in the register / what you started from', () => {
  const yours = { id: 'w1', personId: 'p1', isoYear: 2025, isoWeek: 7, norskHours: 6, samfunnHours: 2, absenceHours: 0 }
  test('stale_base: the same row on three sides, the fields that differ from the register marked', () => {
    const rows = compareRows({
      payload: yours,
      register: [{ entity: 'weeklyParticipation', id: 'w1', version: 5, row: { ...yours, norskHours: 4, absenceHours: 1 } }],
      base: [{ entity: 'weeklyParticipation', id: 'w1', version: 4, row: { ...yours, norskHours: 3 } }],
    })
    expect(rows.filter((r) => r.differs).map((r) => [r.field, r.yours, r.register, r.base])).toEqual([
      ['norskHours', 6, 4, 3],
      ['absenceHours', 0, 1, 0],
    ])
    expect(rows.map((r) => r.field)).not.toContain('id')
  })

  test("duplicate_key: the register names the device's own id with no row and holds another row for the same week; a create started from nothing", () => {
    const rows = compareRows({
      payload: yours,
      register: [
        { entity: 'weeklyParticipation', id: 'w1', version: null, row: null },
        { entity: 'weeklyParticipation', id: 'w9', version: 1, row: { ...yours, id: 'w9', norskHours: 8 } },
      ],
      base: [{ entity: 'weeklyParticipation', id: 'w1', version: null, row: null }],
    })
    expect(rows.find((r) => r.field === 'norskHours')).toEqual({ field: 'norskHours', yours: 6, register: 8, base: undefined, differs: true })
    expect(rows.find((r) => r.field === 'isoWeek')?.differs).toBe(false)
  })
})

describe('A4 the person lists filter by "not synced" and "sync problem"', () => {
  test.each<[SyncFilter, (null | 'pending' | 'problem')[]]>([
    ['all', [null, 'pending', 'problem']],
    ['notSynced', ['pending', 'problem']],
    ['problem', ['problem']],
  ])('%s keeps %j', (filter, kept) => {
    expect(([null, 'pending', 'problem'] as const).filter((m) => matchesSyncFilter(m, filter))).toEqual(kept)
  })
})
