import type { Result, Saved } from '../../shared/api'
import type { Command, CommandPayload, CommandType } from '../../shared/domain'
import { effectRef } from '../../shared/rules'
import type { ServiceContext } from './context'
import { withSession } from './guard'
import { mutating } from './mutating'

/**
 * The handler of one registration command: everything is in `mutating()` — R9 role, the
 * rules on the replica snapshot (every error in one pass, each with its field), then the
 * command's effects and its outbox row in one transaction. The answer names the rows written
 * and carries the warnings the registration was saved with.
 */
export function commandHandler<T extends CommandType>(ctx: ServiceContext, type: T): (payload: CommandPayload<T>) => Promise<Result<Saved>> {
  return (payload) =>
    withSession(ctx, (s) =>
      mutating({ replica: s.replica, user: s.user, now: ctx.now() }, { type, payload } as Command, ({ mutationId, effects, warnings }) => ({
        mutationId,
        rows: effects.map(effectRef),
        warnings,
      })),
    )
}
