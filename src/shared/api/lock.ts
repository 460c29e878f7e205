import { z } from 'zod'
import { empty } from './inputs'
import type { SessionState } from './session'

/** What the renderer needs to pace its activity pings. */
export interface IdleLockInfo {
  /** The idle time after which the device locks (`NIR_IDLE_LOCK_MINUTES`, default 15 minutes). */
  idleLockMs: number
}

/**
 * The idle lock (issue 11 point 4, A7). After the idle time, and on sleep or screen lock in
 * Electron, main closes the replica and answers every call but these (and `session.state`,
 * `session.login`, `session.logout`) with `LOCKED`; the renderer shows the unlock screen over
 * the current route, so an open dialog keeps what was typed.
 */
export const lockSlice = {
  /**
   * Keyboard or mouse input in the window: the caseworker is there. Any contract call counts as
   * activity too; this one exists for input that calls nothing (typing into a dialog).
   */
  'lock.activity': { input: empty, output: {} as IdleLockInfo },
  /** Reopens the locked session with the password of its own user (the username is the session's, never input). */
  'lock.unlock': {
    input: z.object({ password: z.string().min(1).max(200) }).strict(),
    output: {} as SessionState,
  },
} as const
