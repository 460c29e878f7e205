import type { SyncStatus } from '../../shared/api'
import { ok } from '../../shared/api'
import type { AreaHandlers, ServiceContext } from './context'

const loggedOut: SyncStatus = {
  state: 'loggedOut',
  progress: null,
  lastSyncAt: null,
  offlineSince: null,
  lastError: null,
  personsInReplica: 0,
  clockOffsetMs: 0,
  pendingScopeExits: null,
}

/** Sync status chip and "sync now" (A4). */
export function syncHandlers(ctx: ServiceContext) {
  return {
    'sync.status': async () => ok(ctx.session?.sync.status() ?? loggedOut),
    'sync.run': async () => ok(ctx.session?.sync.run() ?? loggedOut),
    'sync.confirmScopeExits': async () => ok(ctx.session?.sync.confirmScopeExits() ?? loggedOut),
  } satisfies AreaHandlers<'sync'>
}
