import { commandEntry } from './saved'

/** Claims/applications from the person, norsk or intro by `scheme` (D6.2, D8.1). */
export const claimSlice = {
  'claim.register': commandEntry('claim.register'),
} as const
