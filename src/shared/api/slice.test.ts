import { z } from 'zod'
import { describe, expect, test } from 'vitest'
import { contract, contractNames } from './contract'
import { mergeSlices } from './slice'

const entry = { input: z.object({}), output: {} as string }

describe('contract slices (style.md 4)', () => {
  test("the merged contract holds every slice's names, each once", () => {
    expect(contractNames).toContain('session.login')
    expect(contractNames).toContain('personList.add')
    expect(new Set(contractNames).size).toBe(contractNames.length)
    expect(contract['persons.get'].input.safeParse({ personId: 'p1' }).success).toBe(true)
  })

  test('disjoint slices merge into one map', () => {
    expect(Object.keys(mergeSlices({ 'a.x': entry }, { 'b.y': entry }))).toEqual(['a.x', 'b.y'])
  })

  test('a name in two slices is a type error and, past a cast, an error at start-up', () => {
    // @ts-expect-error the compiler names 'a.x' as a duplicate
    expect(() => mergeSlices({ 'a.x': entry }, { 'b.y': entry, 'a.x': entry })).toThrow('contract name a.x is declared twice')
  })
})
