import type Database from 'better-sqlite3'
import { foldName } from '../../shared/ids'

/**
 * The FTS5 name index (A3, R2.4). Names are folded in JS with the shared `foldName` (æ, ø, å
 * kept) because SQLite's own diacritic folding would turn å into a.
 *
 * A person's index row is found by rowid through `person_name_keys` (issue 12.4a): the FTS
 * column `person_id` is UNINDEXED, so a `DELETE … WHERE person_id = ?` scanned the whole index
 * for each person applied, which made a first sync grow faster than the data.
 */
export interface NamedPerson {
  id: string
  firstName: string
  middleName: string | null
  lastName: string
}

/** The statements of one connection, prepared once (a pull indexes every person it applies). */
interface Statements {
  key: Database.Statement<[string], { row: number }>
  forgetKey: Database.Statement<[string], { row: number }>
  deleteRow: Database.Statement<[number]>
  insertRow: Database.Statement<[number, string, string]>
  match: Database.Statement<[string], { id: string }>
}

const statements = new WeakMap<Database.Database, Statements>()

function prepared(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite)
  if (!s) {
    s = {
      // The no-op update makes RETURNING answer for a person already indexed too.
      key: sqlite.prepare('INSERT INTO person_name_keys (person_id) VALUES (?) ON CONFLICT (person_id) DO UPDATE SET person_id = excluded.person_id RETURNING name_row AS row'),
      forgetKey: sqlite.prepare('DELETE FROM person_name_keys WHERE person_id = ? RETURNING name_row AS row'),
      deleteRow: sqlite.prepare('DELETE FROM person_names WHERE rowid = ?'),
      insertRow: sqlite.prepare('INSERT INTO person_names (rowid, person_id, names) VALUES (?, ?, ?)'),
      match: sqlite.prepare('SELECT person_id AS id FROM person_names WHERE person_names MATCH ?'),
    }
    statements.set(sqlite, s)
  }
  return s
}

export function indexPersonName(sqlite: Database.Database, p: NamedPerson): void {
  const s = prepared(sqlite)
  const names = [p.firstName, p.middleName, p.lastName]
    .filter((n): n is string => !!n)
    .map(foldName)
    .join(' ')
  const { row } = s.key.get(p.id)!
  s.deleteRow.run(row)
  s.insertRow.run(row, p.id, names)
}

export function unindexPersonName(sqlite: Database.Database, personId: string): void {
  const s = prepared(sqlite)
  const key = s.forgetKey.get(personId)
  if (key) s.deleteRow.run(key.row)
}

/** Empties the index (a `reset_required` download replaces every person). */
export function clearNameIndex(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM person_names').run()
  sqlite.prepare('DELETE FROM person_name_keys').run()
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
  return prepared(sqlite)
    .match.all(match)
    .map((r) => r.id)
}
