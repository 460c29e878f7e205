import { entityNames, entitySchemas, toDomain } from '../../shared/sync'
import type { EntityName } from '../../shared/sync'
import { entityStores } from '../db/entities'
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
  const lines: ParsedLine[] = []
  const errors: ImportError[] = []
  const seen = new Map<string, number>()
  const raw = text.split(/\r?\n/)
  for (let i = 0; i < raw.length && errors.length < MAX_REPORTED_ERRORS; i++) {
    if (raw[i].trim() === '') continue
    const res = parseLine(raw[i], i + 1)
    if ('code' in res) {
      errors.push(res)
      continue
    }
    const id = `${res.entity}:${res.key}`
    const first = seen.get(id)
    if (first !== undefined) {
      errors.push({ line: i + 1, code: 'DUPLICATE_KEY', message: `${id} already on line ${first}` })
      continue
    }
    seen.set(id, i + 1)
    lines.push(res)
  }
  return { lines, errors }
}

function parseLine(text: string, line: number): ParsedLine | ImportError {
  let obj: unknown
  try {
    obj = JSON.parse(text)
  } catch (e) {
    return { line, code: 'INVALID_JSON', message: (e as Error).message }
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line, code: 'INVALID_LINE', message: 'a line must be a JSON object' }
  const { type, deleted, ...rest } = obj as Record<string, unknown>
  if (typeof type !== 'string' || !(entityNames as string[]).includes(type)) {
    return { line, code: 'UNKNOWN_TYPE', message: `unknown type ${JSON.stringify(type)}; expected one of ${entityNames.join(', ')}` }
  }
  const entity = type as EntityName
  const st = entityStores[entity]
  if (deleted !== undefined && typeof deleted !== 'boolean') return { line, code: 'INVALID_ROW', message: 'deleted: must be a boolean' }
  if (deleted) {
    const key = rest[st.keyField]
    if (typeof key !== 'string' || key === '') return { line, code: 'MISSING_KEY', message: `a tombstone needs ${st.keyField}` }
    return { line, entity, key, deleted: true }
  }
  if (entity === 'person' && typeof rest.duf === 'string') rest.dufCheckFailed = !validateDuf(rest.duf).valid
  const parsed = entitySchemas[entity].safeParse(rest)
  if (!parsed.success) {
    const message = parsed.error.issues.map((iss) => `${iss.path.join('.') || '(row)'}: ${iss.message}`).join('; ')
    return { line, code: 'INVALID_ROW', message }
  }
  const row = toDomain(entity, parsed.data) as Record<string, unknown>
  return { line, entity, key: String(row[st.keyField]), deleted: false, row }
}
