import { describe, expect, test } from 'vitest'
import { app } from './app'

type Tree = { [k: string]: string | Tree }
const leaves = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)))
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

const nb = new Map(leaves(app.nb as unknown as Tree))
const nn = new Map(leaves(app.nn as unknown as Tree))

describe('D12 screen texts exist in bokmål and nynorsk', () => {
  test('nb and nn hold the same keys', () => {
    expect([...nn.keys()].sort()).toEqual([...nb.keys()].sort())
  })

  test.each([...nb.keys()])('%s: non-empty in both, same placeholders and plural forms', (key) => {
    const a = nb.get(key)!
    const b = nn.get(key)!
    expect(a.trim().length * b.trim().length).toBeGreaterThan(0)
    expect(placeholders(b)).toEqual(placeholders(a))
    expect(b.split('|').length).toBe(a.split('|').length)
  })

  test.each([...nn.entries()])('nynorsk %s has no bokmål-only words', (_key, text) => {
    expect(text).not.toMatch(/\b(ikke|Fant|mer|noe|hentet|Kommer|senere|siden|navn|Innlogget|brukernavn)\b/i)
  })
})
