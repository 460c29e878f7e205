import { z } from 'zod'

/**
 * Issue 11.6: limits every input meets before a schema, a rule or a database sees it. A
 * PostgreSQL `text` or `jsonb` value cannot hold U+0000 (the insert fails: a 500), and no
 * field of ours means a control character, so one is refused as bad input naming its field.
 */
export const INPUT_LIMITS = {
  /** Longest string anywhere in an API body or an import line (free texts are 2000). */
  maxString: 10_000,
  /** Deepest nesting of objects and arrays (our payloads are 4 deep at most). */
  maxDepth: 16,
  /** Most entries in one array or object: bounds the work a single small body can cause. */
  maxEntries: 10_000,
} as const

/** C0 controls and DEL; `\t`, `\n` and `\r` only where a multi-line free text allows them. */
const CONTROL = /[\u0000-\u001f\u007f]/
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

export interface InputProblem {
  /** Dotted path of the offending field (`''` for the whole value). */
  field: string
  problem: 'control-character' | 'too-long' | 'too-deep' | 'too-many-entries' | 'not-a-finite-number'
}

/**
 * The first problem of a parsed JSON value, or null. `singleLine` refuses line breaks and tabs
 * too (base data and usernames are single-line); otherwise multi-line texts keep them.
 */
export function inputProblem(value: unknown, opts: { singleLine?: boolean } = {}): InputProblem | null {
  const control = opts.singleLine ? CONTROL : CONTROL_BUT_WHITESPACE
  const walk = (v: unknown, path: string[], depth: number): InputProblem | null => {
    const field = path.join('.')
    if (typeof v === 'string') {
      if (v.length > INPUT_LIMITS.maxString) return { field, problem: 'too-long' }
      return control.test(v) ? { field, problem: 'control-character' } : null
    }
    if (typeof v === 'number') return Number.isFinite(v) ? null : { field, problem: 'not-a-finite-number' }
    if (v === null || typeof v !== 'object') return null
    if (depth >= INPUT_LIMITS.maxDepth) return { field, problem: 'too-deep' }
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v)
    if (entries.length > INPUT_LIMITS.maxEntries) return { field, problem: 'too-many-entries' }
    for (const [k, x] of entries) {
      // A key is input too (it becomes a jsonb key or a column name lookup).
      if (control.test(k) || k.length > 200) return { field: [...path, k.slice(0, 200)].join('.'), problem: k.length > 200 ? 'too-long' : 'control-character' }
      const p = walk(x, [...path, k], depth + 1)
      if (p) return p
    }
    return null
  }
  return walk(value, [], 0)
}

/**
 * The message of a schema's control-character refusal; the register answers an issue with it
 * `INVALID_INPUT` naming the field, as the input guard answers a NUL (http/errors.ts).
 */
export const CONTROL_CHARACTERS_MESSAGE = 'control characters are not allowed'

/** A single-line text of at most `max` characters without control characters. */
export function plainText(max: number) {
  return z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, CONTROL_CHARACTERS_MESSAGE)
}

/** Largest and smallest value of a PostgreSQL/SQLite `integer` column. */
export const INT4_MAX = 2_147_483_647
export const int4 = z
  .number()
  .int()
  .min(-INT4_MAX - 1)
  .max(INT4_MAX)

/**
 * Issue 11.3: the one form of a username, used wherever one is compared, stored or turned into
 * a file name (register lookup and creation, the device's replica file, its session): Unicode
 * NFC (so `é` typed as e + combining accent is the same name), trimmed, lower case.
 */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase()
}

/** A username as input: control characters (NUL) refused, then normalised; 1–100 characters. */
export const usernameSchema = z
  .string()
  .max(200)
  .regex(/^[^\u0000-\u001f\u007f]*$/, CONTROL_CHARACTERS_MESSAGE)
  .transform(normaliseUsername)
  .pipe(z.string().min(1).max(100))
