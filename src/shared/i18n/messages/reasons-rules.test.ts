import { describe, expect, test } from 'vitest'
import { messages } from '../index'
import { ruleReasons } from './reasons-rules'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('R0 rule reason texts (nb and nn)', () => {
  test('R0 bokmål and nynorsk hold the same codes', () => {
    expect(Object.keys(ruleReasons.nn).sort()).toEqual(Object.keys(ruleReasons.nb).sort())
  })

  test.each(Object.keys(ruleReasons.nb))('R0 %s has the same placeholders in nb and nn, and a non-empty text', (code) => {
    const nb = ruleReasons.nb[code as keyof typeof ruleReasons.nb]
    const nn = ruleReasons.nn[code as keyof typeof ruleReasons.nn]
    expect(nb.length * nn.length).toBeGreaterThan(0)
    expect(placeholders(nn)).toEqual(placeholders(nb))
    // a bokmål-only word left in nynorsk means the text was not translated
    expect(nn).not.toMatch(/\b(ikke|Fant|enten|mer|noe|av din)\b/)
  })

  test('R0 the rule texts reach the merged message tree', () => {
    expect(messages.nb.reasons.BACK_REGISTRATION_WINDOW).toBe(ruleReasons.nb.BACK_REGISTRATION_WINDOW)
    expect(messages.nn.reasons.BACK_REGISTRATION_WINDOW).toBe(ruleReasons.nn.BACK_REGISTRATION_WINDOW)
  })
})
