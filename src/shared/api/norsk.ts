import { commandEntry } from './saved'

/** Deltaking norsk and Kartlegging (D6): weekly participation and the language/track history. */
export const norskSlice = {
  'norsk.saveWeeklyParticipation': commandEntry('norsk.saveWeeklyParticipation'),
  'norsk.deleteWeeklyParticipation': commandEntry('norsk.deleteWeeklyParticipation'),
  'norsk.registerLanguageTrack': commandEntry('norsk.registerLanguageTrack'),
} as const
