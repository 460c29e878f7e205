import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
import { defaultFontsDir } from './pdf'

const fonts = join(process.cwd(), 'resources', 'fonts')

describe('defaultFontsDir (issue 10 point 3: fonts kept in resources/, found wherever the code runs)', () => {
  test.each([
    ['the source tree (tsx in browser mode, vitest)', 'src/main/certificates/pdf.ts'],
    ['the desktop bundle, main entry', 'out/main/index.js'],
    ['the desktop bundle, a split chunk', 'out/main/chunks/pdf-abc123.js'],
  ])('%s', (_where, file) => {
    expect(defaultFontsDir(pathToFileURL(join(process.cwd(), file)).href)).toBe(fonts)
  })

  test('a module elsewhere gets an error naming where it looked, not a PDF without its font', () => {
    expect(() => defaultFontsDir(pathToFileURL('/nowhere/a/b/c.js').href)).toThrow(/certificate fonts not found/)
  })
})
