import { describe, expect, test } from 'vitest'
import { redactUrl } from './log'

describe('13c no personal data in the request log', () => {
  test.each([
    ['a DUF number in the look-up path', '/persons/by-duf/201425485701', '/persons/by-duf/<redacted>'],
    ['an 11-digit national id anywhere', '/x?nationalId=01019012345', '/x?nationalId=<redacted>'],
    ['a pull cursor keeps its short numbers', '/sync/pull?cursor=3:1200&limit=500', '/sync/pull?cursor=3:1200&limit=500'],
    ['a path without digits is unchanged', '/auth/login', '/auth/login'],
  ])('%s', (_name, url, logged) => {
    expect(redactUrl(url)).toBe(logged)
  })
})
