import { describe, expect, test } from 'vitest'
import { param, paramValue, PARAMETERS } from './parameters'

describe('R0 parameters are dated data', () => {
  test.each([
    ['R3.4 rett og plikt up to 55 before 2017', 'norskRettOgPliktAgeMax', '2016-12-31', 55],
    ['R3.4 rett og plikt up to 67 from 2017-01-01', 'norskRettOgPliktAgeMax', '2017-01-01', 67],
    ['R3.4 300 hours for permits before 2012', 'norskHoursTotal', '2011-12-31', 300],
    ['R3.4 600 hours for permits from 2012', 'norskHoursTotal', '2012-01-01', 600],
    ['R3.5 no NKNV hours before 2017', 'nknvHoursMax', '2016-06-01', 0],
    ['R3.5 50 NKNV hours from 2017', 'nknvHoursMax', '2017-06-01', 50],
    ['R5.2 10 free absence days', 'introFreeAbsenceDays', '2019-01-01', 10],
    ['R6.3 2400 needs-based hours', 'norskNeedsBasedHoursMax', '2019-01-01', 2400],
  ] as const)('%s', (_name, name, at, expected) => {
    expect(paramValue(name, at)).toBe(expected)
  })

  test('R0 each parameter cites its rule and lists its versions in date order', () => {
    for (const [name, versions] of Object.entries(PARAMETERS)) {
      const froms = versions.map((v) => v.from)
      expect(froms, name).toEqual([...froms].sort())
      for (const v of versions) expect(v.rule, name).toMatch(/^R\d+(\.\d+)?$/)
    }
    expect(param('introProgrammeYears', '2019-01-01')).toEqual({ value: 2, from: '1900-01-01', rule: 'R5.2' })
  })
})
