/**
 * DUF number (rules.md R2.2, R11.3): 4-digit year + 6-digit serial + 2 check digits.
 * The algorithm is not officially published, so a failed check is a warning in search and
 * a flag on import, never a refusal there.
 */

export type DufCode = 'DUF_LENGTH' | 'DUF_DIGITS' | 'DUF_CHECKSUM'
export type DufValidation = { valid: true } | { valid: false; code: DufCode }

const WEIGHTS = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5]

/** Check digits of the first 10 digits: `(Σ d·W) mod 11` written as two digits `00`–`10`. */
export function dufCheckDigits(first10: string): string {
  if (!/^[0-9]{10}$/.test(first10)) throw new RangeError('dufCheckDigits needs 10 digits')
  let sum = 0
  for (let i = 0; i < 10; i++) sum += (first10.charCodeAt(i) - 48) * WEIGHTS[i]
  return String(sum % 11).padStart(2, '0')
}

/** Exactly 12 ASCII digits with matching check digits; any year is accepted (R11.3). */
export function validateDuf(s: string): DufValidation {
  if (s.length !== 12) return { valid: false, code: 'DUF_LENGTH' }
  if (!/^[0-9]{12}$/.test(s)) return { valid: false, code: 'DUF_DIGITS' }
  return dufCheckDigits(s.slice(0, 10)) === s.slice(10) ? { valid: true } : { valid: false, code: 'DUF_CHECKSUM' }
}

/** A valid DUF number for `year` (0–9999) and `serial` (0–999999). */
export function makeDuf(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`DUF year ${year}`)
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new RangeError(`DUF serial ${serial}`)
  const first10 = `${String(year).padStart(4, '0')}${String(serial).padStart(6, '0')}`
  return first10 + dufCheckDigits(first10)
}

export type RegNumberValidation = { valid: true } | { valid: false; code: 'REG_NUMBER_FORMAT' }

/** R2.3: reg-nummer is exactly 6 ASCII digits, no check digit. */
export function validateRegNumber(s: string): RegNumberValidation {
  return /^[0-9]{6}$/.test(s) ? { valid: true } : { valid: false, code: 'REG_NUMBER_FORMAT' }
}
