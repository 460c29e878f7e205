import { entityNames, entitySchemas, toDomain } from '../../shared/sync'
import type { EntityName } from '../../shared/sync'
import { entityStores } from '../db/entities'
import { inputProblem } from '../../shared/domain'
import { validateDuf } from '../../shared/ids'
import type { ImportError, ParsedLine } from './types'

/** At most this many refusals are reported; a file that bad needs fixing at the source anyway. */
export const MAX_REPORTED_ERRORS = 500

/**
 * Parses and validates NDJSON line by line (A6). Empty lines are skipped. Each line is
 * `{"type": <entity>, ...row}` validated by the shared zod schema of that entity (unknown
 * fields are dropped), or `{"type", "id"|"code", "deleted": true}` for a tombstone. A
 * person's `dufCheckFailed` is always recomputed here (R2.2: a failed check is accepted and
 * flagged, never refused). The same entity key twice in one file is refused: which line
 * should win is not ours to guess.
 */
export function parseNdjson(text: string): { lines: ParsedLine[]; errors: ImportError[] } {
  const parser = new NdjsonParser()
  const raw = text.split(/\r?\n/)
  for (let i = 0; i < raw.length && !parser.full(); i++) parser.add(raw[i])
  return parser.result()
}

/**
 * Issue 11.6: the same parse fed one line at a time, so a large feed is read as a stream and
 * only the validated rows are kept, never the file's text.
 */
export class NdjsonParser {
  private readonly lines: ParsedLine[] = []
  private readonly errors: ImportError[] = []
  private readonly seen = new Map<string, number>()
  private n = 0

  /** Adds the next line of the file (without its line break). */
  add(text: string): void {
    const lineNo = ++this.n
    if (this.full() || text.trim() === '') return
    const res = parseLine(text, lineNo)
    if ('code' in res) {
      this.errors.push(res)
      return
    }
    const id = `${res.entity}:${res.key}`
    const first = this.seen.get(id)
    if (first !== undefined) {
      this.errors.push({ line: lineNo, code: 'DUPLICATE_KEY', field: FIELD_OF_KEY[res.entity], message: `${id} already on line ${first}` })
      return
    }
    this.seen.set(id, lineNo)
    this.lines.push(res)
  }

  /** Enough refusals reported: the rest of the file need not be judged. */
  full(): boolean {
    return this.errors.length >= MAX_REPORTED_ERRORS
  }

  result(): { lines: ParsedLine[]; errors: ImportError[] } {
    return { lines: this.lines, errors: this.errors }
  }
}

const FIELD_OF_KEY = Object.fromEntries(entityNames.map((e) => [e, entityStores[e].keyField])) as Record<EntityName, string>

/** Longest line judged at all (characters); the longest real row is under 2 kB. */
export const MAX_LINE_CHARS = 64 * 1024

function parseLine(text: string, line: number): ParsedLine | ImportError {
  if (text.length > MAX_LINE_CHARS) return { line, code: 'LINE_TOO_LONG', message: `a line may hold at most ${MAX_LINE_CHARS} characters` }
  let obj: unknown
  try {
    obj = JSON.parse(text)
  } catch (e) {
    return { line, code: 'INVALID_JSON', message: (e as Error).message }
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line, code: 'INVALID_LINE', message: 'a line must be a JSON object' }
  // Base data is single-line text: a control character (NUL breaks PostgreSQL) is refused by field.
  const problem = inputProblem(obj, { singleLine: true })
  if (problem) return { line, code: 'INVALID_ROW', field: problem.field, message: `${problem.field || '(row)'}: ${problem.problem}` }
  const { type, deleted, ...rest } = obj as Record<string, unknown>
  if (typeof type !== 'string' || !(entityNames as string[]).includes(type)) {
    return { line, code: 'UNKNOWN_TYPE', field: 'type', message: `unknown type ${JSON.stringify(type)}; expected one of ${entityNames.join(', ')}` }
  }
  const entity = type as EntityName
  const st = entityStores[entity]
  if (deleted !== undefined && typeof deleted !== 'boolean') return { line, code: 'INVALID_ROW', field: 'deleted', message: 'deleted: must be a boolean' }
  if (deleted) {
    const key = rest[st.keyField]
    if (typeof key !== 'string' || key === '') return { line, code: 'MISSING_KEY', field: st.keyField, message: `a tombstone needs ${st.keyField}` }
    return { line, entity, key, deleted: true }
  }
  if (entity === 'person' && typeof rest.duf === 'string') rest.dufCheckFailed = !validateDuf(rest.duf).valid
  const parsed = entitySchemas[entity].safeParse(rest)
  if (!parsed.success) {
    const message = parsed.error.issues.map((iss) => `${iss.path.join('.') || '(row)'}: ${iss.message}`).join('; ')
    return { line, code: 'INVALID_ROW', field: parsed.error.issues[0].path.join('.'), message }
  }
  const row = toDomain(entity, parsed.data) as Record<string, unknown>
  return { line, entity, key: String(row[st.keyField]), deleted: false, row }
}
