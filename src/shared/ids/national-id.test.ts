import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { fromDayNumber, toDayNumber } from '../calendar'
import { birthDateFromNationalId, makeNationalId, validateNationalId } from './index'

const real = { allowSynthetic: false }
const demo = { allowSynthetic: true }

/** Check digits straight from the R2.1 formula, choosing d10 so that r1 = `r1`; null when impossible. */
function withCheckDigits(first9: string, r1 = 0): string | null {
  const d = [...first9].map(Number)
  const s1 = [3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((a, w, i) => a + w * d[i], 0)
  const k1 = (((r1 - s1) % 11) + 11) % 11
  if (k1 > 9) return null
  const s2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * [...d, k1][i], 0)
  const k2 = (11 - (s2 % 11)) % 11
  return k2 > 9 ? null : `${first9}${k1}${k2}`
}

/** First individual number from `from` that gives a number with r1 = `r1` (test data builder). */
function numberFor(ddmmyy: string, from: number, r1 = 0): string {
  for (let i = from; i < from + 50; i++) {
    const n = withCheckDigits(`${ddmmyy}${String(i).padStart(3, '0')}`, r1)
    if (n) return n
  }
  throw new Error(`no number for ${ddmmyy}`)
}

describe('R2.1 rule examples', () => {
  test.each([
    ['31129956715', 'fnr', '1899-12-31'],
    ['01010150589', 'fnr', '2001-01-01'],
    ['41010150572', 'dnr', '2001-01-01'],
  ])('%s is a valid %s born %s', (s, kind, birthDate) => {
    expect(validateNationalId(s, real)).toEqual({ valid: true, kind, synthetic: false, birthDate })
  })
  test('01011200100 is refused on its check digits', () => {
    expect(validateNationalId('01011200100', real)).toEqual({ valid: false, code: 'NATIONAL_ID_CHECKSUM' })
  })
})

describe('R11.2 refusal codes in order', () => {
  test.each([
    ['0101015058', 'NATIONAL_ID_LENGTH', 'ten digits'],
    ['010101505890', 'NATIONAL_ID_LENGTH', 'twelve digits'],
    [' 01010150589', 'NATIONAL_ID_LENGTH', 'not trimmed: the search trims'],
    ['', 'NATIONAL_ID_LENGTH', 'empty'],
    ['0101015058a', 'NATIONAL_ID_DIGITS', 'a letter'],
    ['010101 5058', 'NATIONAL_ID_DIGITS', 'a space inside'],
    ['0101015058٩', 'NATIONAL_ID_DIGITS', 'a non-ASCII digit'],
    ['01010150588', 'NATIONAL_ID_CHECKSUM', 'second check digit off by one'],
    ['01010150579', 'NATIONAL_ID_CHECKSUM', 'first check digit off by one'],
  ])('%j → %s (%s)', (s, code) => expect(validateNationalId(s, real)).toEqual({ valid: false, code }))

  test.each([
    ['810101', 'NATIONAL_ID_FH', 'first digit 8'],
    ['910101', 'NATIONAL_ID_FH', 'first digit 9'],
    ['014101', 'NATIONAL_ID_H', 'month 41'],
    ['015201', 'NATIONAL_ID_H', 'month 52'],
    ['018101', 'NATIONAL_ID_SYNTHETIC', 'month 81 outside demo/test'],
    ['019201', 'NATIONAL_ID_SYNTHETIC', 'month 92 outside demo/test'],
    ['310201', 'NATIONAL_ID_DATE', '31 February'],
    ['011301', 'NATIONAL_ID_DATE', 'month 13'],
    ['015301', 'NATIONAL_ID_DATE', 'month 53'],
    ['010001', 'NATIONAL_ID_DATE', 'month 00'],
    ['000101', 'NATIONAL_ID_DATE', 'day 00'],
    ['400101', 'NATIONAL_ID_DATE', 'D-number with day 40 − 40 = 0'],
    ['720101', 'NATIONAL_ID_DATE', 'D-number day 72 − 40 = 32'],
    ['319301', 'NATIONAL_ID_DATE', 'synthetic month 93 − 80 = 13'],
  ])('%s… with valid check digits → %s (%s)', (ddmmyy, code) => {
    expect(validateNationalId(numberFor(ddmmyy, 100), real)).toEqual({ valid: false, code })
  })

  test('check digits are reported before FH, FH before a missing date', () => {
    const fh = numberFor('813201', 100)
    expect(validateNationalId(fh, real)).toEqual({ valid: false, code: 'NATIONAL_ID_FH' })
    const broken = fh.slice(0, 10) + String((Number(fh[10]) + 1) % 10)
    expect(validateNationalId(broken, real)).toEqual({ valid: false, code: 'NATIONAL_ID_CHECKSUM' })
  })

  test('H is reported before synthetic and date; synthetic before date', () => {
    expect(validateNationalId(numberFor('314201', 100), real)).toEqual({ valid: false, code: 'NATIONAL_ID_H' })
    expect(validateNationalId(numberFor('318201', 100), real)).toEqual({ valid: false, code: 'NATIONAL_ID_SYNTHETIC' })
    expect(validateNationalId(numberFor('318201', 100), demo)).toEqual({ valid: false, code: 'NATIONAL_ID_DATE' })
  })
})

describe('R2.1 century table and R11.2 dates', () => {
  test.each([
    ['150699', 0, '1999-06-15'],
    ['150600', 499, '1900-06-15'],
    ['150655', 500, '1855-06-15'],
    ['150699', 700, '1899-06-15'],
    ['150639', 500, '2039-06-15'],
    ['150600', 950, '2000-06-15'],
    ['150640', 900, '1940-06-15'],
    ['150699', 950, '1999-06-15'],
    ['150654', 500, '1954-06-15'],
    ['150640', 750, '1940-06-15'],
    ['150699', 800, '1999-06-15'],
  ])('%s with individual number from %i → born %s', (ddmmyy, from, birthDate) => {
    const n = numberFor(ddmmyy, from)
    expect(validateNationalId(n, real)).toMatchObject({ valid: true, birthDate })
    expect(birthDateFromNationalId(n)).toBe(birthDate)
  })

  test('29 Feb must exist in the century the individual number gives', () => {
    expect(validateNationalId(numberFor('290200', 0), real)).toEqual({ valid: false, code: 'NATIONAL_ID_DATE' })
    expect(validateNationalId(numberFor('290200', 500), real)).toMatchObject({ valid: true, birthDate: '2000-02-29' })
    expect(validateNationalId(numberFor('290296', 0), real)).toMatchObject({ valid: true, birthDate: '1996-02-29' })
  })

  test('without a century from the table, the date must exist in some century', () => {
    expect(validateNationalId(numberFor('290248', 760), real)).toMatchObject({ valid: true, birthDate: '1948-02-29' })
    expect(validateNationalId(numberFor('290249', 760), real)).toEqual({ valid: false, code: 'NATIONAL_ID_DATE' })
  })

  test.each([1, 2, 3])('r1 = %i is valid (numbers from 2032) and takes no century from the individual number', (r1) => {
    const n = numberFor('290200', 0, r1)
    expect(validateNationalId(n, real)).toMatchObject({ valid: true, birthDate: '2000-02-29' })
  })

  test('r1 = 4 fails the check digits', () => {
    expect(validateNationalId(numberFor('010101', 0, 4), real)).toEqual({ valid: false, code: 'NATIONAL_ID_CHECKSUM' })
  })
})

describe('R2.1 D-numbers and synthetic numbers', () => {
  test('a synthetic number is accepted in demo/test mode with its real birth date', () => {
    const n = numberFor('158706', 100)
    expect(validateNationalId(n, demo)).toEqual({ valid: true, kind: 'fnr', synthetic: true, birthDate: '1906-07-15' })
  })
  test('R11.2 a synthetic number may also be a D-number', () => {
    const n = numberFor('558706', 100)
    expect(validateNationalId(n, demo)).toEqual({ valid: true, kind: 'dnr', synthetic: true, birthDate: '1906-07-15' })
    expect(validateNationalId(n, real)).toEqual({ valid: false, code: 'NATIONAL_ID_SYNTHETIC' })
  })
  test('D-number days run 41–71', () => {
    expect(validateNationalId(numberFor('711290', 100), real)).toMatchObject({ valid: true, kind: 'dnr', birthDate: '1990-12-31' })
  })
  test('birthDateFromNationalId is null for a number that does not validate', () => {
    expect(birthDateFromNationalId('01011200100')).toBeNull()
    expect(birthDateFromNationalId('0101')).toBeNull()
  })
})

describe('makeNationalId', () => {
  const arbBirth = fc.integer({ min: toDayNumber('1855-01-01'), max: toDayNumber('2039-12-31') }).map(fromDayNumber)
  const arbArgs = fc.tuple(arbBirth, fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.boolean())

  test('every number it makes validates with its birth date, kind and synthetic flag', () => {
    fc.assert(
      fc.property(arbArgs, ([birth, individual, synthetic, dNumber]) => {
        const n = makeNationalId(birth, individual, { synthetic, dNumber })
        if (n === null) return
        expect(validateNationalId(n, { allowSynthetic: synthetic })).toEqual({
          valid: true,
          kind: dNumber ? 'dnr' : 'fnr',
          synthetic,
          birthDate: birth,
        })
      }),
      { numRuns: 2000 },
    )
  })

  test('every single-digit change of a made number fails the check digits', () => {
    fc.assert(
      fc.property(arbArgs, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), ([birth, ind, synthetic, dNumber], pos, delta) => {
        const n = makeNationalId(birth, ind, { synthetic, dNumber })
        if (n === null) return
        const changed = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1)
        expect(validateNationalId(changed, demo)).toEqual({ valid: false, code: 'NATIONAL_ID_CHECKSUM' })
      }),
      { numRuns: 2000 },
    )
  })

  test('null exactly when the table gives another (or no) century or no check digits with r1 = 0 exist', () => {
    fc.assert(
      fc.property(arbArgs, ([birth, individual, synthetic, dNumber]) => {
        const n = makeNationalId(birth, individual, { synthetic, dNumber })
        const dd = Number(birth.slice(8, 10)) + (dNumber ? 40 : 0)
        const mm = Number(birth.slice(5, 7)) + (synthetic ? 80 : 0)
        const first9 = `${String(dd).padStart(2, '0')}${String(mm).padStart(2, '0')}${birth.slice(2, 4)}${String(individual).padStart(3, '0')}`
        const candidate = withCheckDigits(first9)
        const yy = Number(birth.slice(2, 4))
        // R2.1 table written out again: the maker only uses individual numbers that give the century
        const century = individual <= 499 ? 1900 : individual <= 749 && yy > 54 ? 1800 : yy < 40 ? 2000 : individual >= 900 ? 1900 : null
        const fits = candidate !== null && century === Number(birth.slice(0, 4)) - yy
        expect(n).toBe(fits ? candidate : null)
      }),
      { numRuns: 2000 },
    )
  })

  test('an individual number outside the birth year’s century gives null', () => {
    expect(makeNationalId('2001-01-01', 100)).toBeNull()
    expect(makeNationalId('1899-12-31', 100)).toBeNull()
    expect(makeNationalId('1850-01-01', 600)).toBeNull()
  })
})
