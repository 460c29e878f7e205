import { auditLog } from '../db/schema'
import type { RegisterDb } from '../db/types'

export interface AuditEntry {
  userId?: string | null
  username: string
  deviceId?: string | null
  /** e.g. `import`, `person.read`, `login`, `login.failed`. */
  action: string
  personId?: string | null
  details?: Record<string, unknown>
}

/**
 * Appends to the audit log (A6, D12). Append-only: the server never updates or deletes
 * audit rows. Call it inside the transaction of the action it records, so both or neither
 * are stored.
 */
export async function appendAudit(db: RegisterDb, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: e.userId ?? null,
    username: e.username,
    deviceId: e.deviceId ?? null,
    action: e.action,
    personId: e.personId ?? null,
    details: e.details ?? {},
  })
}
