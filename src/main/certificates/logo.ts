import { readFileSync, statSync } from 'node:fs'
import { StartupError } from '../host/startup-error'

/** The PNG file signature (8 bytes). */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** A logo is a small picture; a bigger file is a wrong file (a scan, a photo), not a logo. */
export const MAX_LOGO_BYTES = 1024 * 1024

/**
 * The municipality's logo for participant certificates (issue 10 point 3), from the setting
 * `NIR_CERTIFICATE_LOGO`: the path of a PNG file of at most 1 MB. Unset or empty: no logo.
 * Read once at start, so a wrong setting stops the start with its reason (like the other
 * settings) instead of failing the first certificate a caseworker issues.
 */
export function certificateLogoFromEnv(value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value.trim() === '') return undefined
  let bytes: Buffer
  try {
    if (statSync(value).size > MAX_LOGO_BYTES) throw new StartupError(`NIR_CERTIFICATE_LOGO: "${value}" is larger than 1 MB; a certificate logo is a small PNG picture.`)
    bytes = readFileSync(value)
  } catch (err) {
    if (err instanceof StartupError) throw err
    throw new StartupError(`NIR_CERTIFICATE_LOGO: the file "${value}" can not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new StartupError(`NIR_CERTIFICATE_LOGO: "${value}" is not a PNG picture.`)
  return new Uint8Array(bytes)
}
