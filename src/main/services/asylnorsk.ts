import type { AreaHandlers, ServiceContext } from './context'
import { commandHandler } from './registrations'

/** Training for asylum seekers (D7): weekly participation and the municipality's yearly offer. */
export function asylnorskHandlers(ctx: ServiceContext) {
  return {
    'asylnorsk.saveWeeklyParticipation': commandHandler(ctx, 'asylnorsk.saveWeeklyParticipation'),
    'asylnorsk.registerOffer': commandHandler(ctx, 'asylnorsk.registerOffer'),
  } satisfies AreaHandlers<'asylnorsk'>
}
