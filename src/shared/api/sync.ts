import { z } from 'zod'
import type { CommandType } from '../domain/command'
import type { EntityName } from '../sync'
import { empty } from './inputs'
import type { Reason } from './result'

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
  /**
   * Caseworker commands not yet applied by the register (outbox `pending`/`sent`). Audit reads
   * (`audit.read`) and audited confirmations travel the same queue but are NOT counted: they
   * are not the caseworker's registrations and would make the chip say "not sent" after
   * merely opening a person.
   */
  pending: number
  /** Device time of the oldest counted pending command; null when none. */
  oldestPendingAt: string | null
  /** Open sync problems (rejected / dependency_rejected / conflict, not yet resolved). */
  problems: number
  /**
   * The oldest pending command is older than 3 days, or nearing the R8 registration window:
   * the chip turns red so the caseworker gets online.
   */
  stale: boolean
}

/** One row as one side has it: the register now, or as the caseworker started from. */
export interface SyncProblemRow {
  entity: EntityName
  id: string
  /** Server version; null for a row the register does not have (a create, or deleted). */
  version: number | null
  /** The domain row (camelCase, as in `PersonBundle`); null when the row does not exist. */
  row: Record<string, unknown> | null
}

/**
 * A mutation the register did not apply (A4 "After a rejection or conflict"). The replica rows
 * are already back to the register's state; the caseworker's input is kept here, so it can be
 * fixed and resubmitted (screen opens its dialog with `payload`), kept as the register has it
 * (`sync.resolve` keepRegister), or — for a conflict — written over the register (overwrite).
 */
export interface SyncProblem {
  mutationId: string
  /** Device sequence number (order of the caseworker's work). */
  seq: number
  command: CommandType
  personId: string | null
  /** "First Last" of the person when the replica still has them. */
  personName: string | null
  verdict: 'rejected' | 'dependency_rejected' | 'conflict'
  /** For `conflict`: what kind. */
  conflictKind: 'stale_base' | 'duplicate_key' | null
  /** The caseworker's input as saved (the command payload). */
  payload: unknown
  /** The register's reasons (rejected) or STALE_BASE / DUPLICATE_KEY / DEPENDENCY_REJECTED. */
  reasons: Reason[]
  /** The rows the register has now, for the mutation's refs (row null = register has none). */
  register: SyncProblemRow[]
  /** The rows as they were on the device when the caseworker saved (row null for a create). */
  base: SyncProblemRow[]
  /** For `dependency_rejected`: the mutation whose rejection this one follows. */
  causeMutationId: string | null
  /** Device time of the save. */
  recordedAt: string
  /** When the register's verdict arrived. */
  decidedAt: string | null
}

export const syncProblemRef = z.object({ mutationId: z.string().min(1).max(64) }).strict()
export const syncResolveInput = z.object({ mutationId: z.string().min(1).max(64), resolution: z.enum(['keepRegister', 'overwrite']) }).strict()

/** Sync status chip, "sync now", and the A4 scope-exit confirmation. */
export const syncSlice = {
  'sync.status': { input: empty, output: {} as SyncStatus },
  /** Starts a sync cycle in the background and returns at once. */
  'sync.run': { input: empty, output: {} as SyncStatus },
  /** Confirms a pull stopped by the 20 % scope-exit guard (audited), and syncs on. */
  'sync.confirmScopeExits': { input: empty, output: {} as SyncStatus },
  /** Open sync problems of this device's user, oldest first (the UI groups them by person). */
  'sync.problems': { input: empty, output: {} as { problems: SyncProblem[] } },
  /** One open problem; refused `SYNC_PROBLEM_NOT_FOUND` when unknown or already resolved. */
  'sync.problem': { input: syncProblemRef, output: {} as SyncProblem },
  /**
   * Resolves a problem: `keepRegister` accepts the register's rows (already in the replica);
   * `overwrite` (conflicts only) resends the same input based on the register's current
   * versions, as a new mutation. Fix-and-resubmit needs no call here: saving the corrected
   * dialog through its normal command resolves the older problem of the same row/key.
   */
  'sync.resolve': { input: syncResolveInput, output: {} as SyncStatus },
} as const
