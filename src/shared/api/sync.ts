import { empty } from './inputs'

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

/** Sync status chip, "sync now", and the A4 scope-exit confirmation. */
export const syncSlice = {
  'sync.status': { input: empty, output: {} as SyncStatus },
  /** Starts a sync cycle in the background and returns at once. */
  'sync.run': { input: empty, output: {} as SyncStatus },
  /** Confirms a pull stopped by the 20 % scope-exit guard (audited), and syncs on. */
  'sync.confirmScopeExits': { input: empty, output: {} as SyncStatus },
} as const
