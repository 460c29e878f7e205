import { describe, expect, test } from 'vitest'
import { byName } from './person-rows'
import { firstBy } from './first-by'

type P = { n: number; lastName: string; firstName: string; birthDate: string }

/** Deterministic pseudo-random numbers, so a failure names its seed. */
function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648)
}

const surnames = ['Berg', 'berg', 'Bergé', 'Aasen', 'Åsen', 'Øst', 'Ås', 'Berge', 'Al-Hassan', 'Zahl', 'Ærø', 'Ber']
const firsts = ['Ola', 'Åse', 'ola', 'Kari']

function persons(seed: number, count: number): P[] {
  const r = rng(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  return Array.from({ length: count }, (_, n) => ({ n, lastName: pick(surnames), firstName: pick(firsts), birthDate: pick(['1990-01-01', '1980-05-05']) }))
}

describe('firstBy equals filter + stable sort + slice (issue 12.5: search keeps the same hits in the same order, R2.4)', () => {
  const keeps: { name: string; keep: (p: P) => boolean }[] = [
    { name: 'every candidate kept', keep: () => true },
    { name: 'a few refused', keep: (p) => p.n % 7 !== 3 },
    { name: 'most refused (falls back after the rounds)', keep: (p) => p.n % 9 === 0 },
    { name: 'none kept', keep: () => false },
    { name: 'only the last-sorted surname kept', keep: (p) => p.lastName === 'Åsen' },
  ]
  for (const { name, keep } of keeps)
    test.each([0, 1, 5, 100, 101, 250, 1000].flatMap((count) => [1, 2, 101].map((k) => ({ count, k }))))(`${name}: $count candidates, k = $k`, ({ count, k }) => {
      for (const seed of [1, 2, 3]) {
        const items = persons(seed * 1000 + count, count)
        const expected = items.filter(keep).sort(byName).slice(0, k)
        // Ties (same names and birth date) must keep input order, so compare identities.
        expect(firstBy(items, k, byName, keep).map((p) => p.n)).toEqual(expected.map((p) => p.n))
      }
    })

  test('k = 0 gives nothing and asks keep nothing', () => {
    let asked = 0
    expect(firstBy(persons(1, 50), 0, byName, () => (asked++, true))).toEqual([])
    expect(asked).toBe(0)
  })

  test('keep runs only on the items that would be returned when none is refused', () => {
    let asked = 0
    firstBy(persons(4, 5000), 101, byName, () => (asked++, true))
    expect(asked).toBe(101)
  })
})
