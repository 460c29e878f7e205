import { z } from 'zod'
import type { Evaluation, ProgrammePlan } from '../rules'
import type { PersonBundle } from '../sync'
import type { Reason } from './result'
import { personRef } from './inputs'

/** One search hit / one row of the person list. */
export interface PersonHit {
  id: string
  duf: string
  dufCheckFailed: boolean
  nationalId: string | null
  regNumber: string | null
  firstName: string
  middleName: string | null
  lastName: string
  birthDate: string
  followUpMunicipality: string
  municipalityName: string
  /** Cached from a DUF look-up outside the user's scope: read-only. */
  cachedReadOnly: boolean
  /** The person has unsent work (`pending`) or an open sync problem (`problem`, wins). */
  syncMark: 'pending' | 'problem' | null
}

export interface SearchResult {
  /** How the input was read (R2.4). */
  kind: 'duf' | 'nationalId' | 'regNumber' | 'birthDate' | 'name'
  /** Normalised search value (digits without spaces, ISO date, or the name query). */
  value: string
  /** Warnings about the input (e.g. a failed check digit): the search still ran. */
  warnings: Pick<Reason, 'code' | 'field' | 'values'>[]
  hits: PersonHit[]
  /** True when a DUF search reached the central register (person outside the replica). */
  fromRegister: boolean
  /** More hits exist than returned. */
  truncated: boolean
}

/** Everything the person screens (Grunndata, Grunndata detaljar) show. */
export interface PersonView {
  bundle: PersonBundle
  /** Categories, status and deadlines computed by the shared rules on the device (rules.md R0). */
  evaluation: Evaluation
  /**
   * The programme plan as the rules read it (R5.4): a self-study plan lowers the norm to 30.
   * The screens pass it to `programmeAverage` rather than decide the norm themselves.
   */
  introPlan: ProgrammePlan
  municipalityName: string
  districtName: string | null
  cachedReadOnly: boolean
  inPersonList: boolean
  /**
   * Rows with unsent (`pending`) or refused (`problem`) work, keyed `"<entity>:<rowId>"`
   * (e.g. `contact:0190…`). A row absent from the map is in sync.
   */
  syncMarks: Record<string, 'pending' | 'problem'>
  /**
   * Rows with a pending edit whose register version changed since the edit (A4 "warn before
   * pushing"): the push will meet it as a conflict. Keys as in `syncMarks`.
   */
  registerChanged: string[]
  /**
   * The person left the user's scope (moved) but is kept because of pending or problem rows:
   * read-only until those are resolved, then removed at the next pull.
   */
  keptAfterScopeExit: boolean
}

/** Person search and the person screens (D5, R2.4). */
export const personsSlice = {
  'persons.search': { input: z.object({ query: z.string().max(200) }).strict(), output: {} as SearchResult },
  /** Reads one person (audited as a read, D12). */
  'persons.get': { input: personRef, output: {} as PersonView },
} as const
