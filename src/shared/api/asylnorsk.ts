import type { AsylnorskOffer } from '../domain'
import { empty } from './inputs'
import { commandEntry } from './saved'

/** The municipality's offers with the sync marks of this device's unsent or refused offers. */
export interface AsylnorskOffers {
  offers: AsylnorskOffer[]
  /** `"asylnorskOffer:<id>"` → mark, as `PersonView.syncMarks` (offers belong to no person). */
  syncMarks: Record<string, 'pending' | 'problem'>
}

/** Training for asylum seekers (D7): weekly participation per person and the municipality's yearly offer. */
export const asylnorskSlice = {
  /**
   * The yearly offers (R7.1) of the user's municipality, newest year first: what the
   * municipality page lists and what a week of participation must lie inside (R7.2).
   * Offers are reference-like: every device holds them, whoever registered them.
   */
  'asylnorsk.offers': { input: empty, output: {} as AsylnorskOffers },
  'asylnorsk.saveWeeklyParticipation': commandEntry('asylnorsk.saveWeeklyParticipation'),
  'asylnorsk.registerOffer': commandEntry('asylnorsk.registerOffer'),
} as const
