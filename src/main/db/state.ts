import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { User } from '../../shared/domain'
import type { Cursor } from '../../shared/sync'
import type { Replica } from './open'
import { preparedOnce } from './prepared'
import { sessionProfile, syncState } from './schema'

export type SyncStateRow = typeof syncState.$inferSelect

/** The single sync_state row, created with a fresh device id on first use. */
export function readSyncState(replica: Replica): SyncStateRow {
  const select = preparedOnce(replica, 'syncState.read', (db) => db.select().from(syncState).where(eq(syncState.id, 1)).prepare())
  const row = select.get()
  if (row) return row
  replica.db.insert(syncState).values({ id: 1, deviceId: randomUUID() }).onConflictDoNothing().run()
  return select.get()!
}

/** The next outbox `seq` moves on (A4): one prepared statement, run once per save. */
export function setNextOutboxSeq(replica: Replica, seq: number): void {
  preparedOnce(replica, 'syncState.nextOutboxSeq', (db) =>
    db
      .update(syncState)
      .set({ nextOutboxSeq: sql.placeholder('seq') as unknown as number })
      .where(eq(syncState.id, 1))
      .prepare(),
  ).run({ seq })
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
