import { isValidIsoDate, type IsoDate } from './days'

const NORWEGIAN_SHAPE = /^(\d{2})\.(\d{2})\.(\d{4})$/

/** `YYYY-MM-DD` → `dd.mm.åååå`; throws RangeError on a malformed date. */
export function formatNorwegianDate(iso: IsoDate): string {
  if (!isValidIsoDate(iso)) throw new RangeError(`not a YYYY-MM-DD date: ${String(iso)}`)
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
}

/** True when `s` has the shape `dd.mm.åååå` (2 + 2 + 4 digits), whether or not the date exists. */
export function hasNorwegianDateShape(s: string): boolean {
  return NORWEGIAN_SHAPE.test(s)
}

/** `dd.mm.åååå` → `YYYY-MM-DD`; null for any other shape or a date that does not exist (31.02.2021). */
export function parseNorwegianDate(s: string): IsoDate | null {
  const m = NORWEGIAN_SHAPE.exec(s)
  if (!m) return null
  const iso = `${m[3]}-${m[2]}-${m[1]}`
  return isValidIsoDate(iso) ? iso : null
}
