import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { dufCheckDigits, makeDuf, validateDuf, validateRegNumber } from './index'

describe('R2.2 DUF number', () => {
  test.each(['201212345603', '200205705502', '200900595509'])('rule example %s is valid', (s) => {
    expect(validateDuf(s)).toEqual({ valid: true })
  })

  test.each([
    ['201234567890', 'DUF_CHECKSUM', 'rule example'],
    ['201212345604', 'DUF_CHECKSUM', 'last digit off by one'],
    ['20121234560', 'DUF_LENGTH', 'eleven digits'],
    ['2012123456033', 'DUF_LENGTH', 'thirteen digits'],
    ['2012 12345603', 'DUF_LENGTH', 'not trimmed: the search removes spaces'],
    ['20121234560x', 'DUF_DIGITS', 'a letter'],
  ])('%s → %s (%s)', (s, code) => expect(validateDuf(s)).toEqual({ valid: false, code }))

  test('check digits are the weighted sum mod 11, written as two digits 00–10', () => {
    expect(dufCheckDigits('2012123456')).toBe('03')
    // 1·4 + 1·6 = 10
    expect(dufCheckDigits('1100000000')).toBe('10')
    expect(dufCheckDigits('0000000000')).toBe('00')
    expect(validateDuf('110000000010')).toEqual({ valid: true })
  })

  test('R11.3 any four digits are accepted as the year', () => {
    expect(validateDuf(makeDuf(0, 1))).toEqual({ valid: true })
    expect(validateDuf(makeDuf(9999, 999_999))).toEqual({ valid: true })
  })

  test('makeDuf results validate and keep year and serial; a single-digit change fails', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (year, serial, pos, delta) => {
          const duf = makeDuf(year, serial)
          expect(validateDuf(duf)).toEqual({ valid: true })
          expect(Number(duf.slice(0, 4))).toBe(year)
          expect(Number(duf.slice(4, 10))).toBe(serial)
          const changed = duf.slice(0, pos) + String((Number(duf[pos]) + delta) % 10) + duf.slice(pos + 1)
          expect(validateDuf(changed)).toEqual({ valid: false, code: 'DUF_CHECKSUM' })
        },
      ),
      { numRuns: 1000 },
    )
  })

  test('makeDuf refuses a year or serial that does not fit', () => {
    expect(() => makeDuf(10_000, 1)).toThrow(RangeError)
    expect(() => makeDuf(2020, 1_000_000)).toThrow(RangeError)
  })
})

describe('R2.3 reg-nummer', () => {
  test.each([
    ['123456', true],
    ['000001', true],
    ['12345', false],
    ['1234567', false],
    ['12345a', false],
  ])('%s valid = %s', (s, ok) => {
    expect(validateRegNumber(s).valid).toBe(ok)
  })
})
