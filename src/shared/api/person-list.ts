import { empty, personRef } from './inputs'
import type { PersonHit } from './persons'

/** The user's person list (personliste, D5), kept in the replica. */
export const personListSlice = {
  'personList.list': { input: empty, output: {} as PersonHit[] },
  'personList.add': { input: personRef, output: {} as PersonHit[] },
  'personList.remove': { input: personRef, output: {} as PersonHit[] },
} as const
