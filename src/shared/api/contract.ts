import { z } from 'zod'
import type { CodeListEntry, District, Municipality, User } from '../domain'
import { codeListNames } from '../domain'
import type { PersonBundle } from '../sync'
import type { Evaluation } from '../rules'

/**
 * The application contract (architecture.md A2): every query and command the renderer may
 * call, as `domain.verb` → zod input schema + result type. The names are a wire format
 * (IPC channel and `POST /api/:name`): rename on purpose only.
 */

export type Language = 'nb' | 'nn'

/** What the device knows about the logged-in session. */
export interface SessionState {
  phase: 'loggedOut' | 'unlocked'
  user: User | null
  /** `online`: logged in against the central register; `offline`: unlocked the replica with the password. */
  mode: 'online' | 'offline' | null
  serverUrl: string
  /** True once the first sync of this replica has completed. */
  replicaReady: boolean
}

/** The sync status chip (A4): honest, one of a few states. */
export interface SyncStatus {
  state: 'upToDate' | 'syncing' | 'offline' | 'error' | 'notSynced' | 'loggedOut'
  /** During a pull: change sets done / total (total known after the first page). */
  progress: { done: number; total: number } | null
  /** Server time of the last successful sync (survives restarts). */
  lastSyncAt: string | null
  /** Since when the register has been unreachable. */
  offlineSince: string | null
  /** Reason code of the last failure. */
  lastError: string | null
  personsInReplica: number
  /**
   * Register clock minus device clock at the last contact, in ms (A5). Beyond ±5 minutes the
   * app says the device clock differs.
   */
  clockOffsetMs: number
  /**
   * A pull stopped because it would remove more than 20 % of the local persons (moved to
   * other municipalities); it goes on only after `sync.confirmScopeExits` (A4).
   */
  pendingScopeExits: { count: number; total: number } | null
}

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
}

export interface SearchResult {
  /** How the input was read (R2.4). */
  kind: 'duf' | 'nationalId' | 'regNumber' | 'birthDate' | 'name'
  /** Normalised search value (digits without spaces, ISO date, or the name query). */
  value: string
  /** Warnings about the input (e.g. a failed check digit): the search still ran. */
  warnings: { code: string; field?: string; values?: Record<string, string | number | boolean | null> }[]
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
  municipalityName: string
  districtName: string | null
  cachedReadOnly: boolean
  inPersonList: boolean
}

const empty = z.object({}).strict()
const personRef = z.object({ personId: z.string().min(1).max(64) }).strict()

export const contract = {
  'session.state': { input: empty, output: {} as SessionState },
  'session.login': {
    input: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
    output: {} as SessionState,
  },
  'session.logout': { input: empty, output: {} as SessionState },
  'sync.status': { input: empty, output: {} as SyncStatus },
  /** Starts a sync cycle in the background and returns at once. */
  'sync.run': { input: empty, output: {} as SyncStatus },
  /** Confirms a pull stopped by the 20 % scope-exit guard (audited), and syncs on. */
  'sync.confirmScopeExits': { input: empty, output: {} as SyncStatus },
  'persons.search': { input: z.object({ query: z.string().max(200) }).strict(), output: {} as SearchResult },
  /** Reads one person (audited as a read, D12). */
  'persons.get': { input: personRef, output: {} as PersonView },
  'personList.list': { input: empty, output: {} as PersonHit[] },
  'personList.add': { input: personRef, output: {} as PersonHit[] },
  'personList.remove': { input: personRef, output: {} as PersonHit[] },
  'reference.codeList': { input: z.object({ list: z.enum(codeListNames) }).strict(), output: {} as CodeListEntry[] },
  'reference.municipalities': { input: empty, output: {} as { municipalities: Municipality[]; districts: District[] } },
} as const

export type Contract = typeof contract
export type ContractName = keyof Contract
export type InputOf<K extends ContractName> = z.input<Contract[K]['input']>
export type OutputOf<K extends ContractName> = Contract[K]['output']
export const contractNames = Object.keys(contract) as ContractName[]
