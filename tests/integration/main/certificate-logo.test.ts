import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { certificateLogoFromEnv, MAX_LOGO_BYTES } from '../../../src/main/certificates/logo'
import { StartupError } from '../../../src/main/host/startup-error'

/** Issue 10 point 3: the certificate logo setting `NIR_CERTIFICATE_LOGO`, read at start. */
const dir = mkdtempSync(join(tmpdir(), 'nir-logo-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const icon = join(process.cwd(), 'resources', 'icon.png')

describe('NIR_CERTIFICATE_LOGO', () => {
  test('unset or empty: no logo', () => {
    expect(certificateLogoFromEnv(undefined)).toBeUndefined()
    expect(certificateLogoFromEnv('  ')).toBeUndefined()
  })

  test('a PNG file: its bytes', () => {
    expect(Buffer.from(certificateLogoFromEnv(icon)!)).toEqual(readFileSync(icon))
  })

  const svg = join(dir, 'logo.svg')
  writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>')
  const big = join(dir, 'big.png')
  writeFileSync(big, Buffer.concat([readFileSync(icon), Buffer.alloc(MAX_LOGO_BYTES)]))
  test.each([
    ['a file that is not a PNG', svg, 'is not a PNG picture'],
    ['a PNG above 1 MB', big, 'larger than 1 MB'],
    ['a missing file', join(dir, 'none.png'), 'can not be read (ENOENT)'],
    ['a folder', dir, 'can not be read'],
  ])('%s stops the start with its reason', (_, path, reason) => {
    expect(() => certificateLogoFromEnv(path)).toThrow(StartupError)
    expect(() => certificateLogoFromEnv(path)).toThrow(reason)
  })
})
