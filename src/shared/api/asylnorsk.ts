import { commandEntry } from './saved'

/** Training for asylum seekers (D7): weekly participation per person and the municipality's yearly offer. */
export const asylnorskSlice = {
  'asylnorsk.saveWeeklyParticipation': commandEntry('asylnorsk.saveWeeklyParticipation'),
  'asylnorsk.registerOffer': commandEntry('asylnorsk.registerOffer'),
} as const
