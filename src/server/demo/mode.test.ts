import { describe, expect, test } from 'vitest'
import { demoWanted } from './mode'

describe('13b the demo loads only into the embedded default or when asked for', () => {
  test.each([
    { name: 'embedded PGlite, no flag → demo', args: [], url: undefined, demo: true },
    { name: 'embedded PGlite, --no-demo → empty', args: ['--no-demo'], url: undefined, demo: false },
    { name: 'real DATABASE_URL, no flag → empty', args: [], url: 'postgres://nir@db/nir', demo: false },
    { name: 'real DATABASE_URL, --demo → demo', args: ['serve', '--demo'], url: 'postgres://nir@db/nir', demo: true },
    { name: 'an empty DATABASE_URL counts as none → demo', args: [], url: '', demo: true },
    { name: '--no-demo wins over --demo', args: ['--demo', '--no-demo'], url: undefined, demo: false },
  ])('$name', ({ args, url, demo }) => {
    expect(demoWanted(args, url)).toBe(demo)
  })
})
