import { z } from 'zod'
import { plainText, userSchema, usernameSchema } from '../domain'
import type { EntityName } from './entities'
import { entityNames } from './entities'

/** Wire version of the sync protocol; a device with another major version must update. */
export const SYNC_PROTOCOL_VERSION = 1

/**
 * Pull cursor (A4): `seq` is the server's global change sequence, `epoch` the identity of
 * the database lineage. The zero cursor (`epoch: ''`, `seq: 0`) asks for everything.
 */
export const cursorSchema = z.object({ epoch: z.string(), seq: z.number().int().min(0) })
export type Cursor = z.infer<typeof cursorSchema>
export const zeroCursor: Cursor = { epoch: '', seq: 0 }

export function encodeCursor(c: Cursor): string {
  return `${c.epoch}:${c.seq}`
}
export function decodeCursor(s: string): Cursor | null {
  const i = s.lastIndexOf(':')
  if (i < 0) return null
  const seq = Number(s.slice(i + 1))
  if (!Number.isSafeInteger(seq) || seq < 0) return null
  return { epoch: s.slice(0, i), seq }
}

export const changeSchema = z.discriminatedUnion('kind', [
  /** A full row at its new version. */
  z.object({
    kind: z.literal('upsert'),
    entity: z.enum(entityNames as [EntityName, ...EntityName[]]),
    id: z.string(),
    version: z.number().int().min(1),
    /**
     * The row; its fields are checked by the entity's own schema where it is applied
     * (`entitySchemas`, main/sync/apply.ts). Here only "an object", taken as it is: a
     * `z.record` copied every key of every row, 15 % of a first sync's device time (issue 12.5).
     */
    data: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'expected an object' }),
  }),
  /** A tombstone: the row was deleted on the server. */
  z.object({
    kind: z.literal('delete'),
    entity: z.enum(entityNames as [EntityName, ...EntityName[]]),
    id: z.string(),
    version: z.number().int().min(1),
  }),
  /** The person left the user's scope (moved to another municipality): drop them and their rows. */
  z.object({ kind: z.literal('scopeExit'), personId: z.string() }),
])
export type Change = z.infer<typeof changeSchema>

/** All changes of one server transaction: applied together, never split across pages. */
export const changeSetSchema = z.object({ seq: z.number().int().min(1), changes: z.array(changeSchema) })
export type ChangeSet = z.infer<typeof changeSetSchema>

export const pullResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    changeSets: z.array(changeSetSchema),
    /** Cursor after this page; store it in the same transaction as the page. */
    cursor: cursorSchema,
    hasMore: z.boolean(),
    /**
     * Change sets after this page (for the progress bar): exact from cursor zero and when the
     * request asks `count=1` (a cycle's first page); else a lower bound, 1 while more follow
     * (counting on every page made each page cost the rest of the sync, issue 12.4d).
     */
    remaining: z.number().int().min(0),
    /** Server time (ISO 8601) when the page was produced. */
    serverTime: z.string(),
  }),
  z.object({ status: z.literal('reset_required'), epoch: z.string(), serverTime: z.string() }),
])
export type PullResponse = z.infer<typeof pullResponseSchema>

export const loginRequestSchema = z.object({
  /** Issue 11.3: normalised (NFC, trimmed, lower case); a control character is a 400, not a 500. */
  username: usernameSchema,
  password: z.string().min(1).max(200),
  /** With it, the answer carries a refresh token bound to this device (issue 11.1). */
  deviceId: plainText(100).optional(),
  /** The one-time code (6 digits) or a recovery code; required for a user enrolled in TOTP (A7). */
  totp: plainText(20).optional(),
})
export const loginResponseSchema = z.object({
  accessToken: z.string(),
  /** ISO 8601 expiry of the access token. */
  expiresAt: z.string(),
  user: userSchema,
  serverTime: z.string(),
  epoch: z.string(),
  /** Device-bound refresh token (login with `deviceId`, `POST /auth/device`, `POST /auth/refresh`). */
  refreshToken: z.string().optional(),
  refreshExpiresAt: z.string().optional(),
})
export type LoginResponse = z.infer<typeof loginResponseSchema>

/** `POST /auth/refresh`: a refresh token and the device it was bound to (issue 11.1). */
export const refreshRequestSchema = z.object({ refreshToken: plainText(100).min(1), deviceId: plainText(100).min(1) }).strict()
/** `POST /auth/device`: binds a refresh token to this device, with the access token of a password login. */
export const deviceBindRequestSchema = z.object({ deviceId: plainText(100).min(1) }).strict()
export const deviceBindResponseSchema = z.object({ refreshToken: z.string(), refreshExpiresAt: z.string() })
/** `POST /auth/password`: the user's own password change; every token of the user is revoked. */
export const passwordChangeRequestSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(8).max(200), totp: plainText(20).optional() })
  .strict()

/** Error body of every non-2xx server answer. */
export interface ServerError {
  error: string
  message: string
  reasons?: { code: string; field?: string; values?: Record<string, unknown> }[]
}
