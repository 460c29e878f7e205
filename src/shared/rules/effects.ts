import type { DecisionCommandPayload } from '../domain/command'
import type { AsylnorskParticipation, WeeklyParticipation } from '../domain/registrations'
import type { PersonSnapshot } from '../domain/snapshot'
import type { EntityData, EntityName } from '../sync/entities'

/**
 * What a command does to the synced tables (A4), computed from the payload and the state it
 * was judged on, so the device and the register apply the same rows: an upsert of a whole
 * row, or a tombstone by id. Pure; the caller writes them in the command's transaction.
 */
export type Effect = { [E in EntityName]: { entity: E; op: 'upsert'; row: EntityData<E> } | { entity: E; op: 'delete'; id: string } }[EntityName]

/** The row an effect touches, for the outbox's `entity_refs` and `base_versions` (A4). */
export interface EntityRef {
  entity: EntityName
  id: string
}

export function effectRef(e: Effect): EntityRef {
  return { entity: e.entity, id: e.op === 'delete' ? e.id : String((e.row as { id: string }).id) }
}

/** `<entity>:<id>`: the key of an entity ref in `base_versions`. */
export const refKey = (r: EntityRef): string => `${r.entity}:${r.id}`

export const upsert = <E extends EntityName>(entity: E, row: EntityData<E>): Effect => ({ entity, op: 'upsert', row }) as Effect
export const tombstone = (entity: EntityName, id: string): Effect => ({ entity, op: 'delete', id }) as Effect

/**
 * R6.4: one row per person and ISO week — saving a week that is already registered edits
 * that row (its id kept, so history and the outbox see one record), never a second row.
 * A payload naming another row's id for a week nobody holds moves that row to the week.
 */
export function saveWeekEffects(p: WeeklyParticipation, snapshot: PersonSnapshot): Effect[] {
  const existing = snapshot.registrations.weeklyParticipation.find((w) => w.isoYear === p.isoYear && w.isoWeek === p.isoWeek && w.personId === p.personId)
  return [upsert('weeklyParticipation', { ...p, id: existing?.id ?? p.id })]
}

/** R7.2: one row per person, kind and ISO week — a registered week of the same kind is edited. */
export function saveAsylnorskWeekEffects(p: AsylnorskParticipation, snapshot: PersonSnapshot): Effect[] {
  const existing = snapshot.registrations.asylnorsk.find((w) => w.isoYear === p.isoYear && w.isoWeek === p.isoWeek && w.kind === p.kind && w.personId === p.personId)
  return [upsert('asylnorskParticipation', { ...p, id: existing?.id ?? p.id })]
}

/**
 * R4: every decision is a row of its own (*Vis alle vedtak* keeps history); saving the same
 * id again edits it. A permanent stop carries its ending (R5.6), written in the same command.
 */
export function decisionEffects(p: DecisionCommandPayload): Effect[] {
  const { ending, ...decision } = p
  return ending ? [upsert('decision', decision), upsert('ending', ending)] : [upsert('decision', decision)]
}
