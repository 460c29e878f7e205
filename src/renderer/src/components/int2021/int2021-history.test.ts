import { describe, expect, test } from 'vitest'
import type { Int2021Registration } from '../../../../shared/domain'
import { current } from '../../../../shared/rules/int2021/input'
import { formFieldOf, hasReferencePersonCondition, historyOf, isCurrent, isRegime2021, suggestedGoal } from './int2021-history'

const P = '0190a000-0000-7000-8000-000000000001'
const row = (id: string, date: string, recordedAt: string | null, fact: Int2021Registration['fact']): Int2021Registration => ({ id, personId: P, date, recordedAt, fact })
const bg = (background: 'INGEN_GRUNNSKULE' | 'GRUNNSKULE' | 'VGS_ELLER_HOGARE') => ({ kind: 'educationBackground' as const, background })

describe('R12.3.2 history of one kind, newest first, the first being the one the rules use', () => {
  const rows = [
    row('a', '2025-01-10', '2025-01-10T08:00:00Z', bg('GRUNNSKULE')),
    row('b', '2025-03-01', '2025-03-01T08:00:00Z', bg('VGS_ELLER_HOGARE')),
    row('c', '2025-03-01', '2025-03-01T09:30:00Z', bg('INGEN_GRUNNSKULE')),
    row('d', '2025-06-01', null, { kind: 'finalGoal', goal: 'ARBEID', text: null }),
  ]
  test.each([
    ['the latest date first, a same-day tie broken by the later save', 'educationBackground', ['c', 'b', 'a']],
    ['only the rows of the kind asked for', 'finalGoal', ['d']],
    ['a kind with no rows gives an empty history', 'norskGoal', []],
  ] as const)('%s', (_, kind, ids) => {
    expect(historyOf(rows, kind).map((r) => r.id)).toEqual(ids)
  })
  test('the row marked current is the rules’ current() of the same rows', () => {
    const mine = historyOf(rows, 'educationBackground')[0]
    const rules = current(rows.filter((r) => r.fact.kind === 'educationBackground').map((r) => ({ ...r, recordedAt: r.recordedAt ?? undefined })))
    expect(mine?.id).toBe(rules?.id)
  })
})

describe('R12.0 the cards appear under the 2021 act and its chapter 6A only', () => {
  test.each([
    ['INTEGRERING_2021', true],
    ['INT_6A', true],
    ['INTRO_2003', false],
    [null, false],
  ] as const)('%s → %s', (regime, shown) => expect(isRegime2021(regime)).toBe(shown))
})

describe('R12.2.6 suggested norskmål from the background (listening/reading/writing, oral)', () => {
  test.each([
    ['INGEN_GRUNNSKULE', 'A2', 'B1'],
    ['GRUNNSKULE', 'B1', 'B1'],
    ['VGS_ELLER_HOGARE', 'B1', 'B2'],
  ] as const)('%s → %s, oral %s', (background, written, oral) => {
    expect(suggestedGoal(background)).toEqual({ lytting: written, lesing: written, skriftleg: written, munnleg: oral })
  })
})

describe('J15 the reference-person card belongs to grounds with the condition', () => {
  test.each([
    [['FAM_FLYKTNING'], true],
    [['UTL28', 'FAM_FLYKTNING'], true],
    [['UTL28'], false],
    [['UTL53'], false],
    [[], false],
  ] as const)('%j → %s', (grounds, shown) => expect(hasReferencePersonCondition(grounds.map((groundCode) => ({ groundCode })))).toBe(shown))
})

describe('a refusal is shown beside the field its path names', () => {
  const fields = ['date', 'background', 'lytting', 'toDate']
  test.each([
    ['date', 'date'],
    ['fact.background', 'background'],
    ['fact.goal.lytting', 'lytting'],
    ['fact.toDate', 'toDate'],
    ['fact.kind', undefined],
    ['personId', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (field, shown) => expect(formFieldOf(field, fields)).toBe(shown))
})

describe('R12.3.2 the newest row is marked current, except where nothing is in force', () => {
  const today = '2026-12-02'
  test.each([
    ['a background', bg('GRUNNSKULE'), true],
    ['a programme element (a list of things done)', { kind: 'programmeElement' as const, element: 'LIVSMEISTRING' as const }, false],
    ['a full-time period with no end', { kind: 'fullTimeUpperSecondary' as const, toDate: null }, true],
    ['a full-time period ending today', { kind: 'fullTimeUpperSecondary' as const, toDate: today }, true],
    ['a full-time period that ended yesterday', { kind: 'fullTimeUpperSecondary' as const, toDate: '2026-12-01' }, false],
  ] as const)('%s → %s', (_, fact, shown) => expect(isCurrent(row('x', '2026-09-01', null, fact), today)).toBe(shown))
})
