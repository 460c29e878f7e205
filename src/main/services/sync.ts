import type { Result, SyncStatus } from '../../shared/api'
import { fail, failWith, ok } from '../../shared/api'
import type { Command } from '../../shared/domain'
import { findOpenProblem, listProblems, resolveProblem, toProblem } from '../sync/problems'
import { loggedOutStatus as loggedOut } from '../sync/status'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { withSession } from './guard'
import { mutating } from './mutating'

/** Sync status chip, "sync now", the A4 scope-exit confirmation and sync problems. */
export function syncHandlers(ctx: ServiceContext) {
  return {
    'sync.status': async () => ok(ctx.session?.sync.status() ?? loggedOut),
    'sync.run': async () => ok(ctx.session?.sync.runNow() ?? loggedOut),
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
 * the caseworker's choice is only recorded on the problem row. overwrite (conflicts only): the
 * same input again as a NEW mutation through `mutating()`; the replica's rows are the
 * register's since the verdict, so its base versions are the register's current ones and the
 * register applies it (unless someone changed the row again). The old row is resolved
 * `overwritten` in the same transaction.
 */
function resolve(ctx: ServiceContext, s: ActiveSession, mutationId: string, resolution: 'keepRegister' | 'overwrite'): Result<SyncStatus> {
  const row = findOpenProblem(s.replica.db, mutationId)
  if (!row) return fail('SYNC_PROBLEM_NOT_FOUND', 'mutationId')
  if (resolution === 'overwrite' && row.state !== 'conflict') return fail('SYNC_PROBLEM_NOT_CONFLICT', 'resolution')
  if (resolution === 'keepRegister') resolveProblem(s.replica.db, mutationId, 'keepRegister')
  else {
    const command = { type: row.command, payload: JSON.parse(row.payload) as unknown } as Command
    const done = mutating({ replica: s.replica, user: s.user, now: ctx.now() }, command, ({ tx }) => resolveProblem(tx, mutationId, 'overwritten'))
    if (!done.ok) return failWith(done.reasons)
  }
  const status = s.sync.status()
  ctx.events.emit('sync.status', status)
  return ok(status)
}
