import { describe, expect, test } from 'vitest'
import { scan } from '../../../scripts/scan-register-log'
import { allDemoNames } from '../../../src/server/demo/names'
import { makeDuf } from '../../../src/shared/ids/duf'

/**
 * Issue 11 point 10: the scan `npm test` runs over the register log of the whole run
 * (`scripts/scan-register-log.ts`) finds each kind of personal data, and passes pino's own
 * numbers (13-digit `time`, fractional `responseTime`, request ids).
 */
const names = allDemoNames()
const pinoLine = '{"level":30,"time":1796166635996,"pid":29059,"hostname":"vm","reqId":"req-1","res":{"statusCode":200},"responseTime":1415.594874999995,"msg":"request completed"}'

describe('the register-log scan (issue 11 point 10)', () => {
  test.each([
    ['a DUF number with valid check digits', `{"url":"/persons/by-duf/${makeDuf(2019, 77001)}"}`, 'duf'],
    ['a birth date', '{"msg":"born 1990-05-05"}', 'date'],
    ['a demo first name', '{"msg":"Fatima"}', 'name'],
    ['a demo surname with æøå', '{"msg":"Ødegård"}', 'name'],
  ])('finds %s', (_what, line, kind) => {
    const hits = scan(`${pinoLine}\n${line}\n`, names)
    expect(hits.map((h) => [h.line, h.kind])).toContainEqual([2, kind])
  })

  test('a real national id shape is found when its check digits are valid', () => {
    // 01018012345 is not valid; build one: day 01, month 81 (synthetic January), year 90, individual 123, check digits computed.
    const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    for (let ind = 100; ind < 200; ind++) {
      const nine = `018190${ind}`
      const k1 = 11 - (W1.reduce((s, w, i) => s + w * Number(nine[i]), 0) % 11)
      if (k1 === 10) continue
      const ten = nine + String(k1 === 11 ? 0 : k1)
      const k2 = 11 - (W2.reduce((s, w, i) => s + w * Number(ten[i]), 0) % 11)
      if (k2 === 10) continue
      const id = ten + String(k2 === 11 ? 0 : k2)
      expect(scan(`{"x":"${id}"}`, names).map((h) => h.kind)).toEqual(['nationalId'])
      return
    }
    throw new Error('no valid synthetic national id found')
  })

  test("pino's own numbers, route words and masked values are not hits", () => {
    expect(scan(`${pinoLine}\n{"url":"/persons/by-duf/<redacted>","msg":"incoming request"}\n`, names)).toEqual([])
  })

  test('a name inside a longer word is not a hit (Ali in Alias), the name alone is', () => {
    expect(scan('{"msg":"Alias"}', names)).toEqual([])
    expect(scan('{"msg":"Ali"}', names).map((h) => h.kind)).toEqual(['name'])
  })
})
