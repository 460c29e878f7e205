import type { z } from 'zod'

/** One contract entry: the zod schema of the input, and the result type (as a phantom value). */
export interface ContractEntry {
  input: z.ZodTypeAny
  output: unknown
}

/** Names that occur in more than one slice (never when all are distinct). */
type Duplicates<S extends readonly object[], Seen extends PropertyKey = never> = S extends readonly [infer H extends object, ...infer R extends readonly object[]]
  ? (keyof H & Seen) | Duplicates<R, Seen | keyof H>
  : never
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
/** `unknown` when the slices are disjoint; otherwise a shape no argument list has, naming the clash. */
type Disjoint<S extends readonly object[]> = [Duplicates<S>] extends [never] ? unknown : { duplicateContractNames: Duplicates<S> }

/**
 * Merges the per-area contract slices into one contract (style.md 4, Actual's handler maps).
 * A name declared in two slices is a type error at the call (the arguments must also satisfy
 * `{ duplicateContractNames: … }`, which names the clash) and, should a cast hide it, an error
 * at start-up: a channel name must mean one thing.
 */
export function mergeSlices<const S extends readonly Record<string, ContractEntry>[]>(...slices: S & Disjoint<S>): UnionToIntersection<S[number]> {
  const merged: Record<string, ContractEntry> = {}
  for (const slice of slices as readonly Record<string, ContractEntry>[]) {
    for (const [name, entry] of Object.entries(slice)) {
      if (Object.hasOwn(merged, name)) throw new Error(`contract name ${name} is declared twice`)
      merged[name] = entry
    }
  }
  return merged as UnionToIntersection<S[number]>
}
