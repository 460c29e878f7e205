import type { Result } from '../../shared/api'
import { fail } from '../../shared/api'
import type { ActiveSession, ServiceContext } from './context'

/** Runs `fn` with the unlocked session, or answers `NOT_LOGGED_IN`. */
export async function withSession<T>(ctx: ServiceContext, fn: (s: ActiveSession) => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
  const s = ctx.session
  if (!s) return fail('NOT_LOGGED_IN')
  return fn(s)
}
