import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/** States of an outbox row (A3/A4). A row is never deleted before it is `applied`. */
export const outboxStates = ['pending', 'sent', 'applied', 'rejected', 'conflict', 'withdrawn'] as const
export type OutboxState = (typeof outboxStates)[number]

/**
 * The sync queue (A3/A4): one row per caseworker action, written in the same transaction as
 * its effect on the replica (`src/main/services/mutating.ts` is the only writer). Audit
 * reads and audited confirmations travel the same way, as commands of their own.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    /** UUIDv7: the idempotency key of the mutation on the register. */
    id: text('id').primaryKey(),
    /** Per-device sequence, gap-free from 1: the register answers `resend_from` on a gap. */
    seq: integer('seq').notNull(),
    /** Contract/command name (`norsk.saveWeek`, `audit.read`, …). */
    command: text('command').notNull(),
    /** The validated input, as JSON. */
    payload: text('payload').notNull(),
    /** Version of the command's input schema. */
    contractVersion: integer('contract_version').notNull(),
    /** `RULES_VERSION` of `shared/rules` that accepted it locally. */
    rulesVersion: text('rules_version').notNull(),
    /** E.g. `week:<person>:2025-W07`, for duplicate-create detection; null when none. */
    naturalKey: text('natural_key'),
    /** JSON `[{entity, id}]`: rows it touches (for badges). */
    entityRefs: text('entity_refs').notNull().default('[]'),
    /** JSON `{ "<entity>:<id>": serverVersion | null }` of the rows it changes. */
    baseVersions: text('base_versions').notNull().default('{}'),
    /** Id of an earlier pending mutation that created a row this one changes. */
    dependsOn: text('depends_on'),
    /** Device time (ISO 8601 with offset). */
    recordedAt: text('recorded_at').notNull(),
    /** Device time + last known register offset (A5). */
    recordedAtServerEstimate: text('recorded_at_server_estimate').notNull(),
    userId: text('user_id').notNull(),
    /** Person the mutation concerns, when it concerns one. */
    personId: text('person_id'),
    state: text('state', { enum: outboxStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Retry timer in the database, not in memory (A4). */
    nextAttemptAt: text('next_attempt_at'),
    lastErrorKind: text('last_error_kind'),
    /** JSON of the register's last response for this mutation. */
    lastResponse: text('last_response'),
    /** JSON reasons (rejected/conflict), with field and severity. */
    reasons: text('reasons'),
    decidedAt: text('decided_at'),
    /**
     * The caseworker's resolution of a problem row: `keepRegister`, `overwritten` (a new
     * mutation resent the input) or `resubmitted` (a later save of the same row/key).
     */
    resolution: text('resolution'),
    /**
     * JSON `[{entity, id, version, row}]`: the replica's rows as they were before this
     * mutation's effects (row null for a create), the "your starting point" of a conflict view.
     */
    baseRows: text('base_rows'),
  },
  (t) => [uniqueIndex('outbox_seq_idx').on(t.seq), index('outbox_state_idx').on(t.state, t.seq), index('outbox_person_idx').on(t.personId)],
)
export type OutboxRow = typeof outbox.$inferSelect

/**
 * A4 "warn before pushing": the register changed a row while this device holds an unsent edit
 * of it. The pull does not apply the change (the edit would vanish); it notes the register's
 * version here, so the screen can say on the row that the push will meet a conflict. Entries
 * of rows no longer held are dropped with the next pulled page.
 */
export const heldChanges = sqliteTable('held_changes', {
  /** `<entity>:<id>`. */
  key: text('key').primaryKey(),
  version: integer('version').notNull(),
})
