import type { AreaHandlers, ServiceContext } from './context'
import { commandHandler } from './registrations'

/** Deltaking norsk and Kartlegging (D6) on the replica. */
export function norskHandlers(ctx: ServiceContext) {
  return {
    'norsk.saveWeeklyParticipation': commandHandler(ctx, 'norsk.saveWeeklyParticipation'),
    'norsk.deleteWeeklyParticipation': commandHandler(ctx, 'norsk.deleteWeeklyParticipation'),
    'norsk.registerLanguageTrack': commandHandler(ctx, 'norsk.registerLanguageTrack'),
  } satisfies AreaHandlers<'norsk'>
}
