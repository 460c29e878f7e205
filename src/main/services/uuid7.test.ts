import { describe, expect, test } from 'vitest'
import { uuidv7, uuidv7Time } from './uuid7'

const SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('UUIDv7 (RFC 9562 §5.7), the outbox idempotency key', () => {
  test.each([
    ['the Unix epoch', 0],
    ['a date in 2025', Date.parse('2025-02-14T10:00:00.123Z')],
    ['the largest 48-bit millisecond', 2 ** 48 - 1],
  ])('carries version 7, variant 10 and the millisecond of %s', (_name, ms) => {
    const id = uuidv7(ms)
    expect(id).toMatch(SHAPE)
    expect(uuidv7Time(id)).toBe(ms)
  })

  test('ids made in the same millisecond are distinct and sort in creation order', () => {
    const ms = Date.parse('2025-02-14T10:00:00Z')
    const ids = Array.from({ length: 2000 }, () => uuidv7(ms))
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    expect(ids.every((id) => SHAPE.test(id) && uuidv7Time(id) === ms)).toBe(true)
  })

  test('a later millisecond sorts after an earlier one', () => {
    const a = uuidv7(1_000)
    const b = uuidv7(1_001)
    expect(a < b).toBe(true)
  })
})
