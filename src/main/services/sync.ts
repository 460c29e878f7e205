import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Result, SyncStatus } from '../../shared/api'
import { fail, ok } from '../../shared/api'
import { outbox } from '../db/schema'
import { findOpenProblem, listProblems, problemStates, toProblem } from '../sync/problems'
import { loggedOutStatus as loggedOut } from '../sync/status'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { withSession } from './guard'

/** Sync status chip, "sync now", the A4 scope-exit confirmation and sync problems. */
export function syncHandlers(ctx: ServiceContext) {
  return {
    'sync.status': async () => ok(ctx.session?.sync.status() ?? loggedOut),
    'sync.run': async () => ok(ctx.session?.sync.run() ?? loggedOut),
    'sync.confirmScopeExits': async () => ok(ctx.session?.sync.confirmScopeExits() ?? loggedOut),
    'sync.problems': () => withSession(ctx, (s) => ok({ problems: listProblems(s.replica) })),
    'sync.problem': (input) =>
      withSession(ctx, (s) => {
        const row = findOpenProblem(s.replica.db, input.mutationId)
        return row ? ok(toProblem(s.replica.db, row)) : fail('SYNC_PROBLEM_NOT_FOUND', 'mutationId')
      }),
    'sync.resolve': (input) => withSession(ctx, (s) => resolve(ctx, s, input.mutationId, input.resolution)),
  } satisfies AreaHandlers<'sync'>
}

/**
 * keepRegister: the replica already holds the register's rows (the verdict restored them), so
 * the caseworker's choice is only recorded on the problem row.
 */
function resolve(ctx: ServiceContext, s: ActiveSession, mutationId: string, resolution: 'keepRegister' | 'overwrite'): Result<SyncStatus> {
  const row = findOpenProblem(s.replica.db, mutationId)
  if (!row) return fail('SYNC_PROBLEM_NOT_FOUND', 'mutationId')
  if (resolution === 'overwrite' && row.state !== 'conflict') return fail('SYNC_PROBLEM_NOT_CONFLICT', 'resolution')
  s.replica.db
    .update(outbox)
    .set({ resolution: 'keepRegister' })
    .where(and(eq(outbox.id, mutationId), inArray(outbox.state, problemStates), isNull(outbox.resolution)))
    .run()
  const status = s.sync.status()
  ctx.events.emit('sync.status', status)
  return ok(status)
}
