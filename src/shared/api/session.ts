import { z } from 'zod'
import type { User } from '../domain'
import { usernameSchema } from '../domain'
import { empty } from './inputs'
import type { Reason } from './result'

export type Language = 'nb' | 'nn'

/** What the device knows about the logged-in session. */
export interface SessionState {
  /** `locked`: the idle lock (issue 11.4) closed the replica; `user` is whose password unlocks it. */
  phase: 'loggedOut' | 'unlocked' | 'locked'
  user: User | null
  /** `online`: logged in against the central register; `offline`: unlocked the replica with the password. */
  mode: 'online' | 'offline' | null
  serverUrl: string
  /** True once the first sync of this replica has completed. */
  replicaReady: boolean
  /**
   * Today's calendar date in Norway (Europe/Oslo), `YYYY-MM-DD`, computed by main. The
   * renderer uses it instead of its own clock's local date, so "today" is the same date the
   * rules judge with (R11.11) wherever the laptop's time zone is set.
   */
  today: string
  /**
   * Something the caseworker must be told on the next screen, e.g. the replica was sealed
   * (`REPLICA_SEALED`) or wiped because the user is disabled (`USER_DISABLED`, A6).
   */
  notice?: Reason
}

/** The one-time code field: digits or a recovery code as typed (spaces and dashes allowed); empty = none. */
const totpCode = z
  .string()
  .trim()
  .max(20)
  .regex(/^[A-Za-z0-9 -]*$/, 'letters, digits, spaces and dashes only')
  .optional()
  .transform((v) => (v ? v : undefined))

/** Login and logout (A7). */
export const sessionSlice = {
  'session.state': { input: empty, output: {} as SessionState },
  'session.login': {
    input: z
      .object({
        username: usernameSchema,
        password: z.string().min(1).max(200),
        /**
         * Issue 11.5: after `REPLICA_UNREADABLE`, the caseworker's explicit choice to move the
         * unreadable replica aside (sealed, kept) and start a fresh one.
         */
        startFresh: z.boolean().optional(),
        /** A7: the one-time code (6 digits) or a recovery code, for a user enrolled in TOTP on the register. */
        totp: totpCode,
      })
      .strict(),
    output: {} as SessionState,
  },
  'session.logout': { input: empty, output: {} as SessionState },
  /**
   * Issue 7.6: the register refused the token (`LOGIN_REQUIRED`); the logged-in user types the
   * password again in place. The username is the session's, never input.
   */
  'session.reauthenticate': {
    input: z.object({ password: z.string().min(1).max(200), totp: totpCode }).strict(),
    output: {} as SessionState,
  },
} as const
