import { afterAll, describe, expect, test } from 'vitest'
import { ServiceContext } from '../../../src/main/services'
import { sessionState } from '../../../src/main/services/session'
import { tempDir } from '../sync/helpers'

/** issue 6 point 7: "today" is the Europe/Oslo date, computed once in main for the renderer. */
describe('SessionState.today', () => {
  const tmp = tempDir('today')
  afterAll(() => tmp.remove())
  test.each([
    ['R11.11 late evening UTC in summer is already tomorrow in Oslo', '2025-06-30T22:30:00Z', '2025-07-01'],
    ['R11.11 late evening UTC in winter is still today in Oslo until 23:00 UTC', '2025-01-14T22:59:59Z', '2025-01-14'],
    ['R11.11 after 23:00 UTC in winter it is tomorrow in Oslo', '2025-01-14T23:00:00Z', '2025-01-15'],
    ['R11.11 the night DST starts', '2025-03-29T23:30:00Z', '2025-03-30'],
  ])('%s', (_name, instant, expected) => {
    const ctx = new ServiceContext({ dataDir: tmp.dir, serverUrl: 'http://127.0.0.1:1', now: () => new Date(instant) })
    expect(sessionState(ctx).today).toBe(expected)
  })
})
