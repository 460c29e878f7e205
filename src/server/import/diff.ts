import { and, eq, inArray } from 'drizzle-orm'
import type { EntityName } from '../../shared/sync'
import { toDomain } from '../../shared/sync'
import { entityStores, personOwnedStores, stableJson } from '../db/entities'
import type { RegisterDb } from '../db/types'
import type { ParsedLine } from './types'

/** A row the import will write, with the version it gets. */
export interface RowChange {
  entity: EntityName
  key: string
  kind: 'created' | 'updated' | 'deleted'
  version: number
  /** Domain row for created/updated. */
  row?: Record<string, unknown>
  /** Change-set group: the person id for person-owned data, `''` for reference data. */
  group: string
  /** Follow-up place and closed flag before an update of a person (for scope events). */
  previous?: { municipality: string; district: string | null; closed: boolean }
  /** The person a person-owned row belonged to before this update moved it to `group` (point 8). */
  movedFrom?: string
}

export interface ImportDiff {
  changes: RowChange[]
  unchanged: { entity: EntityName }[]
}

type Stored = Record<string, unknown> & { version: number; deleted: boolean }

/**
 * Compares every parsed line with the stored row (A6 idempotency): equal domain fields on a
 * live row = unchanged; a tombstone of a missing or already deleted row = unchanged. A
 * tombstoned person takes all their live rows with them (cascade), so no orphan stays live.
 */
export async function diffImport(tx: RegisterDb, lines: ParsedLine[]): Promise<ImportDiff> {
  const stored = await loadStored(tx, lines)
  const changes: RowChange[] = []
  const unchanged: { entity: EntityName }[] = []
  const touched = new Set(lines.map((l) => `${l.entity}:${l.key}`))
  for (const l of lines) {
    const old = stored.get(`${l.entity}:${l.key}`)
    const group = groupOf(l.entity, l.key, l.row ?? old)
    if (l.deleted) {
      if (old && !old.deleted) changes.push({ entity: l.entity, key: l.key, kind: 'deleted', version: old.version + 1, group })
      else unchanged.push({ entity: l.entity })
      continue
    }
    if (old && !old.deleted && stableJson(toDomain(l.entity, old)) === stableJson(l.row)) {
      unchanged.push({ entity: l.entity })
      continue
    }
    const kind = old && !old.deleted ? 'updated' : 'created'
    const change: RowChange = { entity: l.entity, key: l.key, kind, version: old ? old.version + 1 : 1, row: l.row, group }
    // Also a tombstoned row revived under another person: a device may still hold it under the old one.
    if (old && entityStores[l.entity].personOwned && String(old.personId) !== group) change.movedFrom = String(old.personId)
    if (l.entity === 'person' && kind === 'updated') {
      change.previous = {
        municipality: String(old!.followUpMunicipality),
        district: (old!.followUpDistrict as string | null) ?? null,
        closed: Boolean(old!.closed),
      }
    }
    changes.push(change)
  }
  const deletedPersons = changes.filter((c) => c.entity === 'person' && c.kind === 'deleted').map((c) => c.key)
  changes.push(...(await cascade(tx, deletedPersons, touched)))
  return { changes, unchanged }
}

function groupOf(entity: EntityName, key: string, row: Record<string, unknown> | undefined): string {
  if (entity === 'person') return key
  if (entityStores[entity].personOwned) return String(row?.personId ?? '')
  return ''
}

async function loadStored(tx: RegisterDb, lines: ParsedLine[]): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>()
  const byEntity = new Map<EntityName, string[]>()
  // Push, never rebuild the array per line (that was quadratic in the file).
  for (const l of lines) {
    const keys = byEntity.get(l.entity)
    if (keys) keys.push(l.key)
    else byEntity.set(l.entity, [l.key])
  }
  for (const [entity, keys] of byEntity) {
    const st = entityStores[entity]
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = (await tx
        .select()
        .from(st.table)
        .where(inArray(st.key, keys.slice(i, i + 5000)))) as Stored[]
      for (const r of rows) out.set(`${entity}:${String(r[st.keyField])}`, r)
    }
  }
  return out
}

async function cascade(tx: RegisterDb, personIds: string[], touched: Set<string>): Promise<RowChange[]> {
  const out: RowChange[] = []
  if (!personIds.length) return out
  for (const st of personOwnedStores) {
    const rows = (await tx
      .select()
      .from(st.table)
      .where(and(inArray(st.personId, personIds), eq(st.table.deleted, false)))) as Stored[]
    for (const r of rows) {
      const key = String(r.id)
      if (touched.has(`${st.entity}:${key}`)) continue
      out.push({ entity: st.entity, key, kind: 'deleted', version: r.version + 1, group: String(r.personId) })
    }
  }
  return out
}
