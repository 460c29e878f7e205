import { z } from 'zod'

/**
 * The push half of sync (A4): the device sends pending outbox rows in `seq` order; the
 * register answers each with its verdict, stored durably with the exact response so a
 * repeated request gets the same answer and the effect happens once.
 */

/** One outbox row as it travels (A3/A4 columns). */
export const pushMutationSchema = z.object({
  id: z.string().min(1).max(64),
  seq: z.number().int().min(1),
  command: z.string().min(1).max(100),
  payload: z.unknown(),
  contractVersion: z.number().int().min(1),
  rulesVersion: z.string().max(40),
  naturalKey: z.string().max(300).nullable(),
  /** `<entity>:<id>` → the server version the caseworker's edit started from (null: a new row). */
  baseVersions: z.record(z.string(), z.number().int().nullable()),
  dependsOn: z.string().max(64).nullable(),
  /** Device time with its UTC offset (A5). */
  recordedAt: z.string().max(40),
})
export type PushMutation = z.infer<typeof pushMutationSchema>

/**
 * Mutations per push request at most. Why this many: the register reads every person a request
 * names with all their rows once per request, and that read, not the mutations, is most of a
 * request's cost — a queue of 10,000 weekly saves of 200 persons cost 6.8 s of reads in 20
 * requests of 500 and 1.9 s in 5 of 2,000 (`bench/push.ts`, issue 7 point 10). The device
 * also keeps a request's JSON below `PUSH_MAX_BYTES`.
 */
export const PUSH_MAX_MUTATIONS = 2000
/** The register's body limit for `POST /sync/push`; the device fills a request to half of it at most. */
export const PUSH_MAX_BYTES = 8 * 1024 * 1024

export const pushRequestSchema = z.object({
  deviceId: z.string().min(1).max(64),
  /** Server-issued time of the device's last successful sync (A5 lower bound). */
  lastSyncAt: z.string().max(40).nullable(),
  mutations: z.array(pushMutationSchema).max(PUSH_MAX_MUTATIONS),
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export const verdicts = ['applied', 'rejected', 'conflict', 'dependency_rejected'] as const
export type Verdict = (typeof verdicts)[number]

/** A reason as the register returns it (code with nb/nn text, field, severity). */
export const pushReasonSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  severity: z.enum(['error', 'warning']).optional(),
})

/** The register's row at the time of a conflict: what the caseworker's side-by-side view shows. */
export const conflictRowSchema = z.object({ entity: z.string(), id: z.string(), version: z.number().int().nullable(), row: z.record(z.string(), z.unknown()).nullable() })

export const mutationResultSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  verdict: z.enum(verdicts),
  /** Errors of a rejection, or the warnings an applied mutation was stored with. */
  reasons: z.array(pushReasonSchema),
  /** `<entity>:<id>` → the row's new version after an applied mutation. */
  versions: z.record(z.string(), z.number().int()),
  conflict: z.object({ kind: z.enum(['stale_base', 'duplicate_key']), rows: z.array(conflictRowSchema) }).nullable(),
  /**
   * A rejection's rows as the register has them now (A4: the device returns them to that
   * state; row null = the register has none, so the device drops its local row). Optional:
   * registers before issue 7 do not send it, and their stored responses lack it.
   */
  rows: z.array(conflictRowSchema).optional(),
})
export type MutationResult = z.infer<typeof mutationResultSchema>

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  /** A gap in the device's sequence: send again from this `seq` (A4). */
  resendFrom: z.number().int().nullable(),
})
export type PushResponse = z.infer<typeof pushResponseSchema>
