import { commandEntry } from './saved'

/** Decisions (vedtak) of the norsk and intro schemes, the scheme in the payload (D6.3, D8.1, R4). */
export const decisionSlice = {
  'decision.register': commandEntry('decision.register'),
} as const
