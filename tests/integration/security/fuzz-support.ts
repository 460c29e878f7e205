import fc from 'fast-check'

/**
 * Issue 11.10: what the fuzz suites share — the run budget, the seed, and the hostile values
 * an attacker (or a broken client) puts where a valid payload had its fields.
 *
 * `NIR_FUZZ_RUNS` multiplies every property's runs (CI: 1; `NIR_FUZZ_RUNS=10` for a long
 * night), `NIR_FUZZ_SEED` replays another seed. The default seed is fixed, so a CI failure
 * replays exactly; fast-check's failure message names the seed and the path of the case.
 */
export const FUZZ_MULTIPLIER = Math.max(0.01, Number(process.env.NIR_FUZZ_RUNS ?? 1) || 1)
export const FUZZ_SEED = Number(process.env.NIR_FUZZ_SEED ?? 20261201) | 0

/** One property's time limit: a loaded CI machine is slow, and `NIR_FUZZ_RUNS` makes it longer. */
export const FUZZ_TIMEOUT_MS = Math.round(240_000 * Math.max(1, FUZZ_MULTIPLIER))

export function fuzzParameters(runs: number): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(runs * FUZZ_MULTIPLIER)), seed: FUZZ_SEED, endOnFailure: true }
}

/** A value nested `depth` objects and arrays deep (the limit is 16). */
export function nested(depth: number): unknown {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

// NUL and the like are refused by the input limits; tab and line breaks pass them and meet the single-line schemas.
const controlChar = fc.oneof(
  fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u007f', '\u0000', '\n', '\r', '\t', '\r\n'),
)

/** Values that break a field of any type: wrong types, impossible dates, out-of-range numbers, control characters, size. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  // Dates that do not exist, or are not dates in the expected form.
  { weight: 3, arbitrary: fc.constantFrom('2024-02-30', '0000-00-00', '2024-13-01', '2023-02-29', '2024-00-10', '99999-01-01', '2024-1-1', '01.02.2024', '2024-02-29T25:00:00Z') },
  // Numbers beyond the 4-byte columns, fractions where integers belong, negatives.
  { weight: 3, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1, 0, 0.5, -0.25, 1e-9, 53, 54, 9999, 10_000) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(true, false, null, '', ' ', '0', 'true', 'null', [], {}) },
  // NUL and other control characters inside otherwise plain text.
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b) },
  // Just over and far over the 10,000-character limit.
  { weight: 1, arbitrary: fc.constantFrom(10_001, 50_000).map((n) => 'x'.repeat(n)) },
  // Nesting past the limit of 16, and arrays past 10,000 entries.
  { weight: 1, arbitrary: fc.integer({ min: 14, max: 40 }).map(nested) },
  { weight: 1, arbitrary: fc.constant(null).map(() => new Array(10_001).fill(1)) },
  // Unicode the schemas never expect: lone surrogates, right-to-left marks, combining marks.
  { weight: 1, arbitrary: fc.constantFrom('\ud800', 'a\udfffb', '\u202eabc', 'e\u0301\u0301\u0301', '\ufeff', '𝔘𝔫𝔦') },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
)

type Path = (string | number)[]

/** Every node's path in a JSON value, the root's (`[]`) first. */
function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]))
  return out
}

function withAt(v: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>
  let parent = copy
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>
  change(parent, path[path.length - 1]!)
  return copy
}

/**
 * A valid payload spoiled in one place: a field replaced by a hostile value, a field
 * dropped, or an extra key added (the contract's schemas are strict).
 */
export function mutationOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid)
  const inner = paths.filter((p) => p.length > 0)
  const objects = paths.filter((p) => {
    let v: unknown = valid
    for (const k of p) v = (v as Record<string | number, unknown>)[k]
    return v !== null && typeof v === 'object' && !Array.isArray(v)
  })
  const once = (v: unknown): fc.Arbitrary<unknown> => {
    const ops: fc.Arbitrary<unknown>[] = [hostileValue]
    if (inner.length) {
      ops.push(fc.tuple(fc.constantFrom(...inner), hostileValue).map(([p, x]) => withAt(v, p, (o, k) => (o[k] = x))))
      ops.push(fc.constantFrom(...inner).map((p) => withAt(v, p, (o, k) => (Array.isArray(o) ? o.splice(Number(k), 1) : delete o[k]))))
    }
    if (objects.length) {
      const extra = fc.tuple(
        fc.constantFrom(...objects),
        fc.oneof(fc.constantFrom('__proto__', 'constructor', 'deleted', 'version', 'id', 'x'), fc.string({ maxLength: 12 })),
        hostileValue,
      )
      ops.push(extra.map(([p, k, x]) => (p.length ? withAt(v, [...p, k], (o, key) => (o[key] = x)) : { ...(v as object), [k]: x })))
    }
    return fc.oneof(...ops.slice(1).map((arbitrary) => ({ weight: 4, arbitrary })), { weight: 1, arbitrary: ops[0]! })
  }
  return once(valid)
}

/**
 * An input for a call that has these valid payloads: mostly one of them spoiled, sometimes
 * arbitrary JSON, now and then a valid one unchanged (so the checks behind the schema run too).
 */
export function inputFor(valids: unknown[]): fc.Arbitrary<unknown> {
  const seeds = valids.length ? valids : [{}]
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...seeds).chain(mutationOf) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(...seeds) },
  )
}
