/**
 * Name folding for search (rules.md R2.4, R11.4): case-insensitive, combining accents
 * removed (é = e, ü = u), but æ, ø, å kept as letters of their own (ø ≠ o, å ≠ a).
 */

const COMBINING = /[\u0300-\u036f]/g
// NFD splits å into a + combining ring above; put it back before accents are stripped
const A_RING = /a\u030a/g
const SPACES = /\s+/

/** Folded form of a name or query: lowercase, accents off (æ/ø/å kept), whitespace collapsed. */
export function foldName(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(A_RING, 'å').replace(COMBINING, '').normalize('NFC').trim().split(SPACES).join(' ')
}

/** Folded whitespace-separated words; a hyphenated name stays one word. */
export function foldWords(s: string): string[] {
  const folded = foldName(s)
  return folded === '' ? [] : folded.split(' ')
}

/** The name fields matched by search. */
export interface NamedPerson {
  firstName: string
  middleName?: string | null
  lastName: string
}

/** Every folded name part of the person (first, middle and last names split at spaces). */
export function nameParts(person: NamedPerson): string[] {
  return [...foldWords(person.firstName), ...foldWords(person.middleName ?? ''), ...foldWords(person.lastName)]
}
