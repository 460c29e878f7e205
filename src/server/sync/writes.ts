import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { effectRef, type Effect } from '../../shared/rules'
import type { EntityName } from '../../shared/sync'
import type { AuditEntry } from '../audit/log'
import { entityStores } from '../db/entities'
import { auditLog, mutations } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { nextSeqs } from './change-lock'

/** A row's final state in the batch: written whole, or (never written whole here) only marked deleted. */
type Pending = { kind: 'row'; values: Record<string, unknown>; version: number; slot: number; deleted: boolean } | { kind: 'delete'; version: number; slot: number }

/** PostgreSQL binds at most 65,535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000

function chunks<T>(list: readonly T[], perRow: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, perRow)))
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/**
 * The writes of a push batch, collected while its mutations are judged and then flushed as a
 * few multi-row statements per table (A4: effects, the `mutations` rows with their exact
 * responses, audit entries). Each accepted mutation gets its own change sequence value (a
 * `slot`, drawn at flush in mutation order, all in one `nextval` query): one change set per
 * mutation, as when each was written on its own, so pull pages the same way. A row written
 * twice in the batch is written once in its final state with its last version and seq, which
 * is what the database would hold after writing it twice.
 */
export class PushWrites {
  private readonly effects = new Map<EntityName, Map<string, Pending>>()
  private slots = 0
  private readonly mutationRows: (typeof mutations.$inferInsert)[] = []
  private readonly audits: AuditEntry[] = []

  get empty(): boolean {
    return this.slots === 0 && this.mutationRows.length === 0 && this.audits.length === 0
  }

  audit(e: AuditEntry): void {
    this.audits.push(e)
  }

  mutation(row: typeof mutations.$inferInsert): void {
    this.mutationRows.push(row)
  }

  /** An accepted mutation's effects with the versions it gave them (one change set). */
  apply(effects: readonly Effect[], versions: Readonly<Record<string, number>>): void {
    const slot = this.slots++
    for (const e of effects) {
      const ref = effectRef(e)
      const version = versions[`${ref.entity}:${ref.id}`]
      const table = this.effects.get(e.entity) ?? new Map<string, Pending>()
      this.effects.set(e.entity, table)
      if (e.op === 'upsert') {
        table.set(ref.id, { kind: 'row', values: e.row as Record<string, unknown>, version, slot, deleted: false })
        continue
      }
      const before = table.get(ref.id)
      table.set(ref.id, before?.kind === 'row' ? { ...before, version, slot, deleted: true } : { kind: 'delete', version, slot })
    }
  }

  /** Writes everything collected (inside the batch's transaction, under the change lock) and starts empty again. */
  async flush(tx: RegisterDb): Promise<void> {
    const seqs = await nextSeqs(tx, this.slots)
    for (const [entity, table] of this.effects) {
      const st = entityStores[entity]
      const rows: Record<string, unknown>[] = []
      const deletes: { id: string; version: number; seq: number }[] = []
      for (const [id, p] of table) {
        if (p.kind === 'row') rows.push({ ...p.values, version: p.version, seq: seqs[p.slot], deleted: p.deleted })
        else deletes.push({ id, version: p.version, seq: seqs[p.slot] })
      }
      const columns = getTableColumns(st.table)
      const set: Record<string, SQL> = {}
      for (const [prop, col] of Object.entries(columns)) if (prop !== st.keyField) set[prop] = sql.raw(`excluded."${col.name}"`)
      for (const part of chunks(rows, Object.keys(columns).length)) {
        await tx
          .insert(st.table)
          .values(part as never)
          .onConflictDoUpdate({ target: st.key, set })
      }
      // Deleting a row the register does not hold changes nothing, as the UPDATE of one row would.
      for (const part of chunks(deletes, 3)) {
        const values = sql.join(
          part.map((d) => sql`(${d.id}::text, ${d.version}::integer, ${d.seq}::bigint)`),
          sql`, `,
        )
        await tx.execute(
          sql`update ${st.table} set ${sql.identifier(columns.deleted.name)} = true, ${sql.identifier(columns.version.name)} = d.version, ${sql.identifier(columns.seq.name)} = d.seq from (values ${values}) as d(id, version, seq) where ${st.key} = d.id`,
        )
      }
    }
    for (const part of chunks(this.mutationRows, 7)) await tx.insert(mutations).values(part)
    for (const part of chunks(this.audits, 6)) {
      await tx.insert(auditLog).values(
        part.map((e) => ({
          userId: e.userId ?? null,
          username: e.username,
          deviceId: e.deviceId ?? null,
          action: e.action,
          personId: e.personId ?? null,
          details: e.details ?? {},
        })),
      )
    }
    this.effects.clear()
    this.slots = 0
    this.mutationRows.length = 0
    this.audits.length = 0
  }
}
