import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { and, count, inArray, isNull, or } from 'drizzle-orm'
import type { Reason } from '../../shared/api'
import type { Replica } from '../db/open'
import { outbox } from '../db/schema'
import { sealReplica, wipeReplica } from '../db/vault'
import { problemStates } from '../sync/problems'

/**
 * Work of this device the register does not have: outbox rows not yet answered (caseworker
 * commands and queued audit reads alike, A6) and refusals the caseworker has not resolved.
 */
export function unsentWork(replica: Replica): number {
  return replica.db
    .select({ n: count() })
    .from(outbox)
    .where(or(inArray(outbox.state, ['pending', 'sent']), and(inArray(outbox.state, problemStates), isNull(outbox.resolution))))
    .get()!.n
}

/**
 * A6 / issue 11.7: the register answered that this user is disabled. The register refuses
 * everything from a disabled user, pushes included (a user may be disabled because the
 * account is compromised, and the register cannot tell that from a caseworker who left), so
 * nothing more can be uploaded from here:
 * - no unsent work: the replica, its WAL and its key file are deleted;
 * - unsent work (or a replica that could not be opened to look): replica and key file are
 *   moved aside together (`sealReplica`), still encrypted, for support to recover.
 * `replica` is the open replica when there is one; it is closed here. Returns the reason to
 * show on the login screen.
 */
export function retireDisabledReplica(file: string, replica: Replica | null, now: Date): Reason {
  const unsent = replica ? unsentWork(replica) : existsSync(file) ? 1 : 0
  replica?.close()
  if (unsent === 0) {
    wipeReplica(file)
    return { code: 'USER_DISABLED' }
  }
  const sealed = sealReplica(file, now)
  return { code: 'USER_DISABLED_WORK_SEALED', values: { file: basename(sealed) } }
}
