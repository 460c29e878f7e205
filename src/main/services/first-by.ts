/**
 * The first `k` items that `keep` accepts, in `compare` order, ties in input order: exactly
 * `items.filter(keep).sort(compare).slice(0, k)` (Array.prototype.sort is stable).
 *
 * Issue 12.5: a three-letter name prefix on 100,000 persons has thousands of candidates;
 * filtering (a Unicode fold per name) and sorting (a collator per comparison) all of them to
 * keep 100 was most of the search. A bounded max-heap compares most candidates once against
 * the worst kept one, and `keep` runs only on the few that would be returned. When some of
 * those are refused, the next round selects among the candidates after the last one looked at;
 * after `MAX_ROUNDS` rounds (a query most candidates fail) the plain filter-and-sort answers.
 */
export function firstBy<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number, keep: (item: T) => boolean): T[] {
  if (k <= 0) return []
  // Total order: `compare`, then input position (what a stable sort gives equal items).
  const before = (i: number, j: number) => compare(items[i], items[j]) || i - j
  const kept: T[] = []
  let after = -1 // the last index looked at; the next round selects only items after it
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const need = k - kept.length
    const chosen = smallest(items.length, need, before, after)
    for (const i of chosen) if (keep(items[i])) kept.push(items[i])
    // Fewer than asked for: every item after `after` has been looked at.
    if (kept.length >= k || chosen.length < need) return kept
    after = chosen[chosen.length - 1]
  }
  return items.filter(keep).sort(compare).slice(0, k)
}

const MAX_ROUNDS = 3

/** The `need` smallest indexes by `before` that come after `after` (-1: all), in order. */
function smallest(n: number, need: number, before: (i: number, j: number) => number, after: number): number[] {
  // Max-heap of indexes: heap[0] is the worst of those kept so far.
  const heap: number[] = []
  const up = (pos: number) => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1
      if (before(heap[parent], heap[pos]) >= 0) return
      ;[heap[parent], heap[pos]] = [heap[pos], heap[parent]]
      pos = parent
    }
  }
  const down = (pos: number) => {
    for (;;) {
      const l = 2 * pos + 1
      const r = l + 1
      let top = pos
      if (l < heap.length && before(heap[l], heap[top]) > 0) top = l
      if (r < heap.length && before(heap[r], heap[top]) > 0) top = r
      if (top === pos) return
      ;[heap[top], heap[pos]] = [heap[pos], heap[top]]
      pos = top
    }
  }
  for (let i = 0; i < n; i++) {
    if (after >= 0 && before(i, after) <= 0) continue
    if (heap.length < need) {
      heap.push(i)
      up(heap.length - 1)
    } else if (before(i, heap[0]) < 0) {
      heap[0] = i
      down(0)
    }
  }
  return heap.sort(before)
}
