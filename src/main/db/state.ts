import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { User } from '../../shared/domain'
import type { Cursor } from '../../shared/sync'
import type { Replica } from './open'
import { sessionProfile, syncState } from './schema'

export type SyncStateRow = typeof syncState.$inferSelect

/** The single sync_state row, created with a fresh device id on first use. */
export function readSyncState(replica: Replica): SyncStateRow {
  const row = replica.db.select().from(syncState).where(eq(syncState.id, 1)).get()
  if (row) return row
  replica.db.insert(syncState).values({ id: 1, deviceId: randomUUID() }).onConflictDoNothing().run()
  return replica.db.select().from(syncState).where(eq(syncState.id, 1)).get()!
}

export function cursorOf(state: SyncStateRow): Cursor {
  return { epoch: state.cursorEpoch, seq: state.cursorSeq }
}

export function updateSyncState(replica: Replica, patch: Partial<typeof syncState.$inferInsert>): void {
  readSyncState(replica)
  replica.db.update(syncState).set(patch).where(eq(syncState.id, 1)).run()
}

export function saveProfile(replica: Replica, user: User, serverUrl: string, loggedInAt: string): void {
  const row = { id: 1, user, serverUrl, loggedInAt }
  replica.db.insert(sessionProfile).values(row).onConflictDoUpdate({ target: sessionProfile.id, set: row }).run()
}

export function readProfile(replica: Replica): { user: User; serverUrl: string } | null {
  return replica.db.select().from(sessionProfile).where(eq(sessionProfile.id, 1)).get() ?? null
}
