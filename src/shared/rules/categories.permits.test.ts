import { describe, expect, test } from 'vitest'
import type { PersonSnapshot, SnapshotPermit } from '../domain'
import type { Scheme } from '../domain/scheme'
import { evaluatePerson } from './evaluate'
import { PERMIT_GROUNDS, programme, snapshot, type BaseFacts } from './test-fixtures'

const cat = (s: PersonSnapshot, scheme: Scheme, today: string) => evaluatePerson(s, today).categories.find((c) => c.scheme === scheme) ?? null
const permit = (groundCode: string, validFrom: string, validTo: string | null, grantedDate = validFrom): SnapshotPermit => ({
  groundCode,
  validFrom,
  validTo,
  grantedDate,
})
const withPermits = (facts: BaseFacts, permits: SnapshotPermit[], regs: Parameters<typeof snapshot>[1] = {}) => {
  const s = snapshot(facts, regs)
  s.permits = permits
  return s
}

/** The heavy bench person's base data (bench/fixtures/heavy-person.ts): a renewed UTL28 permit. */
const HEAVY: BaseFacts = { birthDate: '1988-04-12', arrival: '2016-10-15', settled: '2017-09-01', settledIn: '4601' }
const FIRST = permit('UTL28', '2017-06-20', '2020-06-19')
const RENEWAL = permit('UTL28', '2020-06-20', '2023-06-19', '2020-05-28')

describe('R3.2 / R3.4 / R3.6 renewals: consecutive permits of the same group are one spell', () => {
  test('R3.2 a renewal of the same permit does not move the intro start (heavy person, 2020-11-30)', () => {
    const s = withPermits(HEAVY, [FIRST, RENEWAL], { decisions: [programme('2017-11-06')] })
    const intro = cat(s, 'intro', '2020-11-30')
    expect(intro).toMatchObject({ kind: 'rett_og_plikt', displayState: 'current', validFrom: '2017-09-01' })
    // the same start as with the first permit alone, and the norsk category is unchanged
    expect(cat(withPermits(HEAVY, [FIRST]), 'intro', '2020-01-01')?.validFrom).toBe('2017-09-01')
    expect(cat(s, 'norsk', '2020-11-30')?.validFrom).toBe('2017-06-20')
  })

  test.each<[string, SnapshotPermit[], string]>([
    ['R3.2 an overlapping renewal keeps the start', [permit('UTL28', '2018-01-10', '2019-01-31'), permit('UTL28', '2019-01-15', null)], '2018-03-01'],
    [
      'R3.2 an adjacent change to another intro ground (UTL38_ASYL → UTL28) keeps the start',
      [permit('UTL38_ASYL', '2018-01-10', '2019-01-31'), permit('UTL28', '2019-02-01', null)],
      '2018-03-01',
    ],
    ['R3.6 a permit after a day without one starts a new spell', [permit('UTL28', '2018-01-10', '2019-01-31'), permit('UTL28', '2019-02-02', null)], '2019-02-02'],
    [
      'R3.6 a qualifying permit after another ground took over starts a new spell',
      [permit('UTL28', '2018-01-10', '2018-12-31'), permit('STUDIE', '2019-01-01', '2019-01-31'), permit('UTL28', '2019-02-01', null)],
      '2019-02-01',
    ],
  ])('%s', (_name, permits, validFrom) => {
    expect(cat(withPermits({}, permits, { decisions: [programme('2018-05-01')] }), 'intro', '2019-06-01')?.validFrom).toBe(validFrom)
  })

  test("R3.2 without settlement or arrival, newly arrived counts from the spell's first grant, not the renewal's", () => {
    const s = withPermits({ ground: 'FAM_FLYKTNING', settled: null }, [
      permit('FAM_FLYKTNING', '2018-01-10', '2019-01-09'),
      permit('FAM_FLYKTNING', '2019-01-10', null, '2018-12-20'),
    ])
    const intro = cat(s, 'intro', '2020-01-11')
    expect(intro).toMatchObject({ validFrom: '2018-01-10', displayState: 'ikkje_gjeldande', reason: 'newly_arrived_window_passed', closedAt: '2020-01-11' })
  })

  test('R3.2 the log names the renewal and the spell from its first start', () => {
    const s = withPermits(HEAVY, [FIRST, RENEWAL])
    const steps = cat(s, 'intro', '2020-11-30')!.explanation.slice(0, 2)
    expect(steps).toEqual([
      { rule: 'R3.2', key: 'introPermit', values: { ground: 'UTL28', validFrom: '2017-06-20', validTo: '2023-06-19' } },
      { rule: 'R3.2', key: 'introPermitRenewed', values: { firstFrom: '2017-06-20', latestFrom: '2020-06-20', granted: '2020-05-28' } },
    ])
  })
})

describe('R3.1 a permit ground applies only to permits granted from its validFrom (reference data)', () => {
  test("R3.1 the code list entry's validFrom reaches the snapshot's permit grounds", () => {
    expect(PERMIT_GROUNDS.UTL38_5.validFrom).toBe('2018-06-16')
    expect(PERMIT_GROUNDS.UTL28).not.toHaveProperty('validFrom')
  })

  test('R3.1 UTL38_5 granted before 2018-06-16 gives neither intro nor norsk category', () => {
    const e = evaluatePerson(snapshot({ ground: 'UTL38_5', permitFrom: '2018-06-15', settled: '2018-08-01' }), '2019-06-01')
    expect(e.categories).toEqual([])
    expect(e.schemes.intro.explanation[0]).toEqual({ rule: 'R3.1', key: 'groundNotInForce', values: { ground: 'UTL38_5', groundFrom: '2018-06-16', granted: '2018-06-15' } })
  })

  test.each<[string, BaseFacts]>([
    ['R3.1 UTL38_5 granted on 2018-06-16 gives rett og plikt', { permitFrom: '2018-06-16' }],
    ['R3.1 UTL38_5 valid before but granted from 2018-06-16 gives rett og plikt', { permitFrom: '2018-06-01', granted: '2018-06-16' }],
  ])('%s', (_name, facts) => {
    const s = snapshot({ ground: 'UTL38_5', settled: '2018-08-01', ...facts })
    expect([cat(s, 'intro', '2019-06-01')?.kind, cat(s, 'norsk', '2019-06-01')?.kind]).toEqual(['rett_og_plikt', 'rett_og_plikt'])
  })

  test('R3.6 an early UTL38_5 renewed by a later UTL38_5: the category starts with the permit its ground covers', () => {
    const s = withPermits({ settled: '2018-03-01' }, [permit('UTL38_5', '2018-01-10', '2019-01-09'), permit('UTL38_5', '2019-01-10', null, '2018-12-20')])
    expect([cat(s, 'intro', '2019-06-01')?.validFrom, cat(s, 'norsk', '2019-06-01')?.validFrom]).toEqual(['2019-01-10', '2018-12-20'])
  })
})
