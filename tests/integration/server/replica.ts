import type { ChangeSet, EntityName } from '../../../src/shared/sync'
import { entityNames, personOwnedEntities } from '../../../src/shared/sync'

/**
 * The device side of pull, reduced to what the server tests need to check convergence:
 * apply change sets in order (upsert, delete, scopeExit drops the person and their rows).
 */
export class TestReplica {
  readonly rows = new Map<EntityName, Map<string, Record<string, unknown>>>(entityNames.map((e) => [e, new Map()]))
  readonly seqs: number[] = []

  apply(sets: ChangeSet[]): void {
    for (const set of sets) {
      this.seqs.push(set.seq)
      for (const c of set.changes) {
        if (c.kind === 'upsert') this.rows.get(c.entity)!.set(c.id, c.data)
        else if (c.kind === 'delete') this.rows.get(c.entity)!.delete(c.id)
        else {
          this.rows.get('person')!.delete(c.personId)
          for (const e of personOwnedEntities) {
            for (const [id, r] of this.rows.get(e)!) if (r.personId === c.personId) this.rows.get(e)!.delete(id)
          }
        }
      }
    }
  }

  /** Same shape as `projectScope`: rows per entity sorted by key. */
  snapshot(): Record<EntityName, Record<string, unknown>[]> {
    const key = (e: EntityName) => (e === 'municipality' || e === 'district' ? 'code' : 'id')
    return Object.fromEntries(entityNames.map((e) => [e, [...this.rows.get(e)!.values()].sort((a, b) => (String(a[key(e)]) < String(b[key(e)]) ? -1 : 1))])) as Record<
      EntityName,
      Record<string, unknown>[]
    >
  }
}
