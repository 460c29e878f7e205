import { commandPayloadSchemas, type CommandType } from '../domain/command'
import type { EntityRef } from '../rules/effects'
import type { Reason } from './result'

/**
 * What every registration command answers (A3/A4): the outbox id of the mutation (its
 * idempotency key on the register), the rows it wrote or tombstoned — an edit of a
 * registered week names that week's row — and the warnings it was saved with (R0: shown,
 * not blocking).
 */
export interface Saved {
  mutationId: string
  rows: EntityRef[]
  warnings: Reason[]
}

/** A contract entry for a command: its payload schema as input, `Saved` as result. */
export function commandEntry<T extends CommandType>(type: T) {
  return { input: commandPayloadSchemas[type], output: {} as Saved }
}
