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
  matchInScope: Database.Statement<[string, string], [string, string, string | null, string, string]>
}

/** What a name search needs to filter and order its candidates, without the whole person row. */
export interface NameCandidate {
  id: string
  firstName: string
  middleName: string | null
  lastName: string
  birthDate: string
}

const statements = new WeakMap<Database.Database, Statements>()

function prepared(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite)
  if (!s) {
    s = {
      // The update makes RETURNING answer for a person already indexed too. The search columns
      // come from the person's row (written just before); the triggers of migration 0011 keep
      // them current after that. No person row: not in scope, never a search candidate.
      key: sqlite.prepare(
        `INSERT INTO person_name_keys (person_id, municipality, in_scope, first_name, middle_name, last_name, birth_date)
         SELECT x.id, p.follow_up_municipality, coalesce(p.deleted = 0 AND p.cached_read_only = 0, 0), p.first_name, p.middle_name, p.last_name, p.birth_date
         FROM (SELECT ? AS id) x LEFT JOIN persons p ON p.id = x.id WHERE true
         ON CONFLICT (person_id) DO UPDATE SET municipality = excluded.municipality, in_scope = excluded.in_scope, first_name = excluded.first_name,
           middle_name = excluded.middle_name, last_name = excluded.last_name, birth_date = excluded.birth_date
         RETURNING name_row AS row`,
      ),
      forgetKey: sqlite.prepare('DELETE FROM person_name_keys WHERE person_id = ? RETURNING name_row AS row'),
      deleteRow: sqlite.prepare('DELETE FROM person_names WHERE rowid = ?'),
      insertRow: sqlite.prepare('INSERT INTO person_names (rowid, person_id, names) VALUES (?, ?, ?)'),
      match: sqlite.prepare('SELECT person_id AS id FROM person_names WHERE person_names MATCH ?'),
      // The FTS match drives (CROSS JOIN fixes the order); each candidate is one look-up of its
      // `person_name_keys` row by rowid, which carries the person's scope and name columns
      // (issue 12.5: the person row itself was an index look-up plus a table look-up each).
      // Rows as arrays (`raw`), made objects in JS: better-sqlite3 builds an object row property
      // by property, and for the ~2,500 candidates of a three-letter prefix on 100,000 persons
      // that was half the search (issue 12.5).
      matchInScope: sqlite
        .prepare<[string, string], [string, string, string | null, string, string]>(
          `SELECT k.person_id, k.first_name, k.middle_name, k.last_name, k.birth_date
         FROM person_names f CROSS JOIN person_name_keys k ON k.name_row = f.rowid
         WHERE person_names MATCH ? AND k.municipality = ? AND k.in_scope = 1`,
        )
        .raw(),
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
  const match = matchExpression(words)
  if (match === null) return []
  return prepared(sqlite)
    .match.all(match)
    .map((r) => r.id)
}

/**
 * Like `nameCandidates`, for live persons followed up by `municipality` (D5, not cached
 * copies), with the columns a search filters and sorts by (issue 12.4f: the whole rows of
 * every candidate were loaded to keep 100).
 */
export function nameCandidatesInScope(sqlite: Database.Database, words: string[], municipality: string): NameCandidate[] {
  const match = matchExpression(words)
  if (match === null) return []
  return prepared(sqlite)
    .matchInScope.all(match, municipality)
    .map(([id, firstName, middleName, lastName, birthDate]) => ({ id, firstName, middleName, lastName, birthDate }))
}

/** The FTS5 prefix query of the words, or null when they hold no token. */
function matchExpression(words: string[]): string | null {
  // Split like the unicode61 tokenizer (letters and digits), so "al-has" becomes "al" AND "has".
  const tokens = words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).filter((tok) => tok.length > 0)
  if (tokens.length === 0) return null
  return tokens.map((tok) => `"${tok.replace(/"/g, '""')}"*`).join(' AND ')
}
