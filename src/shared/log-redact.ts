/**
 * What a log line may not carry (issue 11 point 8): refugees' names, DUF numbers, national ids
 * and birth dates. Logs are read by operators and shipped to other systems; the audit log
 * (access-controlled, D12) is where who-read-whom belongs. Used by the register's pino logger
 * (src/server/http/log.ts) and the device's logger (src/main/log.ts), so both mask alike.
 */

export const REDACTED = '<redacted>'

/**
 * Runs of 6+ digits (DUF 12, national id 11, YYYYMMDD 8, DDMMYY 6) and dates in ISO or
 * Norwegian form; a UUID (our row and mutation ids, never personal) is matched first and kept.
 */
const PERSONAL_NUMBER = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\d{6,}/gi

/** Free text a program wrote (a message, a path): numbers and dates that may be personal are masked. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, (m) => (m.length === 36 && m[8] === '-' ? m : REDACTED))
}

/**
 * An error's message as it may be logged: a failed query's parameters (drizzle appends
 * `params: …`) are cut, and quoted values (`invalid input syntax for type date: "2024-02-30"`,
 * `Unexpected token 'O', "Ola Nordma"…`) masked, since any of them may be a person's data.
 * A double-quoted lower-case SQL identifier (`"persons"`, `"first_name"`) is kept: it names
 * a table, column or constraint, and the register stores names capitalised.
 */
export function maskErrorMessage(message: string): string {
  const cut = message.replace(/\n?\s*params:[\s\S]*$/, '')
  const quoted = cut.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|«[^»]*»/g, (q) => (/^"[a-z_][a-z0-9_]*"$/.test(q) ? q : `${q[0]}${REDACTED}${q.at(-1)}`))
  return maskPersonalNumbers(quoted)
}

/** Query keys whose values are protocol state, never personal data (kept in the log for debugging). */
const SAFE_QUERY_KEYS = new Set(['cursor', 'limit'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A request URL as the log shows it. Query values are masked except protocol keys; a path
 * segment is kept only if it is a route word (`knownSegments`, from the registered routes), a
 * UUID or a short number — so a DUF number, a national id, a date or a name typed into any
 * path, routed or not, never reaches the log. Without `knownSegments` only segments that look
 * personal (numbers, dates, encoded text) are masked.
 */
export function redactUrl(url: string, knownSegments?: ReadonlySet<string>): string {
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  const query = q < 0 ? '' : url.slice(q + 1)
  const segments = path.split('/').map((seg) => (seg === '' || segmentIsSafe(seg, knownSegments) ? seg : REDACTED))
  const masked = segments.join('/')
  if (q < 0) return masked
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=')
      const key = eq < 0 ? p : p.slice(0, eq)
      const value = eq < 0 ? '' : p.slice(eq + 1)
      const safeKey = /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(key) ? key : REDACTED
      if (eq < 0) return safeKey
      return `${safeKey}=${SAFE_QUERY_KEYS.has(key) && /^[0-9:]{1,40}$/.test(value) ? value : REDACTED}`
    })
  return `${masked}?${pairs.join('&')}`
}

function segmentIsSafe(seg: string, known?: ReadonlySet<string>): boolean {
  if (UUID.test(seg) || /^\d{1,5}$/.test(seg)) return true
  if (known) return known.has(seg)
  return !/[%\s@]/.test(seg) && maskPersonalNumbers(seg) === seg
}

/** Fields whose values are personal data wherever they appear in a logged object. */
export const PERSONAL_KEYS = [
  'firstName',
  'middleName',
  'lastName',
  'name',
  'fullName',
  'displayName',
  'duf',
  'dufNumber',
  'nationalId',
  'regNumber',
  'birthDate',
  'password',
  'params',
  'detail',
  'payload',
  'body',
] as const

const PERSONAL_KEY_SET = new Set<string>(PERSONAL_KEYS)

export interface LoggedError {
  type: string
  message: string
  code?: string
  constraint?: string
  table?: string
  column?: string
  /** Frames only; empty when there is none. */
  stack: string
  cause?: LoggedError
}

/**
 * An error as it may be logged: its type, masked message, a database error's code and the
 * names of its constraint/table/column, and the stack frames (not the stack's first line,
 * which repeats the message). A driver's `detail` ("Failing row contains (…)"), `where`,
 * `params` and any other field are left out: they carry the row's values.
 */
export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: maskErrorMessage(String(err)), stack: '' }
  const e = err as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown }
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l))
  const out: LoggedError = { type: e.name, message: maskErrorMessage(e.message), stack: frames.map(maskErrorMessage).join('\n') }
  for (const k of ['code', 'constraint', 'table', 'column'] as const) if (typeof e[k] === 'string') out[k] = e[k]
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1)
  return out
}

/** A logged object with personal keys replaced and strings masked (for loggers without pino's redact). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return serializeError(value)
  if (typeof value === 'string') return maskPersonalNumbers(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > 5) return REDACTED
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PERSONAL_KEY_SET.has(k) ? REDACTED : redactValue(v, depth + 1)]))
}
