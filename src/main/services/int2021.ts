import type { AreaHandlers, ServiceContext } from './context'
import { commandHandler } from './registrations'

/** The 2021 act's registrations (R12.3.2) on the replica, each through `mutating()`. */
export function int2021Handlers(ctx: ServiceContext) {
  const register = commandHandler(ctx, 'int2021.register')
  return {
    // R12.3.2: two rows of a kind on the same date are ordered by `recordedAt`, so it is the
    // device's clock at the save (the one the outbox and A5 use), never what the screen sent.
    'int2021.register': (payload) => register({ ...payload, recordedAt: ctx.now().toISOString() }),
    'int2021.delete': commandHandler(ctx, 'int2021.delete'),
  } satisfies AreaHandlers<'int2021'>
}
