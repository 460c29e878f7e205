import type Database from 'better-sqlite3'
import { foldName } from '../../shared/ids'

/**
 * The FTS5 name index (A3, R2.4). Names are folded in JS with the shared `foldName` (æ, ø, å
 * kept) because SQLite's own diacritic folding would turn å into a.
 */
export interface NamedPerson {
  id: string
  firstName: string
  middleName: string | null
  lastName: string
}

export function indexPersonName(sqlite: Database.Database, p: NamedPerson): void {
  unindexPersonName(sqlite, p.id)
  const names = [p.firstName, p.middleName, p.lastName]
    .filter((n): n is string => !!n)
    .map(foldName)
    .join(' ')
  sqlite.prepare('INSERT INTO person_names (person_id, names) VALUES (?, ?)').run(p.id, names)
}

export function unindexPersonName(sqlite: Database.Database, personId: string): void {
  sqlite.prepare('DELETE FROM person_names WHERE person_id = ?').run(personId)
}

/**
 * Candidate person ids whose names have a token starting with every word of `words`
 * (already folded). A superset of the true matches: the caller filters with `nameMatches`.
 */
export function nameCandidates(sqlite: Database.Database, words: string[]): string[] {
  // Split like the unicode61 tokenizer (letters and digits), so "al-has" becomes "al" AND "has".
  const tokens = words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).filter((tok) => tok.length > 0)
  if (tokens.length === 0) return []
  const match = tokens.map((tok) => `"${tok.replace(/"/g, '""')}"*`).join(' AND ')
  const rows = sqlite.prepare('SELECT person_id AS id FROM person_names WHERE person_names MATCH ?').all(match) as { id: string }[]
  return rows.map((r) => r.id)
}
