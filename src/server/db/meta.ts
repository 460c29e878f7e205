import { randomBytes, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { serverMeta } from './schema'
import type { RegisterDb } from './types'

export interface ServerMeta {
  epoch: string
  tokenSecret: string
}

/** Creates the single `server_meta` row on first start; concurrent starts agree (on conflict do nothing). */
export async function ensureServerMeta(db: RegisterDb): Promise<ServerMeta> {
  await db
    .insert(serverMeta)
    .values({ id: 1, epoch: randomUUID(), tokenSecret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
  return getServerMeta(db)
}

export async function getServerMeta(db: RegisterDb): Promise<ServerMeta> {
  const [row] = await db.select().from(serverMeta).where(eq(serverMeta.id, 1))
  if (!row) throw new Error('server_meta missing: openDatabase() was not run')
  return { epoch: row.epoch, tokenSecret: row.tokenSecret }
}

/**
 * Starts a new database lineage (A4): after a restore from backup or a full re-import every
 * device must reset. Kept for the admin tooling and the epoch tests.
 */
export async function renewEpoch(db: RegisterDb): Promise<string> {
  const epoch = randomUUID()
  await db.update(serverMeta).set({ epoch }).where(eq(serverMeta.id, 1))
  return epoch
}
