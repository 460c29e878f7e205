import type { Replica } from '../db/open'
import { readProfile, updateSyncState } from '../db/state'
import { mutating } from './mutating'

/**
 * The caseworker confirms a pull that would remove many persons (A4): the audit record goes
 * to the outbox (`audit.scopeExitsConfirmed`, pushed to the register like every mutation)
 * in the same transaction as the allowance for the next cycle, so an allowance never exists
 * unaudited and survives a restart. The sync scheduler calls this; it is the only writer.
 */
export function recordScopeExitConfirmation(replica: Replica, pending: { count: number; total: number }, at: Date): void {
  const profile = readProfile(replica)
  // A replica is only ever unlocked after its profile is saved; without one there is no one to audit.
  if (!profile) throw new Error('scope-exit confirmation on a replica without a session profile')
  const result = mutating({ replica, user: profile.user, now: at }, { type: 'audit.scopeExitsConfirmed', payload: { count: pending.count, total: pending.total } }, () =>
    updateSyncState(replica, { pendingScopeExits: null, lastError: null, scopeExitsAllowed: true }),
  )
  if (!result.ok) throw new Error(`scope-exit confirmation refused: ${result.reasons.map((r) => r.code).join(', ')}`)
}
