import { civilToIso, daysInMonth } from '../calendar/days'

/**
 * National id (fødselsnummer / D-number), rules.md R2.1 and R11.2.
 * Layout: d1d2 day (+40 for a D-number), d3d4 month (+40 H, +80 synthetic), d5d6 year in
 * century, d7d8d9 individual number, d10 d11 check digits.
 */

/** Refusal codes, in the order R11.2 reports them. */
export const nationalIdCodes = [
  'NATIONAL_ID_LENGTH',
  'NATIONAL_ID_DIGITS',
  'NATIONAL_ID_CHECKSUM',
  'NATIONAL_ID_FH',
  'NATIONAL_ID_H',
  'NATIONAL_ID_SYNTHETIC',
  'NATIONAL_ID_DATE',
] as const
export type NationalIdCode = (typeof nationalIdCodes)[number]

export type NationalIdValidation = { valid: true; kind: 'fnr' | 'dnr'; synthetic: boolean; birthDate: string } | { valid: false; code: NationalIdCode }

export interface NationalIdOptions {
  /** Accept synthetic test numbers (month + 80): only in demo/test builds (R2.1). */
  allowSynthetic: boolean
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
const ELEVEN_DIGITS = /^[0-9]{11}$/

function digitsOf(s: string): number[] {
  const d = new Array<number>(s.length)
  for (let i = 0; i < s.length; i++) d[i] = s.charCodeAt(i) - 48
  return d
}

function weighted(d: number[], w: number[]): number {
  let sum = 0
  for (let i = 0; i < w.length; i++) sum += d[i] * w[i]
  return sum
}

/** r1 of R2.1: `(Σ d1..d9·W1 + d10) mod 11`; 0 for every number issued before 2032. */
function firstRemainder(d: number[]): number {
  return (weighted(d, W1) + d[9]) % 11
}

function checksumOk(d: number[]): boolean {
  return firstRemainder(d) <= 3 && (weighted(d, W2) + d[10]) % 11 === 0
}

/**
 * R2.1 century table; null where it gives none (500–749 with year 40–54, 750–899 with
 * year ≥ 40).
 */
export function centuryOf(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900
  if (individual >= 500 && individual <= 749 && yy > 54) return 1800
  if (individual >= 500 && yy < 40) return 2000
  if (individual >= 900 && yy >= 40) return 1900
  return null
}

function dateIn(year: number, month: number, day: number): string | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? civilToIso(year, month, day) : null
}

/**
 * R11.2: the date must exist in the century the individual number gives. Without one (or
 * with r1 ≠ 0, numbers from 2032 whose individual number no longer encodes the century) it
 * must exist in some century; the birth date then takes the first of 2000s (year < 40) or
 * 1900s, then the other, then 1800s, where it exists.
 */
function birthDateOf(d: number[], day: number, month: number): string | null {
  const yy = d[4] * 10 + d[5]
  const individual = d[6] * 100 + d[7] * 10 + d[8]
  const century = firstRemainder(d) === 0 ? centuryOf(individual, yy) : null
  if (century !== null) return dateIn(century + yy, month, day)
  const order = yy < 40 ? [2000, 1900, 1800] : [1900, 2000, 1800]
  for (const c of order) {
    const iso = dateIn(c + yy, month, day)
    if (iso) return iso
  }
  return null
}

/** Validates exactly 11 ASCII digits (no trimming, R11.2); refusals in R11.2 order. */
export function validateNationalId(s: string, opts: NationalIdOptions): NationalIdValidation {
  if (s.length !== 11) return { valid: false, code: 'NATIONAL_ID_LENGTH' }
  if (!ELEVEN_DIGITS.test(s)) return { valid: false, code: 'NATIONAL_ID_DIGITS' }
  const d = digitsOf(s)
  if (!checksumOk(d)) return { valid: false, code: 'NATIONAL_ID_CHECKSUM' }
  if (d[0] >= 8) return { valid: false, code: 'NATIONAL_ID_FH' }
  const rawMonth = d[2] * 10 + d[3]
  if (rawMonth >= 41 && rawMonth <= 52) return { valid: false, code: 'NATIONAL_ID_H' }
  const synthetic = rawMonth >= 81 && rawMonth <= 92
  if (synthetic && !opts.allowSynthetic) return { valid: false, code: 'NATIONAL_ID_SYNTHETIC' }
  const dnr = d[0] >= 4
  const day = d[0] * 10 + d[1] - (dnr ? 40 : 0)
  const birthDate = birthDateOf(d, day, synthetic ? rawMonth - 80 : rawMonth)
  if (!birthDate) return { valid: false, code: 'NATIONAL_ID_DATE' }
  return { valid: true, kind: dnr ? 'dnr' : 'fnr', synthetic, birthDate }
}

/** Birth date encoded in a valid number (synthetic accepted); null when it does not validate. */
export function birthDateFromNationalId(s: string): string | null {
  const r = validateNationalId(s, { allowSynthetic: true })
  return r.valid ? r.birthDate : null
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Builds a number with r1 = 0 for `birthDate` and `individual` (0–999). Null when the
 * individual number does not give the birth year's century (R2.1 table), or when a check
 * digit would be 10 — the caller then tries the next individual number.
 */
export function makeNationalId(birthDate: string, individual: number, opts: { synthetic?: boolean; dNumber?: boolean } = {}): string | null {
  const year = Number(birthDate.slice(0, 4))
  const yy = year % 100
  if (!Number.isInteger(individual) || individual < 0 || individual > 999) return null
  if (centuryOf(individual, yy) !== year - yy) return null
  const day = Number(birthDate.slice(8, 10)) + (opts.dNumber ? 40 : 0)
  const month = Number(birthDate.slice(5, 7)) + (opts.synthetic ? 80 : 0)
  const first9 = `${pad2(day)}${pad2(month)}${pad2(yy)}${String(individual).padStart(3, '0')}`
  const d = digitsOf(first9)
  const k1 = (11 - (weighted(d, W1) % 11)) % 11
  if (k1 === 10) return null
  d.push(k1)
  const k2 = (11 - (weighted(d, W2) % 11)) % 11
  if (k2 === 10) return null
  return `${first9}${k1}${k2}`
}
