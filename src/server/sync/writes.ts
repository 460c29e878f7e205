import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { effectRef, type Effect } from '../../shared/rules'
import type { EntityName } from '../../shared/sync'
import type { AuditEntry } from '../audit/log'
import { entityStores } from '../db/entities'
import { auditLog, mutations } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { nextSeqs } from './change-lock'

/** A row's final state in the batch: written whole, or (never written whole here) only marked deleted. */
type Pending = { kind: 'row'; values: Record<string, unknown>; version: number; slot: number; deleted: boolean } | { kind: 'delete'; version: number; slot: number }

/**
 * `INSERT … SELECT … FROM jsonb_populate_recordset(null::table, $1)`: every row of the
 * statement in ONE json parameter, typed by the table's own row type. Why not drizzle's
 * multi-row `values(...)`: building a statement of 500 rows × 10 columns of parameters cost
 * more CPU than PostgreSQL spent running it (`bench/push.ts`, issue 7 point 10), and a
 * statement with thousands of parameters also costs the server a big parse; one json text
 * costs neither and has no parameter limit.
 *
 * Values go through each column's driver mapping as drizzle would send them (json columns as
 * the value itself). A column left unset in every row keeps its database default (an audit
 * entry's id and time); one set in some rows and not others has no single meaning here, so
 * it is refused as a programming error rather than silently written as null.
 */
async function insertRows(tx: RegisterDb, table: PgTable, rows: readonly Record<string, unknown>[], conflict?: { key: PgColumn; update: readonly string[] }): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.entries(getTableColumns(table))
  const used: [string, PgColumn][] = []
  for (const [prop, col] of columns) {
    const set = rows.filter((r) => r[prop] !== undefined).length
    if (set === 0 && col.hasDefault) continue
    if (set !== rows.length && col.hasDefault) throw new Error(`insertRows(${getTableName(table)}): column ${col.name} is set in some rows and not in others`)
    used.push([prop, col])
  }
  const json = JSON.stringify(
    rows.map((r) => {
      const out: Record<string, unknown> = {}
      for (const [prop, col] of used) {
        const v = r[prop]
        if (v === null || v === undefined) continue
        out[col.name] = col.columnType === 'PgJsonb' || col.columnType === 'PgJson' ? v : col.mapToDriverValue(v)
      }
      return out
    }),
  )
  const names = sql.join(
    used.map(([, col]) => sql.identifier(col.name)),
    sql`, `,
  )
  const picked = sql.join(
    used.map(([, col]) => sql`x.${sql.identifier(col.name)}`),
    sql`, `,
  )
  const onConflict = conflict
    ? sql` on conflict (${sql.identifier(conflict.key.name)}) do update set ${sql.join(
        used.filter(([prop]) => conflict.update.includes(prop)).map(([, col]) => sql`${sql.identifier(col.name)} = excluded.${sql.identifier(col.name)}`),
        sql`, `,
      )}`
    : sql``
  const name = sql.identifier(getTableName(table))
  // `with ordinality … order by`: rows go in (and take serial ids) in the order given.
  await tx.execute(
    sql`insert into ${name} (${names}) select ${picked} from jsonb_populate_recordset(null::${name}, ${json}::jsonb) with ordinality as x order by x.ordinality${onConflict}`,
  )
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
      await insertRows(tx, st.table, rows, {
        key: st.key,
        update: Object.keys(columns).filter((prop) => prop !== st.keyField),
      })
      // Deleting a row the register does not hold changes nothing, as the UPDATE of one row would.
      if (deletes.length)
        await tx.execute(
          sql`update ${st.table} set ${sql.identifier(columns.deleted.name)} = true, ${sql.identifier(columns.version.name)} = d.version, ${sql.identifier(columns.seq.name)} = d.seq from jsonb_to_recordset(${JSON.stringify(deletes)}::jsonb) as d(id text, version integer, seq bigint) where ${st.key} = d.id`,
        )
    }
    await insertRows(tx, mutations, this.mutationRows)
    await insertRows(
      tx,
      auditLog,
      this.audits.map((e) => ({
        userId: e.userId ?? null,
        username: e.username,
        deviceId: e.deviceId ?? null,
        action: e.action,
        personId: e.personId ?? null,
        details: e.details ?? {},
      })),
    )
    this.effects.clear()
    this.slots = 0
    this.mutationRows.length = 0
    this.audits.length = 0
  }
}
