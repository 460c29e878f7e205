import { describe, expect, test } from 'vitest'
import { PUSH_MAX_BYTES, pushRequestSchema } from '../../shared/sync'
import { fitRequest } from './push'

/**
 * A4 / issue 7 point 10: the device sends up to 2,000 outbox rows per request, but never a
 * request the register's body limit would refuse with 413 (which would stop the queue for
 * good): a request ends before the row that takes its text over the limit.
 */
const row = (chars: number) => ({ payload: 'x'.repeat(chars), baseVersions: '{}' })

describe('push request size (A4)', () => {
  test.each([
    { name: 'small rows all fit', sizes: [10, 10, 10], max: 100, sent: 3 },
    { name: 'the row that would pass the limit starts the next request', sizes: [40, 40, 40], max: 90, sent: 2 },
    { name: 'exactly at the limit still fits', sizes: [48, 48], max: 100, sent: 2 },
    { name: 'a first row larger than the limit goes alone, so it is never stuck', sizes: [500, 10], max: 100, sent: 1 },
    { name: 'an empty queue sends nothing', sizes: [], max: 100, sent: 0 },
  ])('A4 $name', ({ sizes, max, sent }) => {
    const rows = sizes.map(row)
    const fit = fitRequest(rows, max)
    expect(fit).toHaveLength(sent)
    // In order, from the front: the rows left over keep their seq order for the next request.
    expect(fit).toEqual(rows.slice(0, sent))
  })

  test('A4 the register accepts 2,000 mutations in one request and refuses 2,001', () => {
    const m = { id: 'm', seq: 1, command: 'c', payload: {}, contractVersion: 1, rulesVersion: 'r', naturalKey: null, baseVersions: {}, dependsOn: null, recordedAt: 't' }
    const req = (n: number) => ({ deviceId: 'd', lastSyncAt: null, mutations: Array.from({ length: n }, (_, i) => ({ ...m, seq: i + 1 })) })
    expect(pushRequestSchema.safeParse(req(2000)).success).toBe(true)
    expect(pushRequestSchema.safeParse(req(2001)).success).toBe(false)
    expect(PUSH_MAX_BYTES).toBeGreaterThanOrEqual(8 * 1024 * 1024)
  })
})
