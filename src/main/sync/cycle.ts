import type { Logger } from '../log'
import type { Replica } from '../db/open'
import { readSyncState } from '../db/state'
import { pullToCurrent, ScopeExitGuardError, type PullProgress } from './pull'
import { pushPending } from './push'
import { HttpError, NetworkError, type RegisterClient } from './register-client'
import { recordCycleFailure, recordCycleSuccess } from './status'

export interface CycleDeps {
  replica: Replica
  client: RegisterClient
  token: string
  pullLimit: number
  signal: AbortSignal
  log: Logger
  now: () => Date
  onProgress: (p: PullProgress) => void
}

/** How a cycle ended; `offline` tells the scheduler to start probing `/health`. */
export type CycleOutcome = { ok: true } | { ok: false; code: string; offline: boolean } | { ok: false; aborted: true }

/**
 * One sync cycle (A4): push, then pull. The outcome is written to `sync_state` (last error,
 * a pending scope-exit stop, the used-up allowance) before it returns, so it survives a
 * restart; nothing of it lives only in memory.
 */
export async function runCycle(deps: CycleDeps): Promise<CycleOutcome> {
  try {
    // Push first (A4): the register judges this device's work before the pull brings its result back.
    await pushPending({ replica: deps.replica, client: deps.client, token: deps.token, signal: deps.signal, now: deps.now })
    await pullToCurrent({
      replica: deps.replica,
      client: deps.client,
      token: deps.token,
      limit: deps.pullLimit,
      signal: deps.signal,
      onProgress: deps.onProgress,
      now: () => deps.now().getTime(),
      // The caseworker's confirmation, read from sync_state so a restart does not lose it.
      allowMassScopeExit: readSyncState(deps.replica).scopeExitsAllowed,
    })
    recordCycleSuccess(deps.replica)
    return { ok: true }
  } catch (err) {
    if (deps.signal.aborted) return { ok: false, aborted: true }
    const outcome = classify(err, deps.log)
    recordCycleFailure(deps.replica, outcome.code, err instanceof ScopeExitGuardError ? { count: err.count, total: err.total } : undefined)
    return outcome
  }
}

function classify(err: unknown, log: Logger): { ok: false; code: string; offline: boolean } {
  const failed = (code: string, offline = false) => ({ ok: false as const, code, offline })
  if (err instanceof ScopeExitGuardError) {
    log.info(`sync stopped: ${err.message}; waiting for confirmation`)
    return failed('SCOPE_EXITS_NEED_CONFIRMATION')
  }
  if (err instanceof NetworkError) return failed('REGISTER_UNREACHABLE', true)
  if (err instanceof HttpError && err.status === 401) return failed('LOGIN_REQUIRED')
  if (isUserDisabled(err)) return failed('USER_DISABLED')
  if (err instanceof HttpError && err.status === 426) return failed('UPDATE_REQUIRED')
  log.error('sync cycle failed', err)
  return failed('SYNC_FAILED')
}

/** A6: the register's 403 `USER_DISABLED` (login, push, pull: `authenticate` refuses a disabled user everywhere). */
export function isUserDisabled(err: unknown): boolean {
  return err instanceof HttpError && err.status === 403 && (err.body as { error?: unknown } | null)?.error === 'USER_DISABLED'
}
