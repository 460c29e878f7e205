import { readsPersonData } from '../../shared/domain'
import type { Result } from '../../shared/api'
import { fail } from '../../shared/api'
import type { ActiveSession, ServiceContext } from './context'

/** Runs `fn` with the unlocked session, or answers `NOT_LOGGED_IN`. */
export async function withSession<T>(ctx: ServiceContext, fn: (s: ActiveSession) => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
  const s = ctx.session
  if (!s) return fail('NOT_LOGGED_IN')
  return fn(s)
}

/**
 * R9 / D2: roles such as `kommuneadministrator` alone read no person data. The register sends
 * such users no persons; the device also refuses person queries outright, so the screen can
 * say why instead of showing an empty result.
 */
export async function withPersonAccess<T>(ctx: ServiceContext, field: string, fn: (s: ActiveSession) => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
  return withSession(ctx, (s) => (readsPersonData(s.user.roles) ? fn(s) : fail('NO_PERSON_ACCESS', field)))
}
