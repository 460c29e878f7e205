import { ok } from '../../shared/api'
import { loggedOutStatus as loggedOut } from '../sync/status'
import type { AreaHandlers, ServiceContext } from './context'

/** Sync status chip and "sync now" (A4). */
export function syncHandlers(ctx: ServiceContext) {
  return {
    'sync.status': async () => ok(ctx.session?.sync.status() ?? loggedOut),
    'sync.run': async () => ok(ctx.session?.sync.run() ?? loggedOut),
    'sync.confirmScopeExits': async () => ok(ctx.session?.sync.confirmScopeExits() ?? loggedOut),
  } satisfies AreaHandlers<'sync'>
}
