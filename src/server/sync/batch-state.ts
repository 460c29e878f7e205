import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { AsylnorskOffer, CodeListEntry, PersonSnapshot } from '../../shared/domain'
import { effectRef, refKey, snapshotFromBase, type Effect } from '../../shared/rules'
import type { EntityName, MutationResult, PersonBundle, PersonOwnedEntity, PushMutation } from '../../shared/sync'
import { bundleRows, emptyBundle, isPersonOwned, toDomain } from '../../shared/sync'
import { entityStores, personOwnedStores } from '../db/entities'
import { asylnorskOffers, codeLists, mutations, persons, pushDevices } from '../db/schema'
import { rowsOf, type RegisterDb } from '../db/types'
import { recomputeEvaluations, storeEvaluations } from '../rules/evaluate'
import { RULE_CODE_LISTS, serverOffers } from '../rules/snapshot'
import type { JudgeReads, StoredRow } from './judge-mutation'

type DbRow = Record<string, unknown> & { version: number; deleted: boolean }

/**
 * A row of `to_jsonb(t)` as drizzle would have read it: column names to properties, each value
 * through the column's own driver mapping (jsonb values are already parsed).
 */
function fromJson(table: PgTable, r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [prop, col] of Object.entries(getTableColumns(table))) {
    const v = r[col.name]
    out[prop] = v === null || v === undefined ? null : col.columnType === 'PgJsonb' || col.columnType === 'PgJson' ? v : col.mapFromDriverValue(v)
  }
  return out
}

const stored = (entity: EntityName, r: DbRow): StoredRow => ({ version: r.version, deleted: r.deleted, data: r.deleted ? null : (toDomain(entity, r) as Record<string, unknown>) })

/**
 * What one push batch reads once instead of once per mutation (the push's hot spot, measured
 * by `bench/push.ts`), kept current in memory as each accepted mutation is applied, so the
 * whole batch can be judged before any of it is written (`push.ts` then writes it in bulk):
 * - every named person's bundle and every row of theirs *with its version, tombstones
 *   included* (one query per table), plus the rows the mutations name by `baseVersions`;
 * - the mutations processed before that the batch names (its own ids, its `dependsOn`), in
 *   one query, and every mutation this batch has judged;
 * - the rule code lists and the offers per municipality.
 * A row not loaded up front is read on demand; that read is right only because every row the
 * batch has written is in `rows` (see `applied`), so a miss means the database holds the truth.
 *
 * Lives only inside the batch's transaction, which holds the change lock: nobody else writes
 * synced rows meanwhile, so the cache can only go stale through this batch's own writes.
 * The evaluations of the persons the batch changed are recomputed once, at its end (A6).
 */
export class PushBatchState implements JudgeReads {
  private readonly bundles = new Map<string, PersonBundle | null>()
  /** `entity:id` → the row as the register holds it after this batch's mutations so far (null: none). */
  private readonly rows = new Map<string, StoredRow | null>()
  /** Mutation id → its answer: stored before this batch, or judged in it. */
  private readonly results = new Map<string, MutationResult>()
  /** The device that sent each mutation id in `results`: an answer goes back only to that device. */
  private readonly senders = new Map<string, string>()
  private codeLists: CodeListEntry[] | null = null
  private readonly offerLists = new Map<string, AsylnorskOffer[]>()
  /** Persons whose rows an applied mutation changed: their stored evaluation is recomputed at the end. */
  readonly touched = new Set<string>()

  constructor(private readonly tx: RegisterDb) {}

  /** The device's last processed `seq` as stored before this batch (read by `prefetch`). */
  deviceLastSeq = 0

  /**
   * Reads everything the batch names in ONE query (a round trip costs more than the rows on a
   * busy machine): its persons with all their rows (tombstones too), the rows its
   * `baseVersions` name, the mutations it names (its ids and `dependsOn`), the device's last
   * seq, the rule code lists and the offers of its persons' municipalities.
   */
  async prefetch(batch: readonly PushMutation[], deviceId: string): Promise<void> {
    const keys = new Map<EntityName, string[]>()
    for (const m of batch)
      for (const key of Object.keys(m.baseVersions)) {
        const at = key.indexOf(':')
        const entity = key.slice(0, at) as EntityName
        if (at > 0 && Object.hasOwn(entityStores, entity)) keys.set(entity, [...(keys.get(entity) ?? []), key.slice(at + 1)])
      }
    await this.read({
      personIds: batch.flatMap((m) => (typeof (m.payload as { personId?: unknown })?.personId === 'string' ? [(m.payload as { personId: string }).personId] : [])),
      keys,
      mutationIds: batch.flatMap((m) => (m.dependsOn ? [m.id, m.dependsOn] : [m.id])),
      deviceId,
      rules: true,
    })
  }

  /**
   * One `UNION ALL` of `to_jsonb` rows, each tagged with what it is, ordered by entity and key
   * (the key's own collation, as `loadServerBundles` orders by it). Persons already loaded,
   * rows already known and an empty part are left out.
   */
  private async read(what: {
    personIds?: readonly string[]
    keys?: ReadonlyMap<EntityName, readonly string[]>
    mutationIds?: readonly string[]
    deviceId?: string
    rules?: boolean
  }): Promise<void> {
    // One parameter per list, not one per id: building a statement of thousands of parameters costs more than running it.
    const list = (ids: readonly string[]) => sql`select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)`
    const part = (tag: string, table: PgTable, where: SQL, key: string) =>
      sql`select ${tag}::text as e, t.${sql.identifier(key)}::text as k, to_jsonb(t) as r from ${sql.identifier(getTableName(table))} t where ${where}`
    const parts: SQL[] = []
    const personIds = [...new Set(what.personIds ?? [])].filter((id) => !this.bundles.has(id))
    if (personIds.length) {
      parts.push(part('p:person', persons, sql`t.id in (${list(personIds)})`, 'id'))
      for (const st of personOwnedStores) parts.push(part(`p:${st.entity}`, st.table, sql`t.${sql.identifier(st.personId.name)} in (${list(personIds)})`, st.key.name))
      // The offers of every municipality these persons follow up in (R7.1 reads them).
      parts.push(
        part('offers', asylnorskOffers, sql`t.deleted = false and t.municipality in (select p.follow_up_municipality from persons p where p.id in (${list(personIds)}))`, 'id'),
      )
    }
    const keyed: [EntityName, string[]][] = []
    for (const [entity, ids] of what.keys ?? []) {
      const missing = [...new Set(ids)].filter((id) => !this.rows.has(refKey({ entity, id })))
      if (!missing.length) continue
      keyed.push([entity, missing])
      const st = entityStores[entity]
      parts.push(part(`k:${entity}`, st.table, sql`t.${sql.identifier(st.key.name)} in (${list(missing)})`, st.key.name))
    }
    const mutationIds = [...new Set(what.mutationIds ?? [])].filter((id) => !this.results.has(id))
    if (mutationIds.length) parts.push(part('mutation', mutations, sql`t.id in (${list(mutationIds)})`, 'id'))
    if (what.deviceId !== undefined) parts.push(part('device', pushDevices, sql`t.device_id = ${what.deviceId}`, 'device_id'))
    if (what.rules && !this.codeLists) parts.push(part('codeList', codeLists, sql`t.deleted = false and t.list in (${list(RULE_CODE_LISTS)})`, 'id'))
    if (!parts.length) return
    const result = rowsOf<{ e: string; r: Record<string, unknown> }>(await this.tx.execute(sql`${sql.join(parts, sql` union all `)} order by 1, 2`))

    for (const id of personIds) this.bundles.set(id, null)
    for (const [entity, ids] of keyed) for (const id of ids) this.rows.set(refKey({ entity, id }), null)
    if (what.rules && !this.codeLists) this.codeLists = []
    const owned: [EntityName, DbRow][] = []
    for (const { e, r } of result) {
      const [kind, entity] = e.split(':') as [string, EntityName | undefined]
      if (kind === 'mutation') {
        this.results.set(String(r.id), r.response as MutationResult)
        this.senders.set(String(r.id), String(r.device_id))
      } else if (kind === 'device') this.deviceLastSeq = Number(r.last_seq)
      else if (kind === 'codeList') this.codeLists!.push(toDomain('codeList', fromJson(codeLists, r)))
      else if (kind === 'offers') {
        const offer = toDomain('asylnorskOffer', fromJson(asylnorskOffers, r))
        this.offerLists.set(offer.municipality, [...(this.offerLists.get(offer.municipality) ?? []), offer])
      } else if (entity === 'person') {
        const p = fromJson(persons, r) as DbRow
        this.rows.set(refKey({ entity, id: String(p.id) }), stored('person', p))
        if (!p.deleted) this.bundles.set(String(p.id), emptyBundle(toDomain('person', p)))
      } else if (entity) {
        const st = entityStores[entity]
        const row = fromJson(st.table, r) as DbRow
        this.rows.set(refKey({ entity, id: String(row[st.keyField]) }), stored(entity, row))
        if (kind === 'p') owned.push([entity, row])
      }
    }
    // Municipalities of these persons without offers have none (not "not loaded").
    for (const id of personIds) {
      const m = this.bundles.get(id)?.person.followUpMunicipality
      if (m !== undefined && !this.offerLists.has(m)) this.offerLists.set(m, [])
    }
    for (const [entity, row] of owned) {
      const stored = this.rows.get(refKey({ entity, id: String(row.id) }))
      const bundle = this.bundles.get(String(row.personId))
      if (stored?.data && bundle) bundleRows(bundle, entity as PersonOwnedEntity).push(stored.data as never)
    }
  }

  /** Bundles of `personIds` (live rows, by id, as `loadServerBundles`) and every row of theirs with its version. */
  private async loadPersons(personIds: readonly string[]): Promise<void> {
    await this.read({ personIds })
  }

  /** Rows of one entity by key; the keys not found are recorded as absent. */
  private async loadRows(entity: EntityName, keys: readonly string[]): Promise<void> {
    await this.read({ keys: new Map([[entity, keys]]) })
  }

  readonly snapshot = async (personId: string): Promise<PersonSnapshot | null> => {
    await this.loadPersons([personId])
    const bundle = this.bundles.get(personId)
    if (!bundle) return null
    if (!this.codeLists) await this.read({ rules: true })
    return snapshotFromBase(bundle, this.codeLists!, await this.offers(bundle.person.followUpMunicipality))
  }

  readonly offers = async (municipality: string): Promise<AsylnorskOffer[]> => {
    let list = this.offerLists.get(municipality)
    if (!list) this.offerLists.set(municipality, (list = await serverOffers(this.tx, municipality)))
    return list
  }

  readonly processed = async (id: string): Promise<MutationResult | null> => {
    if (!this.results.has(id)) await this.read({ mutationIds: [id] })
    return this.results.get(id) ?? null
  }

  readonly row = async (entity: EntityName, id: string): Promise<StoredRow | null> => {
    const key = refKey({ entity, id })
    if (!this.rows.has(key)) await this.loadRows(entity, [id])
    return this.rows.get(key) ?? null
  }

  /**
   * The answer to a mutation id already known to this batch (stored before or judged in it),
   * without a query — or `'another device'` when a different device sent that id: its answer
   * (which can carry the register's rows in a conflict) is not this device's to read.
   */
  answered(id: string, deviceId: string): MutationResult | 'another device' | undefined {
    const result = this.results.get(id)
    if (result === undefined) return undefined
    return this.senders.get(id) === deviceId ? result : 'another device'
  }

  /** A mutation of this batch was judged: later ones that depend on it, or repeat its id, see its answer. */
  judged(result: MutationResult, deviceId: string): void {
    this.results.set(result.id, result)
    this.senders.set(result.id, deviceId)
  }

  /**
   * The effects of an accepted mutation are being written with `versions`: rows and bundles
   * follow, as a reload would return them (live rows only, ordered by id). Answers true when
   * what is cached cannot follow in memory — an effect on anything but a person-owned row (the
   * person, an offer), or a row of a person not loaded — and the caller must bring the database
   * up to date and `forget()`, so later reads come from there.
   */
  applied(effects: readonly Effect[], personId: string | null, versions: Readonly<Record<string, number>>): boolean {
    if (personId) this.touched.add(personId)
    let reload = false
    for (const e of effects) {
      const ref = effectRef(e)
      const key = refKey(ref)
      const before = this.rows.get(key)
      // A delete of a row the register does not have writes nothing (an UPDATE of no row).
      if (e.op === 'delete') this.rows.set(key, before ? { version: versions[key], deleted: true, data: null } : null)
      else this.rows.set(key, { version: versions[key], deleted: false, data: toDomain(e.entity, e.row) as Record<string, unknown> })
      if (!isPersonOwned(e.entity)) {
        reload = true
        continue
      }
      const owner = e.op === 'upsert' ? String((e.row as { personId: string }).personId) : personId
      if (owner !== null && e.op === 'upsert' && !this.bundles.has(owner)) reload = true
      // Only the bundle that held the live row before (its person, as `rows` knows it: every bundle row is
      // there) and the owner's can change; looking through every bundle made a batch quadratic.
      const held = before?.data ? String(before.data.personId) : null
      for (const id of new Set([held, owner])) {
        const bundle = id === null ? undefined : this.bundles.get(id)
        if (!bundle) continue
        const list = bundleRows(bundle, e.entity) as { id: string }[]
        const at = list.findIndex((r) => r.id === ref.id)
        if (at >= 0) list.splice(at, 1)
        if (e.op === 'upsert' && id === owner) {
          list.push(toDomain(e.entity, e.row) as { id: string })
          list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        }
      }
    }
    return reload
  }

  /** Drops every cached row and bundle (after a rolled-back savepoint, or once the database is current again). */
  forget(): void {
    this.bundles.clear()
    this.rows.clear()
    this.offerLists.clear()
    this.codeLists = null
  }

  /** The batch's last step, after its writes: store the evaluations of every person it changed. */
  async finish(today: string): Promise<void> {
    // The bundles in memory are current (every write of the batch went through `applied`): no reload.
    const held = [...this.touched].flatMap((id) => this.bundles.get(id) ?? [])
    const others = [...this.touched].filter((id) => !this.bundles.get(id))
    if (held.length) {
      if (!this.codeLists) await this.read({ rules: true })
      await storeEvaluations(this.tx, held, this.codeLists!, today)
    }
    // A person not held (dropped by `forget`, or gone): the database is current for them, read it there.
    if (others.length) await recomputeEvaluations(this.tx, others, today)
  }
}
