import type { AsylnorskOffer, CodeListEntry, PersonSnapshot } from '../../shared/domain'
import { effectRef, snapshotFromBase, type Effect } from '../../shared/rules'
import type { PersonBundle } from '../../shared/sync'
import { bundleRows, isPersonOwned, toDomain } from '../../shared/sync'
import type { RegisterDb } from '../db/types'
import { recomputeEvaluations } from '../rules/evaluate'
import { loadServerBundles, ruleCodeLists, serverOffers } from '../rules/snapshot'

/**
 * What one push batch reads once instead of once per mutation (the push's hot spot, measured
 * by `bench/push.ts`): every person's bundle, loaded for the whole batch in one query per
 * table and kept current in memory as each accepted mutation's effects are written; the rule
 * code lists; the offers per municipality. The evaluations of the persons the batch changed
 * are recomputed once, at its end, in the same transaction (A6: stored, for reports).
 *
 * Lives only inside the batch's transaction, which holds the change lock: nobody else writes
 * synced rows meanwhile, so the cache can only go stale through this batch's own writes —
 * `applied()` — or a failed mutation, after which `forget()` drops everything.
 */
export class PushBatchState {
  private readonly bundles = new Map<string, PersonBundle | null>()
  private codeLists: CodeListEntry[] | null = null
  private readonly offers = new Map<string, AsylnorskOffer[]>()
  /** Persons whose rows an applied mutation changed: their stored evaluation is recomputed at the end. */
  readonly touched = new Set<string>()

  constructor(private readonly tx: RegisterDb) {}

  /** Loads the bundles of every person the batch names, in one query per table. */
  async prefetch(personIds: readonly string[]): Promise<void> {
    const missing = [...new Set(personIds)].filter((id) => !this.bundles.has(id))
    if (missing.length === 0) return
    const loaded = await loadServerBundles(this.tx, missing)
    for (const id of missing) this.bundles.set(id, loaded.get(id) ?? null)
  }

  /** The register's snapshot of the person, as `serverSnapshot` would build it now. */
  readonly snapshot = async (_db: RegisterDb, personId: string): Promise<PersonSnapshot | null> => {
    await this.prefetch([personId])
    const bundle = this.bundles.get(personId)
    if (!bundle) return null
    this.codeLists ??= await ruleCodeLists(this.tx)
    const municipality = bundle.person.followUpMunicipality
    if (!this.offers.has(municipality)) this.offers.set(municipality, await serverOffers(this.tx, municipality))
    return snapshotFromBase(bundle, this.codeLists, this.offers.get(municipality))
  }

  /**
   * The effects of an accepted mutation were written: the cached bundles follow, as a reload
   * would return them (live rows only, ordered by id). An effect on anything but a
   * person-owned row (the person, an offer) drops the cache, which then reloads on demand.
   */
  applied(effects: readonly Effect[], personId: string | null): void {
    if (personId) this.touched.add(personId)
    for (const e of effects) {
      if (!isPersonOwned(e.entity)) {
        this.forget()
        return
      }
      const ref = effectRef(e)
      const owner = e.op === 'upsert' ? String((e.row as { personId: string }).personId) : personId
      for (const [id, bundle] of this.bundles) {
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
  }

  /** After a failed mutation (its savepoint rolled back) nothing cached can be trusted. */
  forget(): void {
    this.bundles.clear()
    this.offers.clear()
    this.codeLists = null
  }

  /** The batch's last step: store the evaluations of every person it changed. */
  async finish(today: string): Promise<void> {
    if (this.touched.size) await recomputeEvaluations(this.tx, [...this.touched], today)
  }
}
