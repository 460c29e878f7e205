import type { Reason } from '../api/result'
import { hasNorwegianDateShape, parseNorwegianDate } from '../calendar/format'
import { validateDuf } from './duf'
import { validateNationalId } from './national-id'
import { foldName, foldWords, nameParts, type NamedPerson } from './names'

/** A name query (R11.4). With a comma, `surname`/`firstName` are set (either may be null). */
export interface NameQuery {
  kind: 'name'
  /** Folded text before the first comma; null without a comma or when empty. */
  surname: string | null
  /** Folded text after the first comma; null without a comma or when empty. */
  firstName: string | null
  /** Folded words of the whole query (without commas). */
  words: string[]
}

/** What the single search field holds, recognised by shape (R2.4, R11.4). */
export type SearchClassification =
  | { kind: 'empty' }
  | { kind: 'duf'; value: string; warnings: Reason[] }
  | { kind: 'nationalId'; value: string; warnings: Reason[] }
  | { kind: 'regNumber'; value: string }
  | { kind: 'birthDate'; value: string }
  | { kind: 'invalid'; reasons: Reason[] }
  | NameQuery

const DIGITS_AND_SPACES = /^[0-9][0-9 ]*$/

/**
 * R2.4 / R11.4. Whitespace around the input is dropped and spaces inside a run of digits
 * are ignored (`010101 50589`). A failed DUF check or an invalid national id is a warning:
 * the search still runs. Digit strings of other lengths are searched as names (and find
 * nothing), as the rule says "anything else → name".
 */
export function classifySearch(s: string, opts: { allowSynthetic?: boolean } = {}): SearchClassification {
  const trimmed = s.trim()
  if (trimmed === '') return { kind: 'empty' }
  if (DIGITS_AND_SPACES.test(trimmed)) {
    const digits = trimmed.replace(/ /g, '')
    if (digits.length === 12) {
      const warnings: Reason[] = validateDuf(digits).valid ? [] : [{ code: 'DUF_CHECK_FAILED', field: 'query' }]
      return { kind: 'duf', value: digits, warnings }
    }
    if (digits.length === 11) {
      const r = validateNationalId(digits, { allowSynthetic: opts.allowSynthetic ?? false })
      return { kind: 'nationalId', value: digits, warnings: r.valid ? [] : [{ code: r.code, field: 'query' }] }
    }
    if (digits.length === 6) return { kind: 'regNumber', value: digits }
  }
  const date = asNorwegianDate(trimmed)
  if (date !== null) {
    const iso = parseNorwegianDate(date)
    return iso ? { kind: 'birthDate', value: iso } : { kind: 'invalid', reasons: [{ code: 'SEARCH_DATE_INVALID', field: 'query' }] }
  }
  return classifyName(trimmed)
}

const SHORT_NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A birth date as caseworkers type it, in the guide's `dd.mm.åååå`: `19.5.1991` (day or
 * month in one digit) and ISO `1991-05-19` (pasted from other systems) are read the same.
 * Null when the input has no date shape at all.
 */
function asNorwegianDate(s: string): string | null {
  if (hasNorwegianDateShape(s)) return s
  const pad = (n: string) => n.padStart(2, '0')
  const short = SHORT_NORWEGIAN_DATE.exec(s)
  if (short) return `${pad(short[1]!)}.${pad(short[2]!)}.${short[3]}`
  const iso = ISO_DATE.exec(s)
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : null
}

function classifyName(trimmed: string): SearchClassification {
  const words = foldWords(trimmed.replace(/,/g, ' '))
  if (words.length === 0) return { kind: 'empty' }
  const comma = trimmed.indexOf(',')
  if (comma < 0) return { kind: 'name', surname: null, firstName: null, words }
  const surname = foldName(trimmed.slice(0, comma))
  const firstName = foldName(trimmed.slice(comma + 1))
  return { kind: 'name', surname: surname || null, firstName: firstName || null, words }
}

/**
 * R11.4. With a comma (`surname` or `firstName` set): the surname side is a prefix of the
 * whole folded last name and the first-name side a prefix of the whole folded first-name
 * field. Without: every word is a prefix of some name part (first, middle or last).
 */
export function nameMatches(query: NameQuery, person: NamedPerson): boolean {
  if (query.surname !== null || query.firstName !== null) {
    if (query.surname !== null && !foldName(person.lastName).startsWith(query.surname)) return false
    if (query.firstName !== null && !foldName(person.firstName).startsWith(query.firstName)) return false
    return true
  }
  const parts = nameParts(person)
  return query.words.every((w) => parts.some((p) => p.startsWith(w)))
}
