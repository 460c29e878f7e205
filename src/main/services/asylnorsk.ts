import { ok } from '../../shared/api'
import type { AreaHandlers, ServiceContext } from './context'
import { offersOnDevice } from './evaluation'
import { withSession } from './guard'
import { commandHandler } from './registrations'

/** Training for asylum seekers (D7): weekly participation and the municipality's yearly offer. */
export function asylnorskHandlers(ctx: ServiceContext) {
  return {
    // Every role may read the offers: they are the municipality's, not person data (D11).
    'asylnorsk.offers': () =>
      withSession(ctx, (s) =>
        ok(offersOnDevice(s.replica, s.user.municipality).sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind) || a.fromDate.localeCompare(b.fromDate))),
      ),
    'asylnorsk.saveWeeklyParticipation': commandHandler(ctx, 'asylnorsk.saveWeeklyParticipation'),
    'asylnorsk.registerOffer': commandHandler(ctx, 'asylnorsk.registerOffer'),
  } satisfies AreaHandlers<'asylnorsk'>
}
