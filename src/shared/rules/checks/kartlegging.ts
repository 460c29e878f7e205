import type { Claim, Contact, LanguageTrack } from '../../domain/registrations'
import { datesValid, type CheckInput } from './context'

/** Claim kinds allowed per scheme (D6.2, D8.1). */
const CLAIM_KINDS: Record<Claim['scheme'], readonly Claim['kind'][]> = {
  norsk: ['NORSKOPPLAERING', 'UTSETT_OPPSTART'],
  intro: ['INTROPROGRAM'],
}

/** D6.1 / D8.1 contact: an existing date (window and future: R8). */
export function checkContact({ f }: CheckInput, c: Contact): void {
  datesValid(f, { date: c.date })
}

/** D6.2 / D8.1 claim: an existing date and a kind that belongs to the scheme. */
export function checkClaim({ f }: CheckInput, c: Claim): void {
  datesValid(f, { date: c.date })
  if (!CLAIM_KINDS[c.scheme].includes(c.kind)) f.error('CLAIM_KIND_SCHEME_MISMATCH', 'kind', { kind: c.kind, scheme: c.scheme })
}

/**
 * R6.5 language and track: language codes are ISO 639-3 shaped (three letters, checked by
 * the schema); track is one of the four codes (schema); a new registration needs a date
 * after every earlier one. Editing a saved row (same id) keeps its place in the history,
 * so it only may not share its date with another row.
 */
export function checkLanguageTrack({ f, snapshot }: CheckInput, t: LanguageTrack): void {
  if (!datesValid(f, { date: t.date })) return
  const others = snapshot.registrations.languageTracks.filter((x) => x.id !== t.id)
  const isEdit = others.length !== snapshot.registrations.languageTracks.length
  let previous: string | null = null
  for (const x of others) if (previous === null || x.date > previous) previous = x.date
  if (isEdit) {
    if (others.some((x) => x.date === t.date)) f.error('TRACK_DATE_NOT_AFTER_PREVIOUS', 'date', { previous: t.date })
  } else if (previous !== null && t.date <= previous) {
    f.error('TRACK_DATE_NOT_AFTER_PREVIOUS', 'date', { previous })
  }
}
