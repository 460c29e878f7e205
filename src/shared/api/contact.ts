import { commandEntry } from './saved'

/** Contact with the person, norsk or intro by `scheme` (D6.1, D8.1). */
export const contactSlice = {
  'contact.register': commandEntry('contact.register'),
} as const
